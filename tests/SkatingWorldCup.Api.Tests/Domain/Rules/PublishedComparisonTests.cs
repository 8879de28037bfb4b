using SkatingWorldCup.Api.Domain.Rules;

namespace SkatingWorldCup.Api.Tests.Domain.Rules;

public sealed class PublishedComparisonTests
{
    private static CupStanding Row(int id, int rank, int points) => new(id, rank, false, points, new Dictionary<string, int?>(), []);

    private static string Name(int id) => $"skater {id}";

    [Fact]
    public void Agreeing_top_three_has_no_differences()
    {
        IReadOnlyList<CupStanding> computed = [Row(1, 1, 1055), Row(2, 2, 851), Row(3, 3, 756), Row(4, 4, 569)];

        PublishedComparison.Differences(computed, [new(1, 1, 1055), new(2, 2, 851), new(3, 3, 756)], Name).ShouldBeEmpty();
    }

    [Fact]
    public void Different_points_a_missing_competitor_and_an_unpublished_one_are_each_named()
    {
        IReadOnlyList<CupStanding> computed = [Row(1, 1, 1000), Row(4, 2, 900), Row(2, 3, 851)];

        var differences = PublishedComparison.Differences(computed, [new(1, 1, 1055), new(2, 2, 851), new(3, 3, 756)], Name);

        differences.ShouldBe([
            "skater 1 is published 1 with 1055 points, computed 1 with 1000",
            "skater 3 is published 3 with 756 points but has no computed points",
            "skater 4 is computed 2 with 900 points but not published",
        ]);
    }

    [Fact]
    public void Without_published_rows_there_is_nothing_to_compare()
    {
        PublishedComparison.Differences([Row(1, 1, 10)], [], Name).ShouldBeEmpty();
    }
}
