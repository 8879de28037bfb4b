using SkatingWorldCup.Api.Domain.Rules;

namespace SkatingWorldCup.Api.Tests.Domain.Rules;

public sealed class StandingsWindowTests
{
    private static readonly DateOnly s_seasonStart = new(2012, 11, 16);
    private static readonly DateOnly s_seasonEnd = new(2013, 3, 10);

    // Like 2012-13: weekends 2 and 3 have no dates at all; 4 has dates; race dates are known only for some races.
    private static readonly WindowOccasion[] s_occasions =
    [
        new(1, "Heerenveen", new(2012, 11, 16), new(2012, 11, 18)),
        new(2, "Nagano", null, null),
        new(3, "Calgary", null, null),
        new(4, "Erfurt", new(2013, 3, 1), new(2013, 3, 3)),
    ];

    private static readonly WindowRace[] s_races =
    [
        new("HVN1", 1, new(2012, 11, 16)), new("HVN2", 1, null),
        new("NAG1", 2, new(2012, 12, 8)), new("NAG2", 2, null),
        new("CAL", 3, null),
        new("ERF1", 4, new(2013, 3, 1)), new("ERF2", 4, null),
    ];

    private static StandingsWindow Select(int? afterOccasion = null, DateOnly? asOf = null) =>
        StandingsWindows.Select(s_races, s_occasions, s_seasonStart, s_seasonEnd, afterOccasion, asOf);

    [Fact]
    public void Without_a_cutoff_every_race_counts_and_the_window_is_complete()
    {
        var window = Select();

        window.Included.Count.ShouldBe(s_races.Length);
        window.Complete.ShouldBeTrue();
        window.LastOccasion.ShouldBe(4);
        window.LastDate.ShouldBe(new DateOnly(2013, 3, 3)); // ERF2 has no date: its weekend's end
        window.Warnings.ShouldBeEmpty();
    }

    [Fact]
    public void After_occasion_keeps_the_races_of_weekends_up_to_it()
    {
        var window = Select(afterOccasion: 2);

        window.Included.ShouldBe(["HVN1", "HVN2", "NAG1", "NAG2"], ignoreOrder: true);
        window.Complete.ShouldBeFalse();
        window.LastOccasion.ShouldBe(2);
        window.LastDate.ShouldBeNull(); // NAG2 has no date and neither has its weekend
    }

    [Fact]
    public void As_of_counts_dated_races_on_or_before_the_day()
    {
        var window = Select(asOf: new DateOnly(2013, 3, 1));

        window.Included.ShouldContain("ERF1");
        window.Included.ShouldNotContain("ERF2");
        window.LastDate.ShouldBe(new DateOnly(2013, 3, 1));
    }

    [Fact]
    public void An_undated_race_counts_once_its_weekend_has_ended()
    {
        Select(asOf: new DateOnly(2012, 11, 18)).Included.ShouldContain("HVN2");
        Select(asOf: new DateOnly(2013, 3, 3)).Included.ShouldContain("ERF2");
    }

    [Fact]
    public void An_undated_race_in_a_weekend_that_spans_the_day_is_left_out_with_a_warning()
    {
        var window = Select(asOf: new DateOnly(2013, 3, 2));

        window.Included.ShouldNotContain("ERF2");
        window.Warnings.ShouldHaveSingleItem().ShouldContain("weekend 4 (Erfurt)");
    }

    [Fact]
    public void A_weekend_without_dates_is_left_out_with_a_warning_when_nothing_places_it()
    {
        var window = Select(asOf: new DateOnly(2013, 1, 1));

        window.Included.ShouldBe(["HVN1", "HVN2", "NAG1"], ignoreOrder: true); // NAG1 has a date of its own
        window.Warnings.Count.ShouldBe(2);
        window.Warnings[0].ShouldContain("weekend 2 (Nagano)");
        window.Warnings[1].ShouldContain("weekend 3 (Calgary)");
    }

    [Fact]
    public void A_weekend_without_dates_counts_once_a_later_weekend_has_started()
    {
        var window = Select(asOf: new DateOnly(2013, 3, 2));

        window.Included.ShouldContain("NAG2");
        window.Included.ShouldContain("CAL");
    }

    [Fact]
    public void A_weekend_without_dates_is_after_a_day_before_an_earlier_weekend_ended()
    {
        var window = Select(asOf: new DateOnly(2012, 11, 17));

        window.Included.ShouldBe(["HVN1"]);
        window.Warnings.ShouldHaveSingleItem().ShouldContain("weekend 1"); // HVN2's own day is unknown
    }

    [Fact]
    public void After_the_season_every_race_counts()
    {
        var window = Select(asOf: new DateOnly(2013, 6, 1));

        window.Complete.ShouldBeTrue();
        window.Warnings.ShouldBeEmpty();
    }

    [Fact]
    public void Before_the_season_nothing_counts()
    {
        var window = Select(asOf: new DateOnly(2012, 1, 1));

        window.Included.ShouldBeEmpty();
        window.LastOccasion.ShouldBeNull();
        window.LastDate.ShouldBeNull();
        window.Warnings.ShouldBeEmpty();
    }

    [Fact]
    public void After_occasion_and_as_of_together_keep_what_both_allow()
    {
        var window = Select(afterOccasion: 4, asOf: new DateOnly(2012, 12, 31));

        window.Included.ShouldBe(["HVN1", "HVN2", "NAG1"], ignoreOrder: true);
    }
}
