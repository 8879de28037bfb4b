using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using SkatingWorldCup.Api.Domain;

namespace SkatingWorldCup.Api.Writes;

// What a write created, updated, deleted and left unchanged, by kind of entity ("results", "worldRecords", …).
public record ImportSummary(string Season, bool Changed,
    IReadOnlyDictionary<string, int> Created, IReadOnlyDictionary<string, int> Updated,
    IReadOnlyDictionary<string, int> Deleted, IReadOnlyDictionary<string, int> Unchanged)
{
    // Records detected or dropped because of the new times are part of what the write changed.
    public ImportSummary WithDetectedRecords(DetectionOutcome records)
    {
        static IReadOnlyDictionary<string, int> Add(IReadOnlyDictionary<string, int> counts, int n)
        {
            var added = counts.ToDictionary();
            if (n > 0)
            {
                added["worldRecords"] = added.GetValueOrDefault("worldRecords") + n;
            }
            return added;
        }
        return this with
        {
            Changed = true,
            Created = Add(Created, records.Created),
            Updated = Add(Updated, records.Updated),
            Deleted = Add(Deleted, records.Removed),
        };
    }

    // Counts what a merge created, updated and deleted from EF's change tracker; unchanged are the entities the document named.
    public static ImportSummary FromChanges(string season, ChangeTracker tracker, IReadOnlySet<object> named)
    {
        tracker.DetectChanges();
        var entries = tracker.Entries().ToList();
        Dictionary<string, int> Count(Func<EntityEntry, bool> predicate) => entries.Where(predicate)
            .GroupBy(e => KindOf(e.Entity)).OrderBy(g => g.Key).ToDictionary(g => g.Key, g => g.Count());
        var created = Count(e => e.State == EntityState.Added);
        var updated = Count(e => e.State == EntityState.Modified);
        var deleted = Count(e => e.State == EntityState.Deleted);
        var unchanged = Count(e => e.State == EntityState.Unchanged && named.Contains(e.Entity));
        return new(season, created.Count + updated.Count + deleted.Count > 0, created, updated, deleted, unchanged);
    }

    private static string KindOf(object entity) => entity switch
    {
        Domain.Season => "seasons",
        Cup => "cups",
        CupDistance => "cupDistances",
        Occasion => "occasions",
        Race => "races",
        Result => "results",
        Competitor => "competitors",
        Championship => "championships",
        WorldRecord => "worldRecords",
        WorldRecordHolder => "worldRecordHolders",
        PublishedStanding => "publishedStandings",
        _ => entity.GetType().Name,
    };
}
