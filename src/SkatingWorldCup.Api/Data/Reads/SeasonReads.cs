using Microsoft.EntityFrameworkCore;
using SkatingWorldCup.Api.Domain;
using SkatingWorldCup.Api.Domain.Rules;

namespace SkatingWorldCup.Api.Data.Reads;

public record CupKey(int Id, string Slug, Gender Gender, Distance[] Distances);

// What several features read about a season: whether it exists, its cups, and its races' column codes.
public static class SeasonReads
{
    public static Task<bool> SeasonExistsAsync(this SkatingDbContext db, string season, CancellationToken cancellationToken) =>
        db.Seasons.AnyAsync(s => s.Id == season, cancellationToken);

    public static async Task<List<CupKey>> CupsOfAsync(this SkatingDbContext db, string season, CancellationToken cancellationToken) =>
        InOrder((await db.Cups.Where(c => c.SeasonId == season)
            .Select(c => new { c.Id, c.Slug, c.Gender, Distances = c.Distances.Select(d => d.Distance).ToList() })
            .ToListAsync(cancellationToken))
        .Select(c => new CupKey(c.Id, c.Slug, c.Gender, [.. c.Distances.Order()])));

    // Men's cups, then women's, each by its shortest distance.
    public static List<CupKey> InOrder(IEnumerable<CupKey> cups) =>
        [.. cups.OrderBy(c => c.Gender).ThenBy(c => c.Distances.Length == 0 ? default : c.Distances.Min())];

    // The cup that holds a gender's distance (CupReader selects by the same rule in SQL).
    public static CupKey? CupFor(this IEnumerable<CupKey> cups, Gender gender, Distance distance) =>
        cups.FirstOrDefault(c => c.Gender == gender && c.Distances.Contains(distance));

    // Each race's column code in its cup (RaceCodes), for a season's races; races of no cup (team sprint) have none.
    public static async Task<Dictionary<int, string>> RaceCodesAsync(this SkatingDbContext db, string season, List<CupKey> cups, CancellationToken cancellationToken)
    {
        var races = await db.Races.Where(r => r.Occasion.SeasonId == season)
            .Select(r => new { r.Gender, Race = new CupRace(r.Id, r.Occasion.Number, r.Occasion.CityCode, r.Date, r.Distance, r.Order) })
            .ToListAsync(cancellationToken);
        return races.GroupBy(r => cups.CupFor(r.Gender, r.Race.Distance)?.Id)
            .Where(g => g.Key is not null)
            .SelectMany(g => RaceCodes.Assign(g.Select(r => r.Race)))
            .ToDictionary(x => x.Race.RaceId, x => x.Code);
    }
}
