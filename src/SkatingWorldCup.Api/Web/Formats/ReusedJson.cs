using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Formatters;

namespace SkatingWorldCup.Api.Web.Formats;

// An answer kept in memory and served many times (cached standings) is serialized to JSON once: its first JSON response
// keeps the UTF-8 bytes, later ones write them. Serializing a season's standings was about 40% of the CPU of serving
// them from the cache (bench/README.md). Content negotiation is untouched: the formatter stands where System.Text.Json's
// does, for the same media types, and writes exactly what that one writes; CSV and everything not kept go as before.
public static class ReusedJson
{
    private static readonly ConditionalWeakTable<object, StrongBox<byte[]?>> Kept = new();

    // The answer must not change afterwards: its bytes are what every later response gets.
    public static T Keep<T>(T answer) where T : class
    {
        Kept.TryAdd(answer, new StrongBox<byte[]?>());
        return answer;
    }

    internal static StrongBox<byte[]?>? BytesOf(object? answer) => answer is not null && Kept.TryGetValue(answer, out var bytes) ? bytes : null;

    public static void AddReusedJson(this IServiceCollection services) =>
        services.Configure<MvcOptions>(mvc =>
        {
            // Its options, not JsonOptions': the formatter relaxes the escaping of those (é stays é, ' stays ').
            var systemTextJson = mvc.OutputFormatters.OfType<SystemTextJsonOutputFormatter>().Single();
            mvc.OutputFormatters.Insert(mvc.OutputFormatters.IndexOf(systemTextJson), new ReusedJsonOutputFormatter(systemTextJson.SerializerOptions));
        });
}

public sealed class ReusedJsonOutputFormatter : TextOutputFormatter
{
    private readonly JsonSerializerOptions _options;

    public ReusedJsonOutputFormatter(JsonSerializerOptions options)
    {
        _options = options;
        // As SystemTextJsonOutputFormatter: the same charsets and media types, in the same order.
        SupportedEncodings.Add(Encoding.UTF8);
        SupportedEncodings.Add(Encoding.Unicode);
        SupportedMediaTypes.Add("application/json");
        SupportedMediaTypes.Add("text/json");
        SupportedMediaTypes.Add("application/*+json");
    }

    public override bool CanWriteResult(OutputFormatterCanWriteContext context) => ReusedJson.BytesOf(context.Object) is not null && base.CanWriteResult(context);

    public override async Task WriteResponseBodyAsync(OutputFormatterWriteContext context, Encoding selectedEncoding)
    {
        var kept = ReusedJson.BytesOf(context.Object)!;
        // Two first requests at once may both serialize: the same bytes, and one of them is kept.
        var bytes = kept.Value ??= JsonSerializer.SerializeToUtf8Bytes(context.Object, context.Object!.GetType(), _options);
        var response = context.HttpContext.Response;
        if (selectedEncoding.CodePage == Encoding.UTF8.CodePage)
        {
            response.ContentLength = bytes.Length;
            await response.Body.WriteAsync(bytes, context.HttpContext.RequestAborted);
            return;
        }
        await using var transcoding = Encoding.CreateTranscodingStream(response.Body, selectedEncoding, Encoding.UTF8, leaveOpen: true);
        await transcoding.WriteAsync(bytes, context.HttpContext.RequestAborted);
    }
}
