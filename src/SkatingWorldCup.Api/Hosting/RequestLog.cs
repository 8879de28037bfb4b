using System.Diagnostics;
using SkatingWorldCup.Api.Web;

namespace SkatingWorldCup.Api.Hosting;

public static class RequestLog
{
    // Outside Development stdout gets one JSON object per line (JsonLinesLoggerProvider), for a log collector to index;
    // the request line's fields (Method, Path, StatusCode, DurationMs, TraceId) are in its State. A command-line verb logs plainly.
    public static void AddSkatingLogging(this WebApplicationBuilder builder, bool isVerb)
    {
        if (isVerb)
        {
            Commands.QuietLogging(builder.Logging);
        }
        else if (!builder.Environment.IsDevelopment())
        {
            JsonLinesLoggerProvider.Use(builder.Logging, o =>
            {
                o.IncludeScopes = true;
                o.UseUtcTimestamp = true;
                o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
            });
        }
    }

    // First in the pipeline, so the duration covers everything and the status is the one sent, problems included.
    public static void UseRequestLog(this WebApplication app) => app.UseMiddleware<RequestLogMiddleware>();
}

public sealed partial class RequestLogMiddleware(RequestDelegate next, ILogger<RequestLogMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            await next(context);
        }
        finally
        {
            Answered(logger, context.Request.Method, context.Request.Path.Value, context.Response.StatusCode,
                Math.Round(Stopwatch.GetElapsedTime(started).TotalMilliseconds, 1), context.TraceId());
        }
    }

    // Generated: no argument array, no boxing and no template parsing per request, which every request pays for.
    [LoggerMessage(EventId = 1, EventName = "RequestAnswered", Level = LogLevel.Information,
        Message = "{Method} {Path} answered {StatusCode} in {DurationMs} ms (trace {TraceId})")]
    private static partial void Answered(ILogger logger, string method, string? path, int statusCode, double durationMs, string traceId);
}
