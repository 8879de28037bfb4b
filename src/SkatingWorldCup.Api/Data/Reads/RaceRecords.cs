using Microsoft.EntityFrameworkCore;

namespace SkatingWorldCup.Api.Data.Reads;

public static class RaceRecords
{
    // The results of a race that hold a world-record entry: their WR flags, and part of the race's ETag, since they can
    // change without a write to the race (a faster time entered in an earlier race removes a detected record).
    public static Task<List<int>> RecordResultIdsAsync(this SkatingDbContext db, int raceId, CancellationToken cancellationToken) =>
        db.WorldRecords.Where(w => w.Result!.RaceId == raceId).Select(w => w.ResultId!.Value).ToListAsync(cancellationToken);
}
