namespace SkatingWorldCup.Api.Domain.Rules;

public readonly record struct CupRace(int RaceId, int OccasionNumber, string CityCode, DateOnly? Date, Distance Distance, int Order);

// A race's column code in a cup: the city code, numbered when the city has more than one race in the cup that season.
public static class RaceCodes
{
    public static IReadOnlyList<(CupRace Race, string Code)> Assign(IEnumerable<CupRace> races)
    {
        var ordered = races.OrderBy(r => r.OccasionNumber).ThenBy(r => r.Date ?? DateOnly.MaxValue).ThenBy(r => r.Distance).ThenBy(r => r.Order).ToList();
        var perCity = ordered.GroupBy(r => r.CityCode).ToDictionary(g => g.Key, g => g.Count());
        var seen = new Dictionary<string, int>();
        return ordered.Select(r =>
        {
            var n = seen[r.CityCode] = seen.GetValueOrDefault(r.CityCode) + 1;
            return (r, perCity[r.CityCode] > 1 ? $"{r.CityCode}{n}" : r.CityCode);
        }).ToList();
    }
}
