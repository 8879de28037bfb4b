using Microsoft.EntityFrameworkCore;
using SkatingWorldCup.Api.Domain;
using SkatingWorldCup.Api.Domain.Rules;
using SkatingWorldCup.Api.Writes.Documents;

namespace SkatingWorldCup.Api.Writes.Merge;

public sealed partial class SeasonMerge
{
    // The document's world-record entries by (gender, distance, date, time), with their holders in order.
    private async Task MergeWorldRecordsAsync(SeasonDocument document, CancellationToken cancellationToken)
    {
        var records = document.WorldRecords ?? [];
        if (records.Count == 0)
        {
            return;
        }
        var dates = records.Select(r => r.Date!.Value).Distinct().ToList();
        var existing = await db.WorldRecords.AsTracking().Include(w => w.Holders).Where(w => dates.Contains(w.Date)).ToListAsync(cancellationToken);
        foreach (var doc in records)
        {
            var (gender, distance, time) = (ApiName<Gender>.Parse(doc.Gender!), ApiName<Distance>.Parse(doc.Distance!), RaceTime.Parse(doc.Time!));
            var record = existing.SingleOrDefault(w => w.Gender == gender && w.Distance == distance && w.Date == doc.Date && w.Time == time);
            if (record is null)
            {
                record = new WorldRecord { Gender = gender, Distance = distance, Date = doc.Date!.Value, Time = time };
                db.WorldRecords.Add(record);
                existing.Add(record);
            }
            // Same value at another recorded precision (36.8 vs 36.80): keep the document's.
            record.Time = time;
            record.Source = RecordSource.Imported; // a record the detection found, now confirmed by a document, is the document's
            (record.Venue, record.City) = (doc.Venue, doc.City);
            record.Nation = doc.Nation is null ? null : Nation(doc.Nation);
            var holders = doc.Skaters!.Select(Skater).ToList();
            var current = record.Holders.OrderBy(h => h.Position).Select(h => (Competitor?)h.Skater).ToList();
            if (!current.SequenceEqual(holders, ReferenceEqualityComparer.Instance))
            {
                record.Holders.Clear();
                record.Holders.AddRange(holders.Select((s, i) => new WorldRecordHolder { Skater = s, Position = i + 1 }));
            }
            Named(record);
        }
    }
}
