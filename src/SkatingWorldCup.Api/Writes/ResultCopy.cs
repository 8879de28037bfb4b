using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;
using SkatingWorldCup.Api.Data;
using SkatingWorldCup.Api.Domain;

namespace SkatingWorldCup.Api.Writes;

// New results are most of what a season import writes (~2,400 rows), and EF inserts them one statement each, which
// took over a second. COPY writes them in one go, on the write's own connection and transaction.
public static class ResultCopy
{
    // Takes the added results out of EF's hands: call after DetectChanges and before the SaveChanges that gives
    // their races and competitors their ids; then InsertAsync.
    public static List<Result> Detach(SkatingDbContext db)
    {
        var added = db.ChangeTracker.Entries<Result>().Where(e => e.State == EntityState.Added).Select(e => e.Entity).ToList();
        foreach (var result in added)
        {
            db.Entry(result).State = EntityState.Detached;
        }
        return added;
    }

    public static async Task InsertAsync(SkatingDbContext db, List<Result> results, CancellationToken cancellationToken)
    {
        if (results.Count == 0)
        {
            return;
        }
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await using var copy = await connection.BeginBinaryImportAsync(
            "COPY results (race_id, competitor_id, division, rank, time, status, points, points_given) FROM STDIN (FORMAT BINARY)", cancellationToken);
        foreach (var r in results)
        {
            await copy.StartRowAsync(cancellationToken);
            await copy.WriteAsync(r.Race?.Id ?? r.RaceId, NpgsqlDbType.Integer, cancellationToken);
            await copy.WriteAsync(r.Competitor?.Id ?? r.CompetitorId, NpgsqlDbType.Integer, cancellationToken);
            await WriteAsync(copy, r.Division is { } d ? d.ToApi() : null, NpgsqlDbType.Varchar, cancellationToken);
            await WriteAsync(copy, r.Rank, NpgsqlDbType.Integer, cancellationToken);
            await WriteAsync(copy, r.Time, NpgsqlDbType.Numeric, cancellationToken);
            await copy.WriteAsync(r.Status.ToApi(), NpgsqlDbType.Varchar, cancellationToken);
            await copy.WriteAsync(r.Points, NpgsqlDbType.Integer, cancellationToken);
            await copy.WriteAsync(r.PointsGiven, NpgsqlDbType.Boolean, cancellationToken);
        }
        await copy.CompleteAsync(cancellationToken);
    }

    private static Task WriteAsync<T>(NpgsqlBinaryImporter copy, T? value, NpgsqlDbType type, CancellationToken cancellationToken) =>
        value is null ? copy.WriteNullAsync(cancellationToken) : copy.WriteAsync(value, type, cancellationToken);
}
