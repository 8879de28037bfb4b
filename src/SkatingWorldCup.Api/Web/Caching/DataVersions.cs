using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using SkatingWorldCup.Api.Data;

namespace SkatingWorldCup.Api.Web.Caching;

// The data version (data_version.version, moved by every write) and the database it belongs to: a database recreated
// or restored under a running API starts its versions again, and must not meet answers cached for the old one.
public readonly record struct DataStamp(long Database, long Version);

// Reading the version costs a round trip, so it is kept for a short time (CachingOptions.DataVersionSeconds) and one
// read at a time serves every request that found it stale.
public sealed class DataVersions(IServiceScopeFactory scopes, Microsoft.Extensions.Options.IOptions<CachingOptions> options)
{
    private readonly long _ttl = (long)(options.Value.DataVersionSeconds * Stopwatch.Frequency);
    private readonly Lock _lock = new();
    private DataStamp? _current;
    private long _readAt;
    private Task<DataStamp>? _reading;

    public async ValueTask<DataStamp> CurrentAsync(CancellationToken cancellationToken)
    {
        if (_current is { } current && Stopwatch.GetTimestamp() - Volatile.Read(ref _readAt) < _ttl)
        {
            return current;
        }
        Task<DataStamp> reading;
        lock (_lock)
        {
            if (_reading is null || _reading.IsCompleted)
            {
                _reading = ReadAsync();
            }
            reading = _reading;
        }
        // A failed read fails the requests waiting for it; the next request starts another.
        return await reading.WaitAsync(cancellationToken);
    }

    // A write this process committed: its version is current from now on, without waiting for the next read.
    public void Advance(long version)
    {
        lock (_lock)
        {
            if (_current is { } current && version > current.Version)
            {
                _current = current with { Version = version };
            }
        }
    }

    private async Task<DataStamp> ReadAsync()
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SkatingDbContext>();
        var row = (await db.Database.SqlQueryRaw<StampRow>(
            "SELECT d.oid::bigint AS \"Database\", v.version AS \"Version\" FROM data_version v, pg_database d WHERE v.id = 1 AND d.datname = current_database()")
            .ToListAsync()).Single();
        var read = new DataStamp(row.Database, row.Version);
        lock (_lock)
        {
            // A read that started before an Advance must not take it back; another database's versions are not comparable.
            _current = _current is { } current && current.Database == read.Database && current.Version > read.Version ? current : read;
            _readAt = Stopwatch.GetTimestamp();
            return _current.Value;
        }
    }

    private sealed class StampRow
    {
        public long Database { get; init; }
        public long Version { get; init; }
    }
}
