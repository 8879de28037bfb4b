namespace SkatingWorldCup.Api.Domain.Rules;

public readonly record struct WindowOccasion(int Number, string City, DateOnly? StartDate, DateOnly? EndDate);

public readonly record struct WindowRace(string Code, int Occasion, DateOnly? Date);

public sealed record StandingsWindow(IReadOnlySet<string> Included, int? LastOccasion, DateOnly? LastDate, bool Complete, IReadOnlyList<string> Warnings);

// Which races count for "the standings as they stood then" (?afterOccasion=, ?asOf=). Pure rules, no database.
public static class StandingsWindows
{
    public static StandingsWindow Select(IReadOnlyList<WindowRace> races, IReadOnlyList<WindowOccasion> occasions, DateOnly seasonStart, DateOnly seasonEnd,
        int? afterOccasion, DateOnly? asOf)
    {
        var byNumber = occasions.ToDictionary(o => o.Number);
        var unplaceable = new SortedSet<int>();
        var included = new List<WindowRace>();
        foreach (var race in races)
        {
            if (afterOccasion is { } last && race.Occasion > last)
            {
                continue;
            }
            if (asOf is { } date)
            {
                var counts = IsOnOrBefore(race, byNumber.GetValueOrDefault(race.Occasion), occasions, seasonStart, seasonEnd, date);
                if (counts is null)
                {
                    unplaceable.Add(race.Occasion);
                }
                if (counts != true)
                {
                    continue;
                }
            }
            included.Add(race);
        }

        var warnings = unplaceable.Select(n => byNumber.GetValueOrDefault(n)).Select(o => o.StartDate is null && o.EndDate is null
            ? $"Races of weekend {o.Number} ({o.City}) are left out: neither they nor their weekend have a date in the data, so they cannot be placed before or after {asOf:yyyy-MM-dd}."
            : $"Races of weekend {o.Number} ({o.City}) without a date of their own are left out: the weekend ({o.StartDate:yyyy-MM-dd} to {o.EndDate:yyyy-MM-dd}) spans {asOf:yyyy-MM-dd}.").ToList();
        var lastRace = included.Count > 0 ? included[^1] : (WindowRace?)null;
        var lastOccasion = lastRace is { } r ? byNumber.GetValueOrDefault(r.Occasion) : (WindowOccasion?)null;
        return new StandingsWindow(included.Select(x => x.Code).ToHashSet(), lastRace?.Occasion,
            lastRace?.Date ?? lastOccasion?.EndDate ?? lastOccasion?.StartDate, included.Count == races.Count, warnings);
    }

    // Null where the data cannot tell.
    private static bool? IsOnOrBefore(WindowRace race, WindowOccasion occasion, IReadOnlyList<WindowOccasion> occasions, DateOnly seasonStart, DateOnly seasonEnd, DateOnly asOf)
    {
        if (race.Date is { } date)
        {
            return date <= asOf;
        }
        if ((occasion.EndDate ?? occasion.StartDate) is { } end && end <= asOf)
        {
            return true;
        }
        if (occasion.StartDate > asOf)
        {
            return false;
        }
        if (occasion.StartDate is not null || occasion.EndDate is not null)
        {
            return null; // the weekend spans asOf and the race's own day is unknown
        }
        // A weekend without dates still sits between its neighbours: weekends are numbered in calendar order.
        if (seasonEnd <= asOf || occasions.Any(o => o.Number > occasion.Number && (o.StartDate ?? o.EndDate) <= asOf))
        {
            return true;
        }
        if (seasonStart > asOf || occasions.Any(o => o.Number < occasion.Number && (o.EndDate ?? o.StartDate) > asOf))
        {
            return false;
        }
        return null;
    }
}
