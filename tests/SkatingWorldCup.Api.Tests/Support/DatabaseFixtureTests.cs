using Microsoft.EntityFrameworkCore;
using Npgsql;
using SkatingWorldCup.Api.Domain;

namespace SkatingWorldCup.Api.Tests.Support;

// The promises the other tests build on: every test starts from the template, whatever the one before it did.
public sealed class DatabaseFixtureTests(DatabaseFixture database) : DatabaseTest(database)
{
    [Fact]
    public async Task A_reset_brings_back_the_migrated_template()
    {
        await using (var db = CreateContext())
        {
            (await db.Database.GetPendingMigrationsAsync()).ShouldBeEmpty();
            db.Competitors.Add(new Competitor { Type = CompetitorType.Skater, Name = "Left Behind", Nationality = "NOR" });
            await db.SaveChangesAsync();
            await db.Results.ExecuteDeleteAsync();
        }

        await Database.ResetAsync();

        await using (var db = CreateContext())
        {
            (await db.Competitors.AnyAsync(c => c.Name == "Left Behind")).ShouldBeFalse();
            // The seeded seasons come back, and so does the data the migration itself inserts.
            (await db.Results.CountAsync()).ShouldBe(382);
            (await db.PointsSchemes.Select(p => p.Name).ToListAsync()).ShouldContain("isu-2012");
        }
    }

    [Fact]
    public async Task Connections_pooled_before_a_reset_are_not_handed_out_dead_after_it()
    {
        // The app's way of connecting (EF over a connection string, so Npgsql's global pool).
        await using (var db = CreateContext())
        {
            await db.PointsSchemes.CountAsync();
        }

        await Database.ResetAsync();

        await using (var db = CreateContext())
        {
            (await db.PointsSchemes.CountAsync()).ShouldBe(1);
        }
    }

    [LocalServerFact]
    public async Task The_server_can_be_taken_down_and_brought_back()
    {
        try
        {
            await Database.Server.StopAsync();
            NpgsqlConnection.ClearAllPools();
            await using var down = new NpgsqlConnection(Database.ConnectionString);
            await Should.ThrowAsync<NpgsqlException>(() => down.OpenAsync());
        }
        finally
        {
            await Database.Server.RestartAsync();
        }

        await Database.ResetAsync();
        await using var up = CreateContext();
        (await up.PointsSchemes.CountAsync()).ShouldBe(1);
    }
}
