using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql;
using SkatingWorldCup.Api.Data;
using SkatingWorldCup.Api.Writes;
using SkatingWorldCup.Api.Writes.Documents;

namespace SkatingWorldCup.Api.Hosting;

public static class Database
{
    // With ConnectionStrings:Skating set we use that server; without it we run our own PostgreSQL in a git-ignored folder.
    public static async Task<string> AddSkatingDatabaseAsync(this WebApplicationBuilder builder)
    {
        var connectionString = builder.Configuration.GetConnectionString("Skating");
        string description;
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            var dataDirectory = builder.Configuration["LocalDatabase:DataDirectory"] ?? Path.Combine(builder.Environment.ContentRootPath, ".pgdata");
            // Its data is small and cached: random reads cost about what sequential ones do, and with the default (4) the
            // planner scanned every season's races for one cup's instead of using the index (bench/results/explain-*.txt).
            var local = await LocalPostgres.StartAsync(dataDirectory, ["random_page_cost=1.1"]);
            await local.EnsureDatabaseAsync("skating");
            connectionString = local.ConnectionString("skating");
            builder.Services.AddSingleton(local);
            builder.Services.AddHostedService(_ => new LocalPostgresLifetime(local));
            description = $"embedded PostgreSQL in {local.DataDirectory} on 127.0.0.1:{local.Port}";
        }
        else
        {
            var parsed = new NpgsqlConnectionStringBuilder(connectionString);
            description = $"PostgreSQL at {parsed.Host}:{parsed.Port}/{parsed.Database} (ConnectionStrings__Skating)";
        }
        connectionString = WithPreparation(WithTimeouts(connectionString));
        // Pooled: a request reuses a context instead of building one (and its options) every time, which showed in
        // profiles of the cached standings, where the context is not even used.
        builder.Services.AddDbContextPool<SkatingDbContext>(options => options
            .UseNpgsql(connectionString)
            .UseQueryTrackingBehavior(QueryTrackingBehavior.NoTracking)
            // A failure is logged once, where it is handled: as a 503 warning (DatabaseUnavailableHandler) or a 500 error
            // (the exception handler). EF's own lines would repeat it as errors, several times per request.
            .ConfigureWarnings(w => w
                .Log((RelationalEventId.CommandError, LogLevel.Warning), (RelationalEventId.ConnectionError, LogLevel.Debug),
                    (RelationalEventId.TransactionError, LogLevel.Debug), (CoreEventId.QueryIterationFailed, LogLevel.Debug),
                    (CoreEventId.SaveChangesFailed, LogLevel.Debug))));
        return description;
    }

    // Npgsql waits 15 s to connect and 30 s for a command by default: with PostgreSQL gone, requests would hang that long
    // instead of answering 503 at once. Values the connection string gives are kept.
    // Statements run again and again (every read endpoint's) are prepared on each pooled connection after a few uses, so
    // PostgreSQL stops planning them every time: planning the standings' statements cost as much as running them.
    // A value the connection string gives is kept.
    public static string WithPreparation(string connectionString)
    {
        var given = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString }.Keys.Cast<string>()
            .Select(k => k.Replace(" ", "", StringComparison.Ordinal).ToLowerInvariant());
        return given.Contains("maxautoprepare") ? connectionString : new NpgsqlConnectionStringBuilder(connectionString) { MaxAutoPrepare = 50 }.ConnectionString;
    }

    public static string WithTimeouts(string connectionString)
    {
        var given = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString }.Keys.Cast<string>()
            .Select(k => k.Replace(" ", "", StringComparison.Ordinal).ToLowerInvariant()).ToHashSet();
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!given.Overlaps(["timeout", "connecttimeout", "connectiontimeout"]))
        {
            builder.Timeout = 2;
        }
        if (!given.Contains("commandtimeout"))
        {
            builder.CommandTimeout = 5;
        }
        return builder.ConnectionString;
    }

    public static async Task MigrateAndLoadBundledSeasonsAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SkatingDbContext>();
        // EF probes its history table by querying it, which logs a failed command on a new database; create it first.
        await db.Database.ExecuteSqlRawAsync(db.GetService<IHistoryRepository>().GetCreateIfNotExistsScript());
        await db.Database.MigrateAsync();
        if (await db.Seasons.AnyAsync())
        {
            return;
        }
        foreach (var (name, document) in BundledSeasons.Load())
        {
            db.ChangeTracker.Clear();
            var importer = ActivatorUtilities.CreateInstance<SeasonImporter>(scope.ServiceProvider);
            var outcome = await importer.ImportAsync(document, Actors.Bundled);
            if (!outcome.Succeeded)
            {
                throw new InvalidOperationException($"Bundled season {name} is invalid: {string.Join("; ", outcome.Errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}"))}");
            }
            app.Logger.LogInformation("Loaded bundled season {Season}", name);
        }
    }

    private sealed class LocalPostgresLifetime(LocalPostgres postgres) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;
        public Task StopAsync(CancellationToken cancellationToken) => postgres.StopAsync();
    }
}
