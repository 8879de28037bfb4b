using SkatingWorldCup.Api.Domain;
using SkatingWorldCup.Api.Domain.Rules;

namespace SkatingWorldCup.Api.Writes;

// Where a result gets its World Cup points: given points are kept as given (published tables), otherwise they are
// computed from the rank, division and status with the season's points tables (WorldCupPoints says which table).
public static class PointsAssignment
{
    // Null when the result has its points; otherwise what is missing to compute them (the result then has 0).
    public static string? Assign(Result result, int? given, Distance distance, bool isFinal, IReadOnlyDictionary<PointsTableKind, int[]> tables)
    {
        result.PointsGiven = given is not null;
        if (given is { } points)
        {
            result.Points = points;
            return null;
        }
        var outcome = WorldCupPoints.Compute(tables, distance, result.Division, result.Rank, result.Status, isFinal);
        result.Points = outcome.Points;
        return outcome.Problem;
    }
}
