namespace SkatingWorldCup.Api.Domain.Rules;

// One result in a cup race, reduced to what the standings need.
public readonly record struct CupStart(int CompetitorId, string RaceCode, int Points, Division? Division, int? Rank, ResultStatus Status)
{
    // A dns is on the start list but never raced: it shows as "did not start", not as a start without points.
    public bool Started => Status != ResultStatus.Dns;

    // Countback counts places in the race's top classification: Division A, or the only one (mass start, team pursuit).
    public int? Place => Started && Division != Domain.Division.B ? Rank : null;
}

public readonly record struct StandingStep(string Code, int Total, int Rank);

public sealed record CupStanding(int CompetitorId, int Rank, bool Tied, int Points, IReadOnlyDictionary<string, int?> RacePoints, IReadOnlyList<StandingStep> Progression);

// Cup standings from race results: pure rules, no database. Races are given in column order.
public static class CupStandings
{
    // Without progression only the final table is ranked; with it, the table after every race too.
    public static IReadOnlyList<CupStanding> Compute(IReadOnlyList<string> raceCodes, IEnumerable<CupStart> starts, IReadOnlyDictionary<int, string?> names,
        TieBreakRule tieBreak, bool progression = true)
    {
        var column = raceCodes.Select((code, i) => (code, i)).ToDictionary(x => x.code, x => x.i);
        var counted = starts.Where(s => s.Started && column.ContainsKey(s.RaceCode)).ToList();
        if (counted.Count == 0)
        {
            return [];
        }
        var maxPlace = counted.Max(s => s.Place ?? 0);
        var byRace = raceCodes.Select(_ => new List<CupStart>()).ToArray();
        var tallies = new Dictionary<int, Tally>();
        foreach (var start in counted)
        {
            byRace[column[start.RaceCode]].Add(start);
            tallies.TryAdd(start.CompetitorId, new Tally(start.CompetitorId, raceCodes.Count, maxPlace));
        }
        OrderByName(tallies, names);

        var steps = tallies.Keys.ToDictionary(id => id, _ => new List<StandingStep>(progression ? raceCodes.Count : 0));
        for (var k = 0; k < raceCodes.Count; k++)
        {
            foreach (var start in byRace[k])
            {
                tallies[start.CompetitorId].Add(start, k);
            }
            if (progression)
            {
                foreach (var ranked in RankAll(tallies.Values, tieBreak))
                {
                    steps[ranked.Tally.CompetitorId].Add(new StandingStep(raceCodes[k], ranked.Tally.Points, ranked.Rank));
                }
            }
        }

        return RankAll(tallies.Values, tieBreak).Select(r =>
        {
            var racePoints = new Dictionary<string, int?>(raceCodes.Count);
            for (var k = 0; k < raceCodes.Count; k++)
            {
                racePoints[raceCodes[k]] = r.Tally.RacePoints[k];
            }
            return new CupStanding(r.Tally.CompetitorId, r.Rank, r.Tied, r.Tally.Points, racePoints, steps[r.Tally.CompetitorId]);
        }).ToList();
    }

    // Within a rank: by name, then id. Sorted once here, so ranking after each race compares numbers, not culture-aware strings.
    private static void OrderByName(Dictionary<int, Tally> tallies, IReadOnlyDictionary<int, string?> names)
    {
        var byName = tallies.Keys.Select(id => (Id: id, Name: names.GetValueOrDefault(id))).ToList();
        byName.Sort((a, b) => CompareNames(a.Name, b.Name) is var n and not 0 ? n : a.Id.CompareTo(b.Id));
        for (var i = 0; i < byName.Count; i++)
        {
            tallies[byName[i].Id].NameOrder = i;
        }
    }

    // Best first. Equal competitors share the rank of the first of them (1, 2, 2, 4); within a rank, by name then id.
    private static List<(Tally Tally, int Rank, bool Tied)> RankAll(IEnumerable<Tally> tallies, TieBreakRule tieBreak)
    {
        var ordered = tallies.ToList();
        ordered.Sort((a, b) => Compare(a, b, tieBreak) is var c and not 0 ? c : a.NameOrder.CompareTo(b.NameOrder));
        var result = new List<(Tally, int, bool)>(ordered.Count);
        var rank = 0;
        for (var i = 0; i < ordered.Count; i++)
        {
            var equalToPrevious = i > 0 && Compare(ordered[i - 1], ordered[i], tieBreak) == 0;
            if (!equalToPrevious)
            {
                rank = i + 1;
            }
            var tied = equalToPrevious || (i + 1 < ordered.Count && Compare(ordered[i], ordered[i + 1], tieBreak) == 0);
            result.Add((ordered[i], rank, tied));
        }
        return result;
    }

    // Unnamed competitors (name unknown to the sources) after the named ones.
    private static int CompareNames(string? a, string? b) => (a, b) switch
    {
        (null, null) => 0,
        (null, _) => 1,
        (_, null) => -1,
        _ => StringComparer.InvariantCulture.Compare(a, b),
    };

    // Negative when a stands above b.
    private static int Compare(Tally a, Tally b, TieBreakRule tieBreak)
    {
        if (a.Points != b.Points)
        {
            return b.Points.CompareTo(a.Points);
        }
        if (tieBreak == TieBreakRule.Countback)
        {
            // More wins first, then more second places, and so on (every tally counts the same places).
            for (var place = 0; place < a.Places.Length; place++)
            {
                if (a.Places[place] != b.Places[place])
                {
                    return b.Places[place].CompareTo(a.Places[place]);
                }
            }
        }
        return 0;
    }

    private sealed class Tally(int competitorId, int races, int maxPlace)
    {
        public int CompetitorId { get; } = competitorId;
        public int NameOrder { get; set; }
        public int Points { get; private set; }
        public int[] Places { get; } = new int[maxPlace]; // Places[0] = number of first places
        public int?[] RacePoints { get; } = new int?[races]; // null: did not start that race

        public void Add(CupStart start, int race)
        {
            Points += start.Points;
            RacePoints[race] = (RacePoints[race] ?? 0) + start.Points;
            if (start.Place is { } place and >= 1 && place <= Places.Length)
            {
                Places[place - 1]++;
            }
        }
    }
}

public readonly record struct PublishedRow(int CompetitorId, int Rank, int Points);

public static class PublishedComparison
{
    // Published standings are a season's end result, usually its top three: what the computed rows down to the
    // published rank say differently about them (who, and with how many points). Empty when they agree.
    public static IReadOnlyList<string> Differences(IReadOnlyList<CupStanding> computed, IReadOnlyList<PublishedRow> published, Func<int, string> describe)
    {
        if (published.Count == 0)
        {
            return [];
        }
        var lowest = published.Max(p => p.Rank);
        var byId = computed.ToDictionary(c => c.CompetitorId);
        var differences = new List<string>();
        foreach (var p in published.OrderBy(p => p.Rank))
        {
            if (!byId.TryGetValue(p.CompetitorId, out var c))
            {
                differences.Add($"{describe(p.CompetitorId)} is published {p.Rank} with {p.Points} points but has no computed points");
            }
            else if (c.Points != p.Points || c.Rank > lowest)
            {
                differences.Add($"{describe(p.CompetitorId)} is published {p.Rank} with {p.Points} points, computed {c.Rank} with {c.Points}");
            }
        }
        var publishedIds = published.Select(p => p.CompetitorId).ToHashSet();
        differences.AddRange(computed.Where(c => c.Rank <= lowest && !publishedIds.Contains(c.CompetitorId))
            .Select(c => $"{describe(c.CompetitorId)} is computed {c.Rank} with {c.Points} points but not published"));
        return differences;
    }
}
