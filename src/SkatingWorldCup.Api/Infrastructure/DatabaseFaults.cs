using Npgsql;

namespace SkatingWorldCup.Api.Infrastructure;

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
}
