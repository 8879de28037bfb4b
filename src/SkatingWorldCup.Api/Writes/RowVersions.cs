using Microsoft.EntityFrameworkCore;
using SkatingWorldCup.Api.Data;
using SkatingWorldCup.Api.Domain;

namespace SkatingWorldCup.Api.Writes;

// Row versions are the ETags of races and weekends and their optimistic-concurrency tokens (see the configurations).
public static class RowVersions
{
    // Call right before SaveChanges: a race moves on when it or its results change, a weekend when it, its races or
    // their results do. Every write path loads the races and weekends it changes, so they are all tracked here.
    public static void BumpVersions(this SkatingDbContext db)
    {
        db.ChangeTracker.DetectChanges();
        var races = new HashSet<Race>(ReferenceEqualityComparer.Instance);
        foreach (var entry in db.ChangeTracker.Entries<Result>().Where(e => IsChanged(e.State)))
        {
            races.Add(db.RaceOf(entry.Entity));
        }
        races.UnionWith(db.ChangeTracker.Entries<Race>().Where(e => e.State is EntityState.Added or EntityState.Modified).Select(e => e.Entity));

        var occasions = new HashSet<Occasion>(ReferenceEqualityComparer.Instance);
        occasions.UnionWith(races.Select(r => r.Occasion ?? db.Occasions.Local.FirstOrDefault(o => o.Id == r.OccasionId)
            ?? throw new InvalidOperationException($"Weekend {r.OccasionId} of race {r.Id} is not tracked: its version cannot move.")));
        occasions.UnionWith(db.ChangeTracker.Entries<Occasion>().Where(e => e.State == EntityState.Modified).Select(e => e.Entity));

        foreach (var race in races.Where(r => db.Entry(r).State != EntityState.Added))
        {
            race.Version++;
        }
        foreach (var occasion in occasions.Where(o => db.Entry(o).State != EntityState.Added))
        {
            occasion.Version++;
        }
    }

    public static Race RaceOf(this SkatingDbContext db, Result result) =>
        result.Race ?? db.Races.Local.FirstOrDefault(r => r.Id == result.RaceId)
        ?? throw new InvalidOperationException($"Race {result.RaceId} of result {result.Id} is not tracked: its version cannot move.");

    private static bool IsChanged(EntityState state) => state is EntityState.Added or EntityState.Modified or EntityState.Deleted;
}
