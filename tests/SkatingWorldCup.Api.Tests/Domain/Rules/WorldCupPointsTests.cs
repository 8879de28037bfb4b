using SkatingWorldCup.Api.Domain;
using SkatingWorldCup.Api.Domain.Rules;

namespace SkatingWorldCup.Api.Tests.Domain.Rules;

// Which table of a scheme pays a result (the tables themselves are data: see PointsSchemeTests for isu-2012).
public sealed class WorldCupPointsTests
{
    private static readonly Dictionary<PointsTableKind, int[]> s_scheme = new()
    {
        [PointsTableKind.DivisionA] = [100, 80, 70],
        [PointsTableKind.DivisionB] = [25, 19],
        [PointsTableKind.FinalDivisionA] = [150, 120, 105],
    };

    [Theory]
    [InlineData(Division.A, 1, false, 100)]
    [InlineData(Division.A, 3, false, 70)]
    [InlineData(Division.A, 4, false, 0)]
    [InlineData(Division.B, 1, false, 25)]
    [InlineData(Division.B, 2, false, 19)]
    [InlineData(Division.B, 3, false, 0)]
    [InlineData(Division.A, 1, true, 150)]
    [InlineData(Division.A, 3, true, 105)]
    public void A_rank_is_paid_from_its_divisions_table_and_the_final_has_its_own(Division division, int rank, bool isFinal, int points)
    {
        WorldCupPoints.Compute(s_scheme, Distance.Metres500, division, rank, ResultStatus.Finished, isFinal).ShouldBe(PointsOutcome.Of(points));
    }

    [Fact]
    public void A_table_the_scheme_lacks_is_reported_not_guessed()
    {
        WorldCupPoints.Compute(s_scheme, Distance.Metres500, Division.B, 1, ResultStatus.Finished, isFinal: true).Problem.ShouldNotBeNull();
        WorldCupPoints.Compute(s_scheme, Distance.MassStart, null, 1, ResultStatus.Finished, isFinal: false).Problem.ShouldNotBeNull();
    }

    [Theory]
    [InlineData(ResultStatus.Dnf)]
    [InlineData(ResultStatus.Dq)]
    [InlineData(ResultStatus.Dns)]
    public void Non_finishers_and_team_sprint_earn_nothing(ResultStatus status)
    {
        WorldCupPoints.Compute(s_scheme, Distance.Metres500, Division.A, null, status, false).ShouldBe(PointsOutcome.Of(0));
        WorldCupPoints.Compute(s_scheme, Distance.TeamSprint, null, 1, ResultStatus.Finished, false).ShouldBe(PointsOutcome.Of(0));
    }
}
