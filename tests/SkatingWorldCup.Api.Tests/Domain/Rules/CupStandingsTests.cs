using SkatingWorldCup.Api.Domain;
using SkatingWorldCup.Api.Domain.Rules;

namespace SkatingWorldCup.Api.Tests.Domain.Rules;

public sealed class CupStandingsTests
{
    private static readonly string[] s_codes = ["HVN1", "HVN2", "NAG"];

    private static readonly Dictionary<int, string?> s_names = new()
    {
        [1] = "Anna", [2] = "Berta", [3] = "Carla", [4] = "Dora", [5] = null, [6] = null,
    };

    private static CupStart Start(int competitor, string code, int points, Division? division = null, int? rank = null, ResultStatus status = ResultStatus.Finished) =>
        new(competitor, code, points, division, rank, status);

    private static IReadOnlyList<CupStanding> Compute(IEnumerable<CupStart> starts, TieBreakRule tieBreak = TieBreakRule.None) =>
        CupStandings.Compute(s_codes, starts, s_names, tieBreak);

    [Fact]
    public void Sums_the_points_of_every_race_and_gives_each_race_a_column()
    {
        var rows = Compute([Start(1, "HVN1", 100), Start(1, "HVN2", 80), Start(1, "NAG", 70), Start(2, "HVN1", 80)]);

        rows.Count.ShouldBe(2);
        rows[0].CompetitorId.ShouldBe(1);
        rows[0].Points.ShouldBe(250);
        rows[0].RacePoints.ShouldBe(new Dictionary<string, int?> { ["HVN1"] = 100, ["HVN2"] = 80, ["NAG"] = 70 });
        rows[0].RacePoints.Keys.ShouldBe(s_codes); // column order is the race order
        rows[1].Points.ShouldBe(80);
    }

    [Fact]
    public void Null_is_not_started_zero_is_a_start_without_points_and_dns_is_not_a_start()
    {
        var rows = Compute([Start(1, "HVN1", 100), Start(1, "HVN2", 0, status: ResultStatus.Dnf), Start(1, "NAG", 0, status: ResultStatus.Dns),
            Start(2, "HVN1", 0)]);

        rows[0].RacePoints.ShouldBe(new Dictionary<string, int?> { ["HVN1"] = 100, ["HVN2"] = 0, ["NAG"] = null });
        rows[1].RacePoints.ShouldBe(new Dictionary<string, int?> { ["HVN1"] = 0, ["HVN2"] = null, ["NAG"] = null });
        rows[1].Points.ShouldBe(0);
    }

    [Fact]
    public void A_competitor_whose_only_entries_are_dns_is_not_in_the_standings()
    {
        var rows = Compute([Start(1, "HVN1", 100), Start(2, "HVN1", 0, status: ResultStatus.Dns)]);

        rows.Select(r => r.CompetitorId).ShouldBe([1]);
    }

    [Fact]
    public void Division_B_points_count_in_the_same_column_as_division_A()
    {
        var rows = Compute([Start(1, "HVN1", 36, Division.A, 8), Start(2, "HVN1", 25, Division.B, 1), Start(2, "HVN2", 45, Division.A, 6)]);

        rows.Single(r => r.CompetitorId == 2).RacePoints["HVN1"].ShouldBe(25);
        rows.Single(r => r.CompetitorId == 2).Points.ShouldBe(70);
    }

    [Fact]
    public void Equal_points_share_a_rank_and_the_next_rank_skips_without_a_tie_break()
    {
        var rows = Compute([Start(1, "HVN1", 100), Start(2, "HVN1", 80), Start(3, "HVN1", 80), Start(4, "HVN1", 70)]);

        rows.Select(r => (r.CompetitorId, r.Rank, r.Tied)).ShouldBe([(1, 1, false), (2, 2, true), (3, 2, true), (4, 4, false)]);
    }

    [Fact]
    public void Within_a_shared_rank_rows_are_ordered_by_name_then_id_with_unnamed_last()
    {
        var rows = Compute([Start(6, "HVN1", 10), Start(5, "HVN1", 10), Start(4, "HVN1", 10), Start(2, "HVN1", 10)]);

        rows.Select(r => r.CompetitorId).ShouldBe([2, 4, 5, 6]);
        rows.ShouldAllBe(r => r.Rank == 1 && r.Tied);
    }

    [Fact]
    public void Countback_separates_equal_points_by_more_wins_then_more_second_places()
    {
        // 1 and 2 both have 180; 1 has a win, 2 has none. 3 and 4 both have 160 and no wins; 4 has two second places.
        CupStart[] starts =
        [
            Start(1, "HVN1", 100, Division.A, 1), Start(1, "HVN2", 80, Division.A, 2),
            Start(2, "HVN1", 90, Division.A, 2), Start(2, "HVN2", 90, Division.A, 2),
            Start(3, "HVN1", 80, Division.A, 2), Start(3, "HVN2", 80, Division.A, 3),
            Start(4, "HVN1", 80, Division.A, 2), Start(4, "HVN2", 80, Division.A, 2),
        ];

        var none = Compute(starts, TieBreakRule.None);
        var countback = Compute(starts, TieBreakRule.Countback);

        none.Select(r => (r.CompetitorId, r.Rank, r.Tied)).ShouldBe([(1, 1, true), (2, 1, true), (3, 3, true), (4, 3, true)]);
        countback.Select(r => (r.CompetitorId, r.Rank, r.Tied)).ShouldBe([(1, 1, false), (2, 2, false), (4, 3, false), (3, 4, false)]);
    }

    [Fact]
    public void Countback_counts_division_A_places_only_and_leaves_an_exact_equal_tied()
    {
        CupStart[] starts =
        [
            Start(1, "HVN1", 25, Division.B, 1), Start(2, "HVN1", 25, Division.A, 4),
            Start(3, "HVN1", 50, Division.A, 1), Start(4, "HVN2", 50, Division.A, 1),
        ];

        var rows = Compute(starts, TieBreakRule.Countback);

        // A Division B win is not a win: 2's fourth place beats it.
        rows.Select(r => (r.CompetitorId, r.Rank, r.Tied)).ShouldBe([(3, 1, true), (4, 1, true), (2, 3, false), (1, 4, false)]);
    }

    [Fact]
    public void Progression_gives_the_running_total_and_rank_after_each_race()
    {
        var rows = Compute([Start(1, "HVN1", 100), Start(1, "NAG", 50), Start(2, "HVN1", 80), Start(2, "HVN2", 80), Start(3, "HVN2", 100)]);

        var first = rows.Single(r => r.CompetitorId == 1);
        first.Progression.ShouldBe([new StandingStep("HVN1", 100, 1), new StandingStep("HVN2", 100, 2), new StandingStep("NAG", 150, 2)]);
        var second = rows.Single(r => r.CompetitorId == 2);
        second.Progression.ShouldBe([new StandingStep("HVN1", 80, 2), new StandingStep("HVN2", 160, 1), new StandingStep("NAG", 160, 1)]);
        // Before her first start a competitor stands with 0 points, sharing the last rank.
        var third = rows.Single(r => r.CompetitorId == 3);
        third.Progression.ShouldBe([new StandingStep("HVN1", 0, 3), new StandingStep("HVN2", 100, 2), new StandingStep("NAG", 100, 3)]);
        first.Progression[1].ShouldBe(new StandingStep("HVN2", 100, 2));
        third.Progression[1].ShouldBe(new StandingStep("HVN2", 100, 2)); // tied after HVN2
    }

    [Fact]
    public void Progression_uses_the_seasons_tie_break()
    {
        var rows = Compute([Start(1, "HVN1", 50, Division.A, 2), Start(2, "HVN1", 50, Division.A, 1), Start(1, "HVN2", 10, Division.A, 9)], TieBreakRule.Countback);

        rows.Single(r => r.CompetitorId == 1).Progression[0].Rank.ShouldBe(2);
        rows.Single(r => r.CompetitorId == 2).Progression[0].Rank.ShouldBe(1);
        rows.Single(r => r.CompetitorId == 1).Progression[1].Rank.ShouldBe(1);
    }

    [Fact]
    public void Starts_in_races_outside_the_columns_do_not_count()
    {
        var rows = Compute([Start(1, "HVN1", 100), Start(1, "ERF", 100)]);

        rows.Single().Points.ShouldBe(100);
        rows.Single().RacePoints.Keys.ShouldBe(s_codes);
    }

    [Fact]
    public void No_starts_give_empty_standings()
    {
        Compute([]).ShouldBeEmpty();
    }
}
