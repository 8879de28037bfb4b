using Microsoft.EntityFrameworkCore;
using SkatingWorldCup.Api.Domain;
using SkatingWorldCup.Api.Domain.Rules;
using SkatingWorldCup.Api.Tests.Support;

namespace SkatingWorldCup.Api.Tests.Data;

// The isu-2012 tables are data, seeded by the migration: what they pay, read from the migrated database.
public sealed class PointsSchemeTests(DatabaseFixture database) : DatabaseTest(database)
{
    private async Task<Dictionary<PointsTableKind, int[]>> Isu2012Async()
    {
        await using var db = CreateContext();
        var scheme = await db.PointsSchemes.Include(s => s.Tables).SingleAsync(s => s.Name == "isu-2012");
        return scheme.Tables.ToDictionary(t => t.Kind, t => t.Points);
    }

    [Fact]
    public async Task Isu_2012_has_the_three_tables_the_sources_prove()
    {
        (await Isu2012Async()).Keys.Order().ShouldBe([PointsTableKind.DivisionA, PointsTableKind.DivisionB, PointsTableKind.FinalDivisionA]);
    }

    [Fact]
    public async Task Division_A_pays_places_1_to_20_and_nothing_from_21()
    {
        var scheme = await Isu2012Async();
        int[] expected = [100, 80, 70, 60, 50, 45, 40, 36, 32, 28, 24, 21, 18, 16, 14, 12, 10, 8, 6, 5, 0];

        Enumerable.Range(1, 21).Select(rank => Pay(scheme, Division.A, rank, isFinal: false)).ShouldBe(expected);
    }

    [Fact]
    public async Task Division_B_pays_places_1_to_9()
    {
        var scheme = await Isu2012Async();

        Enumerable.Range(1, 10).Select(rank => Pay(scheme, Division.B, rank, isFinal: false)).ShouldBe([25, 19, 15, 11, 8, 6, 4, 2, 1, 0]);
    }

    [Fact]
    public async Task The_final_pays_150_to_75_for_the_top_five_then_division_A_from_place_6()
    {
        var scheme = await Isu2012Async();

        Enumerable.Range(1, 21).Select(rank => Pay(scheme, Division.A, rank, isFinal: true))
            .ShouldBe([150, 120, 105, 90, 75, 45, 40, 36, 32, 28, 24, 21, 18, 16, 14, 12, 10, 8, 6, 5, 0]);
        Pay(scheme, Division.A, 6, isFinal: true).ShouldBe(45);
    }

    private static int Pay(Dictionary<PointsTableKind, int[]> scheme, Division division, int rank, bool isFinal)
    {
        var outcome = WorldCupPoints.Compute(scheme, Distance.Metres500, division, rank, ResultStatus.Finished, isFinal);
        outcome.Problem.ShouldBeNull();
        return outcome.Points;
    }
}
