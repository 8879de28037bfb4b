using SkatingWorldCup.Api.Domain.Rules;

namespace SkatingWorldCup.Api.Tests.Domain.Rules;

public sealed class WorldRecordRulesTests
{
    private static readonly DateOnly s_day1 = new(2013, 1, 19);
    private static readonly DateOnly s_day2 = new(2013, 1, 20);
    private static readonly (DateOnly, decimal)[] s_yuJing = [(new DateOnly(2012, 1, 29), 36.94m)];

    [Fact]
    public void A_time_beating_the_record_in_force_before_the_day_sets_one()
    {
        var detected = WorldRecordRules.Detect(s_yuJing, [new(1, s_day1, 36.99m), new(2, s_day2, 36.80m)]);

        detected.ShouldBe([new TimedResult(2, s_day2, 36.80m)]);
    }

    [Fact]
    public void The_bundled_claim_of_36_99_is_the_record_in_force_the_next_day()
    {
        // The documents list 36.99 on 19 January: the next day's times are measured against it, as the reads do.
        var detected = WorldRecordRules.Detect([.. s_yuJing, (s_day1, 36.99m)], [new(1, s_day1, 36.99m), new(2, s_day2, 36.96m)]);

        detected.ShouldBe([new TimedResult(2, s_day2, 36.96m)]);
    }

    [Fact]
    public void An_imported_entry_of_the_same_day_at_least_as_fast_holds_that_day_s_record()
    {
        WorldRecordRules.Detect([.. s_yuJing, (s_day2, 36.80m)], [new(2, s_day2, 36.80m)]).ShouldBeEmpty();
        WorldRecordRules.Detect([.. s_yuJing, (s_day2, 36.80m)], [new(2, s_day2, 36.75m)]).ShouldBe([new TimedResult(2, s_day2, 36.75m)]);
    }

    [Fact]
    public void Only_the_fastest_time_of_a_day_counts_and_later_days_are_measured_against_it()
    {
        var detected = WorldRecordRules.Detect(s_yuJing,
            [new(1, s_day1, 36.90m), new(2, s_day1, 36.85m), new(3, s_day2, 36.88m), new(4, s_day2, 36.84m)]);

        detected.ShouldBe([new TimedResult(2, s_day1, 36.85m), new TimedResult(4, s_day2, 36.84m)]);
    }

    [Fact]
    public void Without_an_earlier_record_nothing_is_detected()
    {
        WorldRecordRules.Detect([], [new(1, s_day1, 36.00m)]).ShouldBeEmpty();
        WorldRecordRules.Detect([(s_day2, 36.94m)], [new(1, s_day1, 36.00m)]).ShouldBeEmpty();
    }
}
