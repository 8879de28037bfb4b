using Microsoft.EntityFrameworkCore;
using SkatingWorldCup.Api.Domain;

namespace SkatingWorldCup.Api.Data.Reads;

public record CupKey(int Id, string Slug, Gender Gender, Distance[] Distances);

public static class SeasonLookup
{
    public static Task<bool> SeasonExistsAsync(this SkatingDbContext db, string season, CancellationToken cancellationToken) =>
        db.Seasons.AnyAsync(s => s.Id == season, cancellationToken);

    public static async Task<List<CupKey>> CupsOfAsync(this SkatingDbContext db, string season, CancellationToken cancellationToken) =>
        (await db.Cups.Where(c => c.SeasonId == season)
            .Select(c => new { c.Id, c.Slug, c.Gender, Distances = c.Distances.Select(d => d.Distance).ToList() })
            .ToListAsync(cancellationToken))
        .Select(c => new CupKey(c.Id, c.Slug, c.Gender, [.. c.Distances.Order()]))
        .OrderBy(c => c.Gender).ThenBy(c => c.Distances.Min()).ToList();

    public static CupKey? CupFor(this IEnumerable<CupKey> cups, Gender gender, Distance distance) =>
        cups.FirstOrDefault(c => c.Gender == gender && c.Distances.Contains(distance));
}
