namespace SkatingWorldCup.Api.Domain.Rules;

public readonly record struct TimedResult(int ResultId, DateOnly Date, decimal Time);

// Which results set a world record, for one gender and distance. Pure rules, no database.
public static class WorldRecordRules
{
    // A day's fastest result sets a record when it beats the record in force *before* that day: the latest entry of
    // the progression dated earlier (the fastest of that day's entries). Comparing with the day before, not the day
    // itself, keeps a record from being measured against itself or against another record of the same day.
    // - The day's entries imported from a season document already say what that day set: when one of them is as fast
    //   as the day's best result, nothing is detected (the import holds that record, and links it to the result).
    // - Only the day's fastest result counts: pairs skate one after another, and the order is not in the data, so the
    //   day's slower record-beating times cannot be told apart from times that came after a faster one.
    // - Without any earlier entry there is no known record to beat, so nothing is detected (e.g. mass start).
    public static IReadOnlyList<TimedResult> Detect(IEnumerable<(DateOnly Date, decimal Time)> imported, IEnumerable<TimedResult> results)
    {
        var importedByDay = imported.ToLookup(e => e.Date, e => e.Time);
        var bestByDay = results.GroupBy(r => r.Date).ToDictionary(g => g.Key, g => g.OrderBy(r => r.Time).ThenBy(r => r.ResultId).First());
        var detected = new List<TimedResult>();
        decimal? inForce = null;
        foreach (var day in importedByDay.Select(g => g.Key).Union(bestByDay.Keys).Order())
        {
            var entries = importedByDay[day].ToList();
            if (bestByDay.TryGetValue(day, out var best) && best.Time < inForce && !entries.Any(t => t <= best.Time))
            {
                detected.Add(best);
                entries.Add(best.Time);
            }
            if (entries.Count > 0)
            {
                inForce = entries.Min();
            }
        }
        return detected;
    }
}
