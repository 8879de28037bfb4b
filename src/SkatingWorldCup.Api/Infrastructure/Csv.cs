using System.Globalization;
using System.Text;
using CsvHelper;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.Formatters;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace SkatingWorldCup.Api.Infrastructure;

// A response that can also be served as CSV: it knows its own columns, so the formatter stays generic.
public interface ICsvExportable
{
    string CsvFileName { get; }

    Task WriteCsvAsync(CsvWriter csv, CancellationToken cancellationToken);
}

public static class Csv
{
    public const string MediaType = "text/csv";

    // Accept: text/csv picks the formatter by content negotiation; ?format=csv maps to it through [QueryFormat].
    public static void AddCsv(this MvcOptions options)
    {
        options.OutputFormatters.Add(new CsvOutputFormatter());
        options.FormatterMappings.SetMediaTypeMappingForFormat("csv", MediaType);
    }

    public static async Task WriteRowAsync(this CsvWriter csv, IEnumerable<string?> fields)
    {
        foreach (var field in fields)
        {
            csv.WriteField(field);
        }
        await csv.NextRecordAsync();
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

    protected override bool CanWriteType(Type? type) => type is not null && typeof(ICsvExportable).IsAssignableFrom(type);

    public override async Task WriteResponseBodyAsync(OutputFormatterWriteContext context, Encoding selectedEncoding)
    {
        var body = (ICsvExportable)context.Object!;
        var response = context.HttpContext.Response;
        response.Headers.ContentDisposition = new ContentDispositionHeaderValue("attachment") { FileName = body.CsvFileName }.ToString();
        // Async all the way: Kestrel refuses synchronous writes to the response body.
        await using var writer = context.WriterFactory(response.Body, selectedEncoding);
        await using var csv = new CsvWriter(writer, CultureInfo.InvariantCulture);
        await body.WriteCsvAsync(csv, context.HttpContext.RequestAborted);
        await csv.FlushAsync();
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
