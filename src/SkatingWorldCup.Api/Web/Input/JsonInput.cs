using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Infrastructure;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace SkatingWorldCup.Api.Web.Input;

// 400s of model binding (malformed JSON, wrong types, unknown fields, values out of range) named like FluentValidation's:
// by JSON path without the "$.", and in words rather than .NET type names.
public static partial class JsonInput
{
    public static IActionResult InvalidModelState(ActionContext context)
    {
        // "The document field is required." only repeats that the body had errors, when it had.
        var bodies = context.ActionDescriptor.Parameters.Where(p => p.BindingInfo?.BindingSource == BindingSource.Body).Select(p => p.Name).ToHashSet();
        var onlyBodies = context.ModelState.Where(e => e.Value?.Errors.Count > 0).All(e => bodies.Contains(e.Key));
        var errors = new ModelStateDictionary();
        foreach (var (key, entry) in context.ModelState)
        {
            if (bodies.Contains(key) && !onlyBodies)
            {
                continue;
            }
            foreach (var error in entry.Errors)
            {
                errors.AddModelError(Path(key), Message(error.ErrorMessage.Length > 0 ? error.ErrorMessage : error.Exception?.Message ?? "The input was not valid."));
            }
        }
        var problem = context.HttpContext.RequestServices.GetRequiredService<ProblemDetailsFactory>().CreateValidationProblemDetails(context.HttpContext, errors, 400);
        return new BadRequestObjectResult(problem) { ContentTypes = { "application/problem+json" } };
    }

    private static string Path(string key) => key == "$" ? "" : key.StartsWith("$.", StringComparison.Ordinal) ? key[2..] : key;

    private static string Message(string message)
    {
        var line = LineInfo().Match(message);
        var where = line.Success ? $" (line {long.Parse(line.Groups[1].Value, CultureInfo.InvariantCulture) + 1}, byte {line.Groups[2].Value})" : "";
        message = PathInfo().Replace(LineInfo().Replace(message, ""), "").Trim();
        if (ConvertFailure().Match(message) is { Success: true } convert)
        {
            return $"expected {Expected(convert.Groups[1].Value)}{where}.";
        }
        if (UnknownMember().Match(message) is { Success: true } unknown)
        {
            return $"unknown field '{unknown.Groups[1].Value}'.";
        }
        return where.Length == 0 ? message : $"{message.TrimEnd('.')}{where}.";
    }

    private static string Expected(string type) => type switch
    {
        _ when type.Contains("Int32", StringComparison.Ordinal) || type.Contains("Int64", StringComparison.Ordinal) => "a whole number (in range)",
        _ when type.Contains("Decimal", StringComparison.Ordinal) || type.Contains("Double", StringComparison.Ordinal) => "a number",
        _ when type.Contains("Boolean", StringComparison.Ordinal) => "true or false",
        _ when type.Contains("DateOnly", StringComparison.Ordinal) => "a date as YYYY-MM-DD",
        _ when type.Contains("String", StringComparison.Ordinal) => "a string",
        _ when type.Contains("List`1", StringComparison.Ordinal) || type.EndsWith("[]", StringComparison.Ordinal) => "an array",
        _ => "an object",
    };

    [GeneratedRegex(@"LineNumber: (\d+) \| BytePositionInLine: (\d+)\.?")]
    private static partial Regex LineInfo();

    [GeneratedRegex(@"Path: \S*( \|)?")]
    private static partial Regex PathInfo();

    [GeneratedRegex(@"^The JSON value could not be converted to ([^.\s]+(?:\.[^.\s]+)*)\.?")]
    private static partial Regex ConvertFailure();

    [GeneratedRegex(@"^The JSON property '([^']*)' could not be mapped to any \.NET member")]
    private static partial Regex UnknownMember();
}
