using System.Globalization;
using System.Threading.RateLimiting;

namespace SkatingWorldCup.Api.Web;

// RateLimits:* in configuration. Windows are clock minutes, so every client can be told when its window resets.
public sealed class RateLimitSettings
{
    public bool Enabled { get; init; } = true;
    public int AnonymousPerMinute { get; init; } = 120;
    public int KeyPerMinute { get; init; } = 1200;
}

// /api requests are counted per client and clock minute: anonymous clients per IP address, key holders per key name,
// with more room. Runs after authentication (UseApiKeys), before authorization. Over the limit is a 429 problem; every counted response says RateLimit-Limit/-Remaining/-Reset.
public static class RateLimits
{
    private static readonly TimeSpan s_window = TimeSpan.FromMinutes(1);

    public static IServiceCollection AddSkatingRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var settings = configuration.GetSection("RateLimits").Get<RateLimitSettings>() ?? new RateLimitSettings();
        if (!settings.Enabled)
        {
            return services;
        }
        var limiter = PartitionedRateLimiter.Create<HttpContext, string>(context => Client(context, settings) is { } client
            ? RateLimitPartition.GetFixedWindowLimiter($"{client.Key}@{WindowStart()}", _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = client.Limit,
                Window = s_window,
                QueueLimit = 0,
            })
            : RateLimitPartition.GetNoLimiter(""));
        services.AddSingleton(limiter);
        services.AddSingleton(settings);
        return services.AddRateLimiter(options =>
        {
            options.GlobalLimiter = limiter;
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = async (rejected, cancellationToken) =>
            {
                var context = rejected.HttpContext;
                var limit = Client(context, settings)!.Value.Limit;
                WriteHeaders(context.Response, limit, 0);
                context.Response.Headers.RetryAfter = context.Response.Headers["RateLimit-Reset"];
                await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = context,
                    ProblemDetails =
                    {
                        Status = StatusCodes.Status429TooManyRequests,
                        Title = "Too many requests",
                        Detail = $"This client may make {limit} API requests a minute; retry in {SecondsToReset()} s. "
                            + $"Requests with an API key (X-Api-Key) may make {settings.KeyPerMinute} a minute.",
                    },
                });
            };
        });
    }

    public static void UseSkatingRateLimits(this WebApplication app)
    {
        if (app.Services.GetService<PartitionedRateLimiter<HttpContext>>() is not { } limiter)
        {
            return;
        }
        var settings = app.Services.GetRequiredService<RateLimitSettings>();
        app.UseRateLimiter();
        app.Use((context, next) =>
        {
            if (Client(context, settings) is { } client)
            {
                context.Response.OnStarting(() =>
                {
                    WriteHeaders(context.Response, client.Limit, limiter.GetStatistics(context)?.CurrentAvailablePermits ?? 0);
                    return Task.CompletedTask;
                });
            }
            return next(context);
        });
    }

    // Who is counted, and against which limit; null for what is not counted (health probes, Swagger, the page, preflights).
    private static (string Key, int Limit)? Client(HttpContext context, RateLimitSettings settings)
    {
        if (!context.Request.Path.StartsWithSegments("/api") || HttpMethods.IsOptions(context.Request.Method))
        {
            return null;
        }
        // A key counts once authentication has accepted it; an unknown or revoked key is counted with its address, so
        // guessing keys cannot open new buckets.
        return context.User.Identity is { IsAuthenticated: true, Name: { } keyName }
            ? ($"key:{keyName}", settings.KeyPerMinute)
            : ($"ip:{context.Connection.RemoteIpAddress}", settings.AnonymousPerMinute);
    }

    private static long WindowStart() => DateTimeOffset.UtcNow.ToUnixTimeSeconds() / 60;

    private static long SecondsToReset() => 60 - (DateTimeOffset.UtcNow.ToUnixTimeSeconds() % 60);

    private static void WriteHeaders(HttpResponse response, int limit, long remaining)
    {
        response.Headers["RateLimit-Limit"] = limit.ToString(CultureInfo.InvariantCulture);
        response.Headers["RateLimit-Remaining"] = remaining.ToString(CultureInfo.InvariantCulture);
        response.Headers["RateLimit-Reset"] = SecondsToReset().ToString(CultureInfo.InvariantCulture);
    }
}
