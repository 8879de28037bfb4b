using Microsoft.AspNetCore.Diagnostics;
using Npgsql;

namespace SkatingWorldCup.Api.Web;

// Tells "PostgreSQL is unreachable, shutting down or too slow" (the client may retry: 503) from a bug (500).
public static class DatabaseFaults
{
    public static bool IsUnavailable(Exception exception)
    {
        // EF wraps what Npgsql throws: DbUpdateException on SaveChanges, InvalidOperationException from its execution strategy.
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case PostgresException postgres:
                    // 08: connection exception; 53: insufficient resources (too many connections); 57P: the server is shutting down or starting.
                    return postgres.SqlState.StartsWith("08", StringComparison.Ordinal) || postgres.SqlState.StartsWith("53", StringComparison.Ordinal)
                        || postgres.SqlState.StartsWith("57P", StringComparison.Ordinal);
                case NpgsqlException or TimeoutException:
                    return true;
            }
        }
        return false;
    }

    private static long s_lastCleared;

    // After an outage the pools hold connections the server has closed, and each would fail one request when next used:
    // drop them all at the first failure (at most once a second), so the first requests after a restart get new ones.
    public static void ClearPools()
    {
        var now = Environment.TickCount64;
        var last = Interlocked.Read(ref s_lastCleared);
        if (now - last >= 1000 && Interlocked.CompareExchange(ref s_lastCleared, now, last) == last)
        {
            NpgsqlConnection.ClearAllPools();
        }
    }
}

// An unavailable database is a 503 problem with Retry-After and one warning line, not a 500 with a stack trace
// (a handled exception is not logged again by the exception handler middleware).
public sealed class DatabaseUnavailableHandler(IProblemDetailsService problems, ILogger<DatabaseUnavailableHandler> logger) : IExceptionHandler
{
    public const int RetryAfterSeconds = 5;

    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        if (!DatabaseFaults.IsUnavailable(exception))
        {
            return false;
        }
        DatabaseFaults.ClearPools();
        logger.LogWarning("{Method} {Path}: the database is unavailable: {Error}", context.Request.Method, context.Request.Path.Value, exception.GetBaseException().Message);
        context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        context.Response.Headers.RetryAfter = $"{RetryAfterSeconds}";
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            Exception = exception,
            ProblemDetails =
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = "Service unavailable",
                Detail = $"The database cannot be reached right now: retry in {RetryAfterSeconds} seconds.",
            },
        });
    }
}
