using Microsoft.EntityFrameworkCore;
using Npgsql;
using SkatingWorldCup.Api.Features.Imports;

namespace SkatingWorldCup.Api.Tests.Infrastructure;

// HTTP tests on the bundled 2011-12 and 2012-13 seasons. The fixture's template is migrated only (its own tests
// delete rows the seasons depend on), so these keep a seeded template beside it, made once per run, and start
// each test from a copy of that: as cheap as the fixture's reset, instead of importing two seasons per test.
public abstract class SeededApiTest(DatabaseFixture database) : ApiTest(database)
{
    private const string SeededTemplate = "skating_seeded_template";
    private static readonly SemaphoreSlim s_once = new(1, 1);
    private static DatabaseFixture? s_seededFor;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await EnsureSeededTemplateAsync();
        NpgsqlConnection.ClearAllPools();
        await ExecuteAsync(
            $"DROP DATABASE IF EXISTS {DatabaseFixture.TestDatabase} WITH (FORCE)",
            $"CREATE DATABASE {DatabaseFixture.TestDatabase} TEMPLATE {SeededTemplate}");
    }

    private async Task EnsureSeededTemplateAsync()
    {
        await s_once.WaitAsync();
        try
        {
            if (ReferenceEquals(s_seededFor, Database))
            {
                return;
            }
            var connectionString = await Database.CreateEmptyDatabaseAsync(SeededTemplate);
            await using (var db = TestDbContexts.Create(connectionString))
            {
                await db.Database.MigrateAsync();
                foreach (var (name, document) in BundledSeasons.Load())
                {
                    db.ChangeTracker.Clear();
                    var outcome = await new SeasonImporter(db, new SeasonDocumentValidator()).ImportAsync(document);
                    outcome.Succeeded.ShouldBeTrue($"bundled season {name}: {string.Join("; ", outcome.Errors.SelectMany(e => e.Value))}");
                }
            }
            NpgsqlConnection.ClearAllPools();
            await ExecuteAsync($"ALTER DATABASE {SeededTemplate} WITH ALLOW_CONNECTIONS false");
            s_seededFor = Database;
        }
        finally
        {
            s_once.Release();
        }
    }

    private async Task ExecuteAsync(params string[] statements)
    {
        await using var connection = new NpgsqlConnection(Database.Server.AdminConnectionString);
        await connection.OpenAsync();
        foreach (var statement in statements)
        {
            await using var command = new NpgsqlCommand(statement, connection);
            await command.ExecuteNonQueryAsync();
        }
    }
}
