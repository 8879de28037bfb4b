namespace SkatingWorldCup.Api.Domain.Rules;

// Which table of a season's points scheme pays a result, and what it pays. Pure rules, no database.
public static class WorldCupPoints
{
    public static PointsTableKind? TableFor(Distance distance, Division? division, bool isFinal) => distance switch
    {
        Distance.TeamSprint => null, // demonstration event: earns nothing
        Distance.TeamPursuit => isFinal ? PointsTableKind.FinalTeamPursuit : PointsTableKind.TeamPursuit,
        Distance.MassStart => isFinal ? PointsTableKind.FinalMassStart : PointsTableKind.MassStart,
        _ => (division, isFinal) switch
        {
            (Division.A, false) => PointsTableKind.DivisionA,
            (Division.B, false) => PointsTableKind.DivisionB,
            (Division.A, true) => PointsTableKind.FinalDivisionA,
            (Division.B, true) => PointsTableKind.FinalDivisionB,
            _ => null,
        },
    };

    // Places beyond the end of a table score nothing; a missing table is the caller's problem to report.
    public static int PointsFor(IReadOnlyList<int> table, int rank) => rank >= 1 && rank <= table.Count ? table[rank - 1] : 0;

    public static PointsOutcome Compute(IReadOnlyDictionary<PointsTableKind, int[]> scheme, Distance distance, Division? division, int? rank, ResultStatus status, bool isFinal)
    {
        if (status != ResultStatus.Finished || rank is null || distance == Distance.TeamSprint)
        {
            return PointsOutcome.Of(0);
        }
        if (!distance.IsTeamEvent() && distance != Distance.MassStart && division is null)
        {
            return PointsOutcome.Missing("the division is needed to compute points from a rank: give the division, or the points");
        }
        var kind = TableFor(distance, division, isFinal)!.Value;
        return scheme.TryGetValue(kind, out var table)
            ? PointsOutcome.Of(PointsFor(table, rank.Value))
            : PointsOutcome.Missing($"the points scheme has no '{kind.ToApi()}' table: give the points");
    }
}

public readonly record struct PointsOutcome(int Points, string? Problem)
{
    public static PointsOutcome Of(int points) => new(points, null);
    public static PointsOutcome Missing(string problem) => new(0, problem);
}
