using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using SkatingWorldCup.Api.Data;
using SkatingWorldCup.Api.Domain;

namespace SkatingWorldCup.Api.Writes;

// Who a write is recorded as when no API key made it.
public static class Actors
{
    public const string System = "system";
    public const string Bundled = "bundled"; // the bundled seasons loaded into an empty database
    public const string Cli = "cli";
}

public record ChangeEntry(string KeyName, string Action, string Entity, string EntityId, object Summary);

// Every write is one of these: a transaction whose first statement bumps the single data_version row. That row lock
// queues writers, so each write reads what the previous one committed (If-Match checks and merges never work on stale
// rows), and audit rows get their ids in commit order, which is what lets a script sync with `?since=<last id>`.
// Disposing without CommitAsync rolls everything back, the version bump included.
public sealed class WriteTransaction : IAsyncDisposable
{
    private readonly SkatingDbContext _db;
    private readonly IDbContextTransaction _transaction;

    private WriteTransaction(SkatingDbContext db, IDbContextTransaction transaction, long dataVersion)
    {
        _db = db;
        _transaction = transaction;
        DataVersion = dataVersion;
    }

    public long DataVersion { get; }

    private static readonly TimeSpan WriteCommandTimeout = TimeSpan.FromSeconds(30);

    public static async Task<WriteTransaction> BeginAsync(SkatingDbContext db, CancellationToken cancellationToken)
    {
        // Writers queue on the data_version row, so waiting for it is normal: a write may wait longer than the short
        // command timeout of reads (Database.WithTimeouts).
        db.Database.SetCommandTimeout(WriteCommandTimeout);
        var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var version = await db.Database.SqlQuery<long>($"UPDATE data_version SET version = version + 1 WHERE id = 1 RETURNING version AS \"Value\"")
            .ToListAsync(cancellationToken);
        return new WriteTransaction(db, transaction, version.Single());
    }

    public async Task CommitAsync(ChangeEntry change, CancellationToken cancellationToken)
    {
        await RecordAsync(change, cancellationToken);
        await _transaction.CommitAsync(cancellationToken);
    }

    // The audit row, written in the transaction; CommitAsync makes it (and the write) last, disposing rolls it back.
    public async Task RecordAsync(ChangeEntry change, CancellationToken cancellationToken)
    {
        _db.Changes.Add(new Change
        {
            At = DateTimeOffset.UtcNow,
            KeyName = change.KeyName,
            Action = change.Action,
            Entity = change.Entity,
            EntityId = change.EntityId,
            Summary = JsonSerializer.Serialize(change.Summary, JsonSerializerOptions.Web),
            DataVersion = DataVersion,
        });
        await _db.SaveChangesAsync(cancellationToken);
    }

    public ValueTask DisposeAsync() => _transaction.DisposeAsync();
}

public static class WriteTransactionExtensions
{
    public static Task<WriteTransaction> BeginWriteAsync(this SkatingDbContext db, CancellationToken cancellationToken) =>
        WriteTransaction.BeginAsync(db, cancellationToken);
}
