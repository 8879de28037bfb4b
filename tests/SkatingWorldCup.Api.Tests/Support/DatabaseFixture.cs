using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using SkatingWorldCup.Api.Data;
using SkatingWorldCup.Api.Writes;
using SkatingWorldCup.Api.Writes.Documents;
using SkatingWorldCup.Api.Writes.Validation;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace SkatingWorldCup.Api.Tests.Support;

// Every test that touches PostgreSQL is in this collection: one server per run, and its tests run one at a time
// because they share the database skating_test.
[CollectionDefinition("api")]
public sealed class ApiCollection : ICollectionFixture<DatabaseFixture>;

// Migrating and seeding happen once, into skating_template; each test then starts from a copy of it
// (CREATE DATABASE … TEMPLATE), which is far cheaper than migrating or cleaning up per test.
public class DatabaseFixture : IAsyncLifetime
{
    public const string TemplateDatabase = "skating_template";
    public const string TestDatabase = "skating_test";

    // Where the run's timings go as well as the diagnostic messages (.ci/run points it into .ci/artifacts/).
    public const string TimingsVariable = "SKATING_TEST_TIMINGS";

    private readonly IMessageSink _diagnostics;
    private readonly Func<SkatingDbContext, Task>? _seed;
    private readonly List<TimeSpan> _resets = [];
    private ApiFactory? _api;
    private string _copyStrategy = "";
    private TimeSpan _serverStart;
    private TimeSpan _template;

    public DatabaseFixture(IMessageSink diagnostics)
        // Every test starts from the bundled seasons, loaded by the app's own importer.
        : this(diagnostics, seed: LoadBundledSeasonsAsync)
    {
    }

    protected DatabaseFixture(IMessageSink diagnostics, Func<SkatingDbContext, Task>? seed)
    {
        _diagnostics = diagnostics;
        _seed = seed;
    }

    public ITestPostgresServer Server { get; } = TestPostgres.Create();
    public string ConnectionString => Server.ConnectionString(TestDatabase);

    // One host for the whole run: the database under its connection string is replaced by every reset.
    public ApiFactory Api => _api ??= new ApiFactory(ConnectionString);

    public SkatingDbContext CreateContext() => TestDbContexts.Create(ConnectionString);

    private static async Task LoadBundledSeasonsAsync(SkatingDbContext db)
    {
        foreach (var (name, document) in BundledSeasons.Load())
        {
            db.ChangeTracker.Clear();
            var outcome = await new SeasonImporter(db, new SeasonDocumentValidator()).ImportAsync(document, Actors.Bundled);
            if (!outcome.Succeeded)
            {
                throw new InvalidOperationException($"Bundled season {name} did not import: {string.Join("; ", outcome.Errors.Keys)}");
            }
        }
    }

    public async Task InitializeAsync()
    {
        var clock = Stopwatch.StartNew();
        await Server.StartAsync();
        _serverStart = clock.Elapsed;

        clock.Restart();
        await using (var connection = new NpgsqlConnection(Server.AdminConnectionString))
        {
            await connection.OpenAsync();
            // FILE_COPY (PostgreSQL 15+) copies the template's files and logs one WAL record, where the default
            // WAL_LOG writes every page to WAL: measured here ~30 ms a reset against ~47 ms with spikes, and no WAL
            // piling up in the RAM the cluster lives in.
            _copyStrategy = connection.PostgreSqlVersion.Major >= 15 ? " STRATEGY FILE_COPY" : "";
        }
        await DropDatabaseAsync(TestDatabase);
        await CreateEmptyDatabaseAsync(TemplateDatabase);
        await using (var db = TestDbContexts.Create(Server.ConnectionString(TemplateDatabase)))
        {
            await db.Database.MigrateAsync();
            if (_seed is not null)
            {
                await _seed(db);
            }
        }
        // A template with a session open cannot be copied: close ours and refuse any later one, so a stray
        // connection fails where it is made instead of failing every reset after it.
        NpgsqlConnection.ClearAllPools();
        await ExecuteAsync($"ALTER DATABASE {TemplateDatabase} WITH ALLOW_CONNECTIONS false");
        _template = clock.Elapsed;
    }

    public async Task ResetAsync()
    {
        var clock = Stopwatch.StartNew();
        // The DROP … WITH (FORCE) ends the sessions that earlier tests and the API host left in the pools; a pooled
        // connection to a dropped database would otherwise be handed out and fail on first use.
        NpgsqlConnection.ClearAllPools();
        await ExecuteAsync(
            $"DROP DATABASE IF EXISTS {TestDatabase} WITH (FORCE)",
            $"CREATE DATABASE {TestDatabase} TEMPLATE {TemplateDatabase}{_copyStrategy}");
        _resets.Add(clock.Elapsed);
    }

    // For tests that need databases of their own beside skating_test (e.g. SchemaDriftTests).
    public async Task<string> CreateEmptyDatabaseAsync(string name)
    {
        await ExecuteAsync($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", $"CREATE DATABASE {name}");
        return Server.ConnectionString(name);
    }

    public Task DropDatabaseAsync(string name)
    {
        NpgsqlConnection.ClearAllPools();
        return ExecuteAsync($"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
    }

    public async Task DisposeAsync()
    {
        // Whatever fails here, the server must still go: a local one is a running postgres and a cluster in RAM.
        try
        {
            if (_api is not null)
            {
                await _api.DisposeAsync();
            }
            // Only matters on a shared server; a local cluster goes away whole.
            await DropDatabaseAsync(TestDatabase);
            await DropDatabaseAsync(TemplateDatabase);
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await Server.DisposeAsync();
            await ReportTimingsAsync();
        }
    }

    private async Task ExecuteAsync(params string[] statements)
    {
        await using var connection = new NpgsqlConnection(Server.AdminConnectionString);
        await connection.OpenAsync();
        foreach (var statement in statements)
        {
            await using var command = new NpgsqlCommand(statement, connection);
            await command.ExecuteNonQueryAsync();
        }
    }

    private async Task ReportTimingsAsync()
    {
        var ms = _resets.Select(r => r.TotalMilliseconds).Order().ToList();
        var resets = ms.Count == 0
            ? "no resets"
            : string.Create(CultureInfo.InvariantCulture,
                $"{ms.Count} resets: mean {ms.Average():F0} ms, median {ms[ms.Count / 2]:F0} ms, max {ms[^1]:F0} ms");
        var line = string.Create(CultureInfo.InvariantCulture,
            $"PostgreSQL {Server.Description}: server start {_serverStart.TotalMilliseconds:F0} ms, template (migrate + seed) {_template.TotalMilliseconds:F0} ms, {resets}");
        _diagnostics.OnMessage(new DiagnosticMessage(line));
        if (Environment.GetEnvironmentVariable(TimingsVariable) is { Length: > 0 } path)
        {
            await File.AppendAllTextAsync(path, line + Environment.NewLine);
        }
    }
}
