using Microsoft.EntityFrameworkCore;
using SkatingWorldCup.Api.Data;
using SkatingWorldCup.Api.Domain;
using SkatingWorldCup.Api.Domain.Rules;

namespace SkatingWorldCup.Api.Writes;

public readonly record struct DetectionOutcome(int Created, int Updated, int Removed)
{
    public bool Changed => Created + Updated + Removed > 0;
}

// Keeps world_records in step with results, inside the write that changed them: imported entries are linked to the
// result that set them (and unlinked when a correction no longer matches), and entries of source 'detected' are
// recomputed for every event the write touched (WorldRecordRules says which results set a record).
public static class WorldRecordDetection
{
    // Call before SaveChanges: the events whose record progression the pending changes can move.
    public static HashSet<(Gender Gender, Distance Distance)> AffectedEvents(SkatingDbContext db)
    {
        db.ChangeTracker.DetectChanges();
        var events = new HashSet<(Gender, Distance)>();
        foreach (var entry in db.ChangeTracker.Entries<Result>().Where(e => IsChanged(e.State)))
        {
            var race = db.RaceOf(entry.Entity);
            events.Add((race.Gender, race.Distance));
        }
        events.UnionWith(db.ChangeTracker.Entries<Race>().Where(e => IsChanged(e.State)).Select(e => (e.Entity.Gender, e.Entity.Distance)));
        events.UnionWith(db.ChangeTracker.Entries<WorldRecord>().Where(e => IsChanged(e.State)).Select(e => (e.Entity.Gender, e.Entity.Distance)));
        return events;
    }

    private static bool IsChanged(EntityState state) => state is EntityState.Added or EntityState.Modified or EntityState.Deleted;

    // Call after SaveChanges, in the same transaction, with nothing tracked (the SQL below changes rows behind EF's back).
    public static async Task<DetectionOutcome> RefreshAsync(SkatingDbContext db, IReadOnlyCollection<(Gender Gender, Distance Distance)> events, CancellationToken cancellationToken)
    {
        await LinkImportedAsync(db, cancellationToken);
        if (events.Count == 0)
        {
            return default;
        }
        var genders = events.Select(e => e.Gender).Distinct().ToList();
        var distances = events.Select(e => e.Distance).Distinct().ToList();
        var results = await ReadDayBestsAsync(db, genders, distances, cancellationToken);
        var records = await db.WorldRecords.AsTracking().Include(w => w.Holders)
            .Where(w => genders.Contains(w.Gender) && distances.Contains(w.Distance))
            .ToListAsync(cancellationToken);

        var (updated, stale, wanted) = (0, new List<WorldRecord>(), new List<WorldRecord>());
        foreach (var (gender, distance) in events)
        {
            var progression = records.Where(w => w.Gender == gender && w.Distance == distance).ToList();
            var timed = results.Where(r => r.Gender == gender && r.Distance == distance).ToDictionary(r => r.Id);
            var setters = WorldRecordRules.Detect(
                progression.Where(w => w.Source == RecordSource.Imported).Select(w => (w.Date, w.Time)),
                timed.Values.Select(r => new TimedResult(r.Id, r.Date, r.Time)));
            var detected = progression.Where(w => w.Source == RecordSource.Detected).ToList();
            foreach (var result in setters.Select(s => timed[s.ResultId]))
            {
                var record = detected.FirstOrDefault(w => w.ResultId == result.Id);
                if (record is null)
                {
                    wanted.Add(record = NewRecord(result));
                }
                detected.Remove(record);
                (record.Time, record.Date, record.Venue, record.City) = (result.Time, result.Date, result.Venue, result.City);
                updated += record.Id != 0 && db.Entry(record).State == EntityState.Modified ? 1 : 0;
            }
            stale.AddRange(detected);
        }
        // Removals first: a new entry may take the date and time of one it replaces (a unique key).
        db.WorldRecords.RemoveRange(stale);
        await db.SaveChangesAsync(cancellationToken);
        db.WorldRecords.AddRange(wanted);
        await db.SaveChangesAsync(cancellationToken);
        return new DetectionOutcome(wanted.Count, updated, stale.Count);
    }

    private static WorldRecord NewRecord(DayBest result)
    {
        var record = new WorldRecord { Gender = result.Gender, Distance = result.Distance, Source = RecordSource.Detected, ResultId = result.Id };
        if (result.CompetitorType == CompetitorType.Nation)
        {
            record.NationId = result.CompetitorId;
        }
        else
        {
            record.Holders.Add(new WorldRecordHolder { SkaterId = result.CompetitorId, Position = 1 });
        }
        return record;
    }

    // Only each day's best result per event can set a record (WorldRecordRules.Detect looks at no other), so only those
    // are read: each race's best (time, id) through the race_id index, the day's best of those, and only then the
    // wide columns. Sorting every result of the events instead took 650 ms with 30 seasons (bench/README.md).
    private static async Task<List<DayBest>> ReadDayBestsAsync(SkatingDbContext db, List<Gender> genders, List<Distance> distances, CancellationToken cancellationToken)
    {
        var (genderNames, distanceNames) = (genders.Select(g => g.ToApi()).ToArray(), distances.Select(d => d.ToApi()).ToArray());
        var rows = await db.Database.SqlQuery<DayBestRow>($"""
                WITH day_best AS (
                    SELECT DISTINCT ON (ra.gender, ra.distance, ra.date)
                           r.id, ra.gender, ra.distance, ra.date, r.time, r.competitor_id, ra.occasion_id
                    FROM races ra
                    CROSS JOIN LATERAL (
                        SELECT r.id, r.time, r.competitor_id FROM results r
                        WHERE r.race_id = ra.id AND r.time IS NOT NULL AND r.status = 'finished'
                        ORDER BY r.time, r.id LIMIT 1) r
                    WHERE ra.date IS NOT NULL AND ra.gender = ANY({genderNames}) AND ra.distance = ANY({distanceNames})
                    ORDER BY ra.gender, ra.distance, ra.date, r.time, r.id)
                SELECT b.id AS "Id", b.gender AS "Gender", b.distance AS "Distance", b.date AS "Date", b.time AS "Time",
                       b.competitor_id AS "CompetitorId", c.type AS "CompetitorType", o.venue AS "Venue", o.city AS "City"
                FROM day_best b JOIN occasions o ON o.id = b.occasion_id JOIN competitors c ON c.id = b.competitor_id
                """).ToListAsync(cancellationToken);
        return [.. rows.Select(r => new DayBest(r.Id, ApiName<Gender>.Parse(r.Gender), ApiName<Distance>.Parse(r.Distance), r.Date, r.Time,
            r.CompetitorId, ApiName<CompetitorType>.Parse(r.CompetitorType), r.Venue, r.City))];
    }

    // An imported record points at the result that set it (same event, day, time and holder), so the result can carry
    // its WR flag; a corrected result that no longer matches loses the link, and the record stays (imports own it).
    private static async Task LinkImportedAsync(SkatingDbContext db, CancellationToken cancellationToken)
    {
        await db.Database.ExecuteSqlRawAsync("""
            UPDATE world_records w SET result_id = NULL
            FROM results r JOIN races ra ON ra.id = r.race_id
            WHERE w.result_id = r.id AND w.source = 'imported'
              AND (r.time IS DISTINCT FROM w.time OR ra.date IS DISTINCT FROM w.date OR r.status <> 'finished')
            """, cancellationToken);
        await db.Database.ExecuteSqlRawAsync("""
            UPDATE world_records w SET result_id = r.id
            FROM results r JOIN races ra ON ra.id = r.race_id
            WHERE w.result_id IS NULL AND w.source = 'imported' AND ra.gender = w.gender AND ra.distance = w.distance
              AND ra.date = w.date AND r.time = w.time AND r.status = 'finished'
              AND (r.competitor_id = w.nation_id OR r.competitor_id IN (SELECT h.skater_id FROM world_record_holders h WHERE h.world_record_id = w.id))
            """, cancellationToken);
    }

    private sealed record DayBest(int Id, Gender Gender, Distance Distance, DateOnly Date, decimal Time, int CompetitorId, CompetitorType CompetitorType,
        string Venue, string City);

    private sealed class DayBestRow
    {
        public int Id { get; init; }
        public required string Gender { get; init; }
        public required string Distance { get; init; }
        public DateOnly Date { get; init; }
        public decimal Time { get; init; }
        public int CompetitorId { get; init; }
        public required string CompetitorType { get; init; }
        public required string Venue { get; init; }
        public required string City { get; init; }
    }
}
