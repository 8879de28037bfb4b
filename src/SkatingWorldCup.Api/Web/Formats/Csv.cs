using System.ComponentModel;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using CsvHelper;
using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.Formatters;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using SkatingWorldCup.Api.Domain;

namespace SkatingWorldCup.Api.Web.Formats;

// A response that can also be served as CSV: it knows its own columns, so the formatter stays generic.
public interface ICsvExportable
{
    string CsvFileName { get; }

    Task WriteCsvAsync(CsvWriter csv, CancellationToken cancellationToken);
}

// A list item that can be one CSV row. The header belongs to the type, so an empty page still has one.
public interface ICsvRow
{
    static abstract IReadOnlyList<string> CsvHeader { get; }

    IEnumerable<object?> CsvFields();
}

public static partial class Csv
{
    public const string MediaType = "text/csv";

    // Accept: text/csv picks the formatter by content negotiation; ?format=csv maps to it through [QueryFormat].
    public static void AddCsv(this MvcOptions options)
    {
        options.OutputFormatters.Add(new CsvOutputFormatter());
        options.FormatterMappings.SetMediaTypeMappingForFormat("csv", MediaType);
    }

    public static async Task WriteRowAsync(this CsvWriter csv, IEnumerable<object?> fields)
    {
        foreach (var field in fields)
        {
            csv.WriteField(Format(field));
        }
        await csv.EndRecordAsync();
    }

    // The JSON spelling of every value ("women", "500", "2012-11-16", "37.85", "true"), whatever the server's culture.
    private static string? Format(object? value) => value switch
    {
        null => null,
        string text => text,
        bool flag => flag ? "true" : "false",
        DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        Enum e => ApiName.Of(e),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    public static IRuleBuilderOptions<T, string?> MustBeResponseFormat<T>(this IRuleBuilder<T, string?> rule) => rule
        .Must(f => f is null || f.Equals("json", StringComparison.OrdinalIgnoreCase) || f.Equals("csv", StringComparison.OrdinalIgnoreCase))
        .WithMessage((_, f) => $"'{f}' is not a valid format: use json or csv.");

    // /api/v1/seasons/2012-13/races -> 2012-13-races.csv, /api/v1/world-records/history -> world-records-history.csv
    public static string FileNameFor(HttpRequest request) => $"{ApiPrefix().Replace(request.Path.Value ?? "", "").Trim('/').Replace('/', '-')}.csv";

    public static Type? PageItemType(Type type) =>
        type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Page<>) && typeof(ICsvRow).IsAssignableFrom(type.GetGenericArguments()[0])
            ? type.GetGenericArguments()[0]
            : null;

    [GeneratedRegex("^/api/v[0-9]+/(seasons/)?")]
    private static partial Regex ApiPrefix();
}

// ?format= on an endpoint that also answers CSV; the values are checked, not bound to an enum, so a bad one is a 400 naming "format".
public class FormatQuery
{
    [FromQuery(Name = "format"), Description("json (default) or csv; the same as Accept: text/csv.")]
    public string? Format { get; init; }
}

public class FormatQueryValidator : AbstractValidator<FormatQuery>
{
    public FormatQueryValidator() => RuleFor(q => q.Format).MustBeResponseFormat();
}

public class CsvPageQuery : PageQuery
{
    [FromQuery(Name = "format"), Description("json (default) or csv; the same as Accept: text/csv. CSV has the page's items, one row each.")]
    public string? Format { get; init; }
}

public class CsvPageQueryValidator<T> : PageQueryValidator<T> where T : CsvPageQuery
{
    public CsvPageQueryValidator() => RuleFor(q => q.Format).MustBeResponseFormat();
}

// A page of ICsvRow items as CSV: the items only, as the JSON page has them (limit and offset apply).
internal sealed class CsvPage<T>(Page<T> page, string fileName) : ICsvExportable where T : ICsvRow
{
    public string CsvFileName => fileName;

    public async Task WriteCsvAsync(CsvWriter csv, CancellationToken cancellationToken)
    {
        await csv.WriteRowAsync(T.CsvHeader);
        foreach (var item in page.Items)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await csv.WriteRowAsync(item.CsvFields());
        }
    }
}

// RFC 4180: comma-separated, CRLF line ends, fields quoted where they hold a comma, quote or line break; UTF-8.
public sealed class CsvOutputFormatter : TextOutputFormatter
{
    public CsvOutputFormatter()
    {
        SupportedMediaTypes.Add(MediaTypeHeaderValue.Parse(Csv.MediaType));
        SupportedEncodings.Add(new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
    }

    protected override bool CanWriteType(Type? type) =>
        type is not null && (typeof(ICsvExportable).IsAssignableFrom(type) || Csv.PageItemType(type) is not null);

    public override async Task WriteResponseBodyAsync(OutputFormatterWriteContext context, Encoding selectedEncoding)
    {
        var body = context.Object as ICsvExportable ?? (ICsvExportable)Activator.CreateInstance(
            typeof(CsvPage<>).MakeGenericType(Csv.PageItemType(context.Object!.GetType())!), context.Object, Csv.FileNameFor(context.HttpContext.Request))!;
        var response = context.HttpContext.Response;
        response.Headers.ContentDisposition = new ContentDispositionHeaderValue("attachment") { FileName = body.CsvFileName }.ToString();
        // UTF-8 straight into the body (the only encoding offered), async all the way: Kestrel refuses synchronous writes.
        await using var csv = CsvWriter.Create(response.Body, CsvWriterOptions.Default, leaveOpen: true);
        await body.WriteCsvAsync(csv, context.HttpContext.RequestAborted);
        await csv.FlushAsync(context.HttpContext.RequestAborted);
    }
}

// ?format=csv (or json) chooses the media type the way an Accept header would. Unknown formats are the
// query validator's business (400), so successful object results are all this has to handle.
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Class)]
public sealed class QueryFormatAttribute : Attribute, IResultFilter
{
    public void OnResultExecuting(ResultExecutingContext context)
    {
        if (context.Result is ObjectResult { StatusCode: null or (>= 200 and < 300) } result
            && context.HttpContext.Request.Query["format"].ToString() is { Length: > 0 } format
            && context.HttpContext.RequestServices.GetRequiredService<IOptions<MvcOptions>>().Value.FormatterMappings.GetMediaTypeMappingForFormat(format) is { } mediaType)
        {
            result.ContentTypes = [mediaType];
        }
    }

    public void OnResultExecuted(ResultExecutedContext context)
    {
    }
}
