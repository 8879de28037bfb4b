using SkatingWorldCup.Api.Domain.Rules;

namespace SkatingWorldCup.Api.Writes.Documents;

// Made-up seasons for benchmarks: full calendars with ~24 results per race, so a database can hold 30 seasons the way
// production eventually will. Everything is marked synthetic (season "SYNTHETIC 1980-81", "Synthetic Skater 123")
// and the ids are years before the real data (1980-81 …), so they can never be mistaken for, or collide with, real seasons.
public static class SyntheticSeasons
{
    public const int FirstYear = 1980;
    private const int SkatersPerGender = 120;
    private const int Weekends = 9; // 8 World Cup weekends and the final, like 2012–13

    private static readonly (string City, string Code, string Country, string Venue)[] s_venues =
    [
        ("Heerenveen", "HVN", "NED", "Thialf"), ("Kolomna", "KOL", "RUS", "Kolomna Speed Skating Center"),
        ("Astana", "AST", "KAZ", "Alau Ice Palace"), ("Nagano", "NAG", "JPN", "M-Wave"), ("Harbin", "HAR", "CHN", "Heilongjiang Indoor Rink"),
        ("Calgary", "CAL", "CAN", "Olympic Oval"), ("Inzell", "INZ", "GER", "Max Aicher Arena"), ("Erfurt", "ERF", "GER", "Gunda-Niemann-Stirnemann-Halle"),
        ("Salt Lake City", "SLC", "USA", "Utah Olympic Oval"),
    ];

    private static readonly string[] s_nations = ["NED", "KOR", "JPN", "CAN", "USA", "GER", "NOR", "RUS", "CHN", "POL", "ITA", "KAZ"];

    public static string SeasonId(int year) => $"{year}-{(year + 1) % 100:00}";

    // Deterministic: the same seed and year always give the same document.
    public static SeasonDocument Generate(int year, int seed)
    {
        var random = new Random(seed * 100_003 + year);
        var start = new DateOnly(year, 11, 9);
        var occasions = new List<OccasionDocument>();
        for (var n = 1; n <= Weekends; n++)
        {
            var venue = s_venues[(n - 1 + year) % s_venues.Length];
            var first = start.AddDays((n - 1) * 14);
            var isFinal = n == Weekends;
            occasions.Add(new OccasionDocument
            {
                Number = n, City = venue.City, CityCode = venue.Code, Country = venue.Country, Venue = venue.Venue,
                StartDate = first, EndDate = first.AddDays(2), IsFinal = isFinal,
                Races = [.. Programme(n).Select(r => Race(random, r.Gender, r.Distance, r.Order, first.AddDays(r.Day), isFinal))],
            });
        }
        return new SeasonDocument
        {
            Season = SeasonId(year),
            Name = $"SYNTHETIC {SeasonId(year)}",
            OfficialName = "Synthetic benchmark data, not a real season",
            StartDate = start,
            EndDate = start.AddDays((Weekends - 1) * 14 + 2),
            PointsScheme = "isu-2012",
            TieBreak = "none",
            Occasions = occasions,
        };
    }

    // A weekend's races: sprints twice, the rest once, long distances and team events on alternate weekends.
    private static IEnumerable<(string Gender, string Distance, int Order, int Day)> Programme(int weekend)
    {
        foreach (var gender in new[] { "women", "men" })
        {
            yield return (gender, "500", 1, 0);
            yield return (gender, "500", 2, 1);
            yield return (gender, "1000", 1, 1);
            yield return (gender, "1500", 1, 2);
            var longDistance = (gender, weekend % 3 == 0) switch
            {
                ("women", false) => "3000",
                ("women", true) => "5000",
                (_, false) => "5000",
                (_, true) => "10000",
            };
            yield return (gender, longDistance, 1, 0);
            yield return weekend % 2 == 0 ? (gender, "team-pursuit", 1, 2) : (gender, "mass-start", 1, 2);
        }
    }

    private static RaceDocument Race(Random random, string gender, string distance, int order, DateOnly date, bool isFinal)
    {
        var results = distance switch
        {
            "team-pursuit" => Teams(random, distance),
            "mass-start" => Individuals(random, gender, distance, 24, _ => null, (rank, _) => Math.Max(0, 60 - 3 * rank)),
            _ when isFinal => Individuals(random, gender, distance, 20, _ => "a", (_, _) => null),
            // Division A places 1–20 and Division B places 1–4: the importer computes their points from the scheme.
            _ => Individuals(random, gender, distance, 24, i => i < 20 ? "a" : "b", (_, _) => null),
        };
        return new RaceDocument { Gender = gender, Distance = distance, Order = order, Date = date, Results = results };
    }

    private static List<ResultDocument> Individuals(Random random, string gender, string distance, int count, Func<int, string?> division, Func<int, int, int?> points)
    {
        var offset = gender == "men" ? 0 : SkatersPerGender;
        var skaters = Enumerable.Range(1, SkatersPerGender).OrderBy(_ => random.Next()).Take(count).ToList();
        var time = BaseSeconds(distance, gender) * (decimal)(1 + random.NextDouble() * 0.02);
        var results = new List<ResultDocument>();
        for (var i = 0; i < count; i++)
        {
            var div = division(i);
            var rank = div == "b" ? i - 19 : i + 1;
            time += (decimal)(0.05 + random.NextDouble() * 0.2) * BaseSeconds(distance, gender) / 40m;
            var id = offset + skaters[i];
            results.Add(new ResultDocument
            {
                Division = div, Rank = rank, Time = Format(time),
                Skater = new SkaterDocument { Name = $"Synthetic Skater {id}", Nationality = s_nations[id % s_nations.Length] },
                Points = points(rank, i),
            });
        }
        return results;
    }

    private static List<ResultDocument> Teams(Random random, string distance)
    {
        var time = BaseSeconds(distance, "men") * (decimal)(1 + random.NextDouble() * 0.05);
        return [.. s_nations.OrderBy(_ => random.Next()).Take(8).Select((nation, i) =>
        {
            time += (decimal)(0.3 + random.NextDouble());
            return new ResultDocument { Rank = i + 1, Nation = nation, Time = Format(time), Points = Math.Max(0, 100 - 12 * i) };
        })];
    }

    private static decimal BaseSeconds(string distance, string gender) => (distance, gender) switch
    {
        ("500", "men") => 34.8m, ("500", _) => 37.7m,
        ("1000", "men") => 68.5m, ("1000", _) => 75.0m,
        ("1500", "men") => 105m, ("1500", _) => 115m,
        ("3000", _) => 240m,
        ("5000", "men") => 370m, ("5000", _) => 412m,
        ("10000", _) => 780m,
        ("mass-start", _) => 480m,
        _ => 220m, // team pursuit
    };

    private static string Format(decimal seconds) => RaceTime.Format(Math.Round(seconds, 2));
}
