using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using SkatingWorldCup.Api.Data;
using SkatingWorldCup.Api.Web;

namespace SkatingWorldCup.Api.Hosting;

// /health/live: the process answers (no checks: restarting it cannot fix the database).
// /health/ready: it can serve, i.e. PostgreSQL answers within the timeout and no migration is pending. 503 when not.
public static class Health
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(2);

    public static IServiceCollection AddSkatingHealthChecks(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database", HealthStatus.Unhealthy, ["ready"], s_timeout)
            .AddCheck<MigrationsHealthCheck>("migrations", HealthStatus.Unhealthy, ["ready"], s_timeout);
        return services;
    }

    public static void MapSkatingHealthChecks(this WebApplication app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteJsonAsync });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready"), ResponseWriter = WriteJsonAsync });
    }

    // {"status":"unhealthy","durationMs":3,"checks":{"database":{"status":"unhealthy","description":"…","durationMs":2}}}
    private static Task WriteJsonAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        return context.Response.WriteAsJsonAsync(new
        {
            status = Name(report.Status),
            durationMs = Math.Round(report.TotalDuration.TotalMilliseconds, 1),
            checks = report.Entries.ToDictionary(e => e.Key, e => new
            {
                status = Name(e.Value.Status),
                description = e.Value.Description,
                durationMs = Math.Round(e.Value.Duration.TotalMilliseconds, 1),
            }),
        }, JsonSerializerOptions.Web);
    }

    private static string Name(HealthStatus status) => status.ToString().ToLowerInvariant();
}

public sealed class DatabaseHealthCheck(SkatingDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await db.Database.ExecuteSqlRawAsync("SELECT 1", cancellationToken);
            return HealthCheckResult.Healthy("PostgreSQL answers.");
        }
        catch (Exception e) when (DatabaseFaults.IsUnavailable(e) || e is OperationCanceledException)
        {
            // The reason without the stack: the health check service logs every unhealthy result as an error.
            return HealthCheckResult.Unhealthy($"PostgreSQL does not answer: {e.GetBaseException().Message}");
        }
    }
}

public sealed class MigrationsHealthCheck(SkatingDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
            return pending.Count == 0
                ? HealthCheckResult.Healthy("The schema is up to date.")
                : HealthCheckResult.Unhealthy($"Pending migrations: {string.Join(", ", pending)}.");
        }
        catch (Exception e) when (DatabaseFaults.IsUnavailable(e) || e is OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy($"Cannot read the applied migrations: {e.GetBaseException().Message}");
        }
    }
}
