using SkatingWorldCup.Api.Data.Reads;
using SkatingWorldCup.Api.Domain;
using SkatingWorldCup.Api.Domain.Rules;

namespace SkatingWorldCup.Api.Tests.Domain.Rules;

// Which races feed a cup and what their columns are called: data (cup_distances) plus RaceCodes, no special cases.
public sealed class CupRulesTests
{
    private static readonly List<CupKey> s_cups = StandardCups.All
        .Select((c, i) => new CupKey(i + 1, Cup.SlugFor(c.Gender, c.Distances), c.Gender, c.Distances)).ToList();

    [Theory]
    [InlineData(Gender.Men, Distance.Metres10000, "men-5000-10000")]
    [InlineData(Gender.Men, Distance.Metres5000, "men-5000-10000")]
    [InlineData(Gender.Women, Distance.Metres3000, "women-3000-5000")]
    [InlineData(Gender.Women, Distance.Metres5000, "women-3000-5000")]
    [InlineData(Gender.Women, Distance.Metres500, "women-500")]
    [InlineData(Gender.Men, Distance.TeamPursuit, "men-team-pursuit")]
    public void A_distance_resolves_to_the_cup_that_holds_it(Gender gender, Distance distance, string cup)
    {
        s_cups.CupFor(gender, distance)!.Slug.ShouldBe(cup);
    }

    [Theory]
    [InlineData(Gender.Men, Distance.TeamSprint)]
    [InlineData(Gender.Women, Distance.TeamSprint)]
    [InlineData(Gender.Women, Distance.Metres10000)]
    [InlineData(Gender.Men, Distance.Metres3000)]
    public void Team_sprint_and_distances_a_gender_does_not_skate_are_in_no_cup(Gender gender, Distance distance)
    {
        s_cups.CupFor(gender, distance).ShouldBeNull();
    }

    [Fact]
    public void A_shared_cup_numbers_a_city_across_both_distances_in_race_order()
    {
        // men-5000-10000 in 2012-13: Heerenveen opens and closes the season, once with each distance.
        CupRace[] races =
        [
            new(6, 9, "HVN", null, Distance.Metres10000, 1),
            new(2, 2, "KOL", null, Distance.Metres10000, 1),
            new(1, 1, "HVN", null, Distance.Metres5000, 1),
            new(3, 3, "AST", null, Distance.Metres5000, 1),
        ];

        RaceCodes.Assign(races).Select(x => (x.Race.RaceId, x.Code)).ShouldBe([(1, "HVN1"), (2, "KOL"), (3, "AST"), (6, "HVN2")]);
    }

    [Fact]
    public void Standings_of_a_shared_cup_sum_both_distances()
    {
        var rows = CupStandings.Compute(["HVN1", "KOL", "HVN2"],
            [new(1, "HVN1", 100, null, 1, ResultStatus.Finished), new(1, "KOL", 80, null, 2, ResultStatus.Finished), new(1, "HVN2", 150, null, 1, ResultStatus.Finished)],
            new Dictionary<int, string?> { [1] = "Jorrit Bergsma" }, TieBreakRule.None);

        rows.Single().Points.ShouldBe(330);
    }

    [Fact]
    public void Two_races_of_a_city_on_one_weekend_are_numbered_by_date_then_order()
    {
        CupRace[] races =
        [
            new(11, 1, "HVN", new(2012, 11, 17), Distance.Metres500, 2),
            new(10, 1, "HVN", new(2012, 11, 16), Distance.Metres500, 1),
            new(20, 4, "NAG", null, Distance.Metres500, 2),
            new(21, 4, "NAG", null, Distance.Metres500, 1),
            new(30, 7, "KOL", null, Distance.Metres500, 1),
        ];

        RaceCodes.Assign(races).Select(x => x.Code).ShouldBe(["HVN1", "HVN2", "NAG1", "NAG2", "KOL"]);
        RaceCodes.Assign(races).Select(x => x.Race.RaceId).ShouldBe([10, 11, 21, 20, 30]);
    }
}
