using SkatingWorldCup.Api.Domain;
using SkatingWorldCup.Api.Domain.Rules;
using SkatingWorldCup.Api.Writes.Documents;

namespace SkatingWorldCup.Benchmarks;

// A cup's starts as the standings service hands them to Domain.Standings, built from an import document
// (no database): race codes as the API assigns them, points as given or as the season's scheme computes them.
public sealed record CupData(IReadOnlyList<string> Codes, IReadOnlyList<CupStart> Starts, IReadOnlyDictionary<int, string?> Names)
{
    // The isu-2012 tables of the initial migration.
    public static readonly Dictionary<PointsTableKind, int[]> Scheme = new()
    {
        [PointsTableKind.DivisionA] = [100, 80, 70, 60, 50, 45, 40, 36, 32, 28, 24, 21, 18, 16, 14, 12, 10, 8, 6, 5],
        [PointsTableKind.DivisionB] = [25, 19, 15, 11, 8, 6, 4, 2, 1],
        [PointsTableKind.FinalDivisionA] = [150, 120, 105, 90, 75, 45, 40, 36, 32, 28, 24, 21, 18, 16, 14, 12, 10, 8, 6, 5],
    };

    public static CupData WomenSprint2012() => From(BundledSeasons.Load().Single(s => s.Name == "2012-13").Document, "women", "500");

    public static CupData Synthetic() => From(SyntheticSeasons.Generate(SyntheticSeasons.FirstYear, seed: 1), "women", "500");

    private static CupData From(SeasonDocument season, string gender, string distance)
    {
        var races = season.Occasions!.SelectMany(o => (o.Races ?? []).Where(r => r.Gender == gender && r.Distance == distance && r.Results is not null)
            .Select(r => (Occasion: o, Race: r))).ToList();
        var coded = RaceCodes.Assign(races.Select((x, i) => new CupRace(i, x.Occasion.Number!.Value, x.Occasion.CityCode!, x.Race.Date,
            ApiName<Distance>.Parse(distance), x.Race.Order!.Value)));
        var ids = new Dictionary<string, int>();
        var names = new Dictionary<int, string?>();
        var starts = new List<CupStart>();
        foreach (var (race, code) in coded)
        {
            var (occasion, doc) = races[race.RaceId];
            foreach (var result in doc.Results!)
            {
                var key = result.Skater!.Name ?? result.Skater.SourceRef!;
                if (!ids.TryGetValue(key, out var id))
                {
                    ids[key] = id = ids.Count + 1;
                    names[id] = result.Skater.Name;
                }
                var division = result.Division is null ? (Division?)null : ApiName<Division>.Parse(result.Division);
                var status = result.Status is null ? ResultStatus.Finished : ApiName<ResultStatus>.Parse(result.Status);
                var points = result.Points ?? WorldCupPoints.Compute(Scheme, race.Distance, division, result.Rank, status, occasion.IsFinal == true).Points;
                starts.Add(new CupStart(id, code, points, division, result.Rank, status));
            }
        }
        return new CupData([.. coded.Select(c => c.Code)], starts, names);
    }
}
