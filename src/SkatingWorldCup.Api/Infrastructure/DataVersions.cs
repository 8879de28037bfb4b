using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using SkatingWorldCup.Api.Data;

namespace SkatingWorldCup.Api.Infrastructure;

public sealed class CachingOptions
{
    public const string Section = "Caching";

    // How long the data version read from the database is trusted. A write in this process is seen at once (Advance);
    // one made elsewhere (the CLI, another instance) within this time. 0 reads it for every request.
    public double DataVersionSeconds { get; init; } = 1;

    // Computed standings kept in memory, keyed by data version; false computes every request (bench/run.sh measures both).
    public bool Standings { get; init; } = true;

    public int StandingsEntries { get; init; } = 500;
}

// The version of everything the API serves: a number that moves whenever any data changes, which is what cached
// answers are keyed by. Reading it costs a round trip, so it is kept for a short time (CachingOptions).
public sealed class DataVersions(IServiceScopeFactory scopes, Microsoft.Extensions.Options.IOptions<CachingOptions> options)
{
    // Until the data_version table of the write API exists, the insert position of the write-ahead log stands in for it:
    // every write moves it (so do vacuum and checkpoints, which only costs a recomputation). The insert position, not
    // the write position, which lags behind commits when synchronous_commit is off.
    private const string Sql = "SELECT (pg_current_wal_insert_lsn() - '0/0')::bigint AS \"Value\"";

    private readonly long _ttl = (long)(options.Value.DataVersionSeconds * Stopwatch.Frequency);
    private readonly Lock _lock = new();
    private long _version = -1;
    private long _readAt;
    private Task<long>? _reading;

    public async ValueTask<long> CurrentAsync(CancellationToken cancellationToken)
    {
        if (_version >= 0 && Stopwatch.GetTimestamp() - Volatile.Read(ref _readAt) < _ttl)
        {
            return Volatile.Read(ref _version);
        }
        Task<long> reading;
        lock (_lock)
        {
            // One read at a time: the requests that find the version stale together share it.
            if (_reading is null || _reading.IsCompleted)
            {
                _reading = ReadAsync();
            }
            reading = _reading;
        }
        return await reading.WaitAsync(cancellationToken);
    }

    // A write committed in this process: its version is current from now on, without waiting for the next read.
    public void Advance(long version)
    {
        lock (_lock)
        {
            if (version > _version)
            {
                _version = version;
            }
        }
    }

    // A failed read fails the requests waiting for it; the next request tries again.
    private async Task<long> ReadAsync()
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SkatingDbContext>();
        var version = (await db.Database.SqlQueryRaw<long>(Sql).ToListAsync()).Single();
        lock (_lock)
        {
            _version = Math.Max(_version, version);
            _readAt = Stopwatch.GetTimestamp();
            return _version;
        }
    }
}
