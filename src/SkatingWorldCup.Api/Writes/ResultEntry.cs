using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SkatingWorldCup.Api.Data;
using SkatingWorldCup.Api.Data.Reads;
using SkatingWorldCup.Api.Domain;
using SkatingWorldCup.Api.Writes.Documents;

namespace SkatingWorldCup.Api.Writes;

public enum EntryResult { Applied, Created, NotFound, PreconditionFailed, Invalid }

// Current: the version the entry was checked against (PreconditionFailed) or leaves (Applied, Created).
public sealed record EntryOutcome<TVersion>(EntryResult Result, TVersion? Current = null, ImportSummary? Summary = null,
    IReadOnlyDictionary<string, string[]>? Errors = null, long? DataVersion = null) where TVersion : class;

// Result entry during a season: a race's whole result list, or a weekend with its races. Both are the import's merge
// applied to a document made of the stored season and weekend plus the body (StoredDocuments), so points, validation and
// world-record detection are the import's own. The row lock makes concurrent entries to one race or weekend take turns;
// the version read under it is what the caller's precondition (If-Match) is checked against.
public sealed class ResultEntry(SkatingDbContext db, SeasonImporter importer)
{
    public async Task<EntryOutcome<RaceVersion>> ReplaceRaceResultsAsync(int raceId, List<ResultDocument> results, Func<RaceVersion, bool> precondition,
        string actor, CancellationToken cancellationToken)
    {
        await using var write = await db.BeginWriteAsync(cancellationToken);
        var locked = await db.Races.FromSql($"SELECT * FROM races WHERE id = {raceId} FOR UPDATE").ToListAsync(cancellationToken);
        if (locked.Count == 0)
        {
            return new(EntryResult.NotFound);
        }
        var current = new RaceVersion(raceId, locked[0].Version, await db.RecordResultIdsAsync(raceId, cancellationToken));
        if (!precondition(current))
        {
            return new(EntryResult.PreconditionFailed, current);
        }
        var race = await db.Races.Include(r => r.Occasion).ThenInclude(o => o.Season).ThenInclude(s => s.PointsScheme).SingleAsync(r => r.Id == raceId, cancellationToken);
        var document = StoredDocuments.SeasonOf(race.Occasion.Season) with
        {
            Occasions = [StoredDocuments.OccasionOf(race.Occasion) with { Races = [StoredDocuments.RaceOf(race) with { Results = results }] }],
        };
        var outcome = await importer.ApplyAsync(document, cancellationToken);
        if (!outcome.Succeeded)
        {
            return new(EntryResult.Invalid, Errors: Relative(outcome.Errors, "occasions[0].races[0]"));
        }
        if (!outcome.Summary!.Changed)
        {
            return new(EntryResult.Applied, current, outcome.Summary);
        }
        var naturalKey = $"{race.Occasion.SeasonId}/{race.Occasion.Number}/{race.Gender.ToApi()}/{race.Distance.ToApi()}/{race.Order}";
        await write.CommitAsync(new ChangeEntry(actor, "replace-results", "race", raceId.ToString(CultureInfo.InvariantCulture),
            new { race = naturalKey, outcome.Summary }), cancellationToken);
        var after = new RaceVersion(raceId, await db.Races.Where(r => r.Id == raceId).Select(r => r.Version).SingleAsync(cancellationToken),
            await db.RecordResultIdsAsync(raceId, cancellationToken));
        return new(EntryResult.Applied, after, outcome.Summary, DataVersion: write.DataVersion);
    }

    // Creates the weekend (Created) or merges into it (Applied); NotFound when the season does not exist.
    public async Task<EntryOutcome<OccasionVersion>> PutOccasionAsync(string season, int number, OccasionDocument body, Func<OccasionVersion?, bool> precondition,
        string actor, CancellationToken cancellationToken)
    {
        await using var write = await db.BeginWriteAsync(cancellationToken);
        var stored = await db.Seasons.Include(s => s.PointsScheme).SingleOrDefaultAsync(s => s.Id == season, cancellationToken);
        if (stored is null)
        {
            return new(EntryResult.NotFound);
        }
        var locked = (await db.Occasions.FromSql($"SELECT * FROM occasions WHERE season_id = {season} AND number = {number} FOR UPDATE")
            .ToListAsync(cancellationToken)).SingleOrDefault();
        var current = locked is null ? null : new OccasionVersion(locked.Id, locked.Version);
        if (!precondition(current))
        {
            return new(EntryResult.PreconditionFailed, current);
        }
        var outcome = await importer.ApplyAsync(StoredDocuments.SeasonOf(stored) with { Occasions = [body with { Number = number }] }, cancellationToken);
        if (!outcome.Succeeded)
        {
            return new(EntryResult.Invalid, Errors: Relative(outcome.Errors, "occasions[0]"));
        }
        long? dataVersion = null;
        if (outcome.Summary!.Changed)
        {
            await write.CommitAsync(new ChangeEntry(actor, locked is null ? "create-occasion" : "put-occasion", "occasion", $"{season}/{number}", outcome.Summary),
                cancellationToken);
            dataVersion = write.DataVersion;
        }
        var after = await db.Occasions.Where(o => o.SeasonId == season && o.Number == number).Select(o => new OccasionVersion(o.Id, o.Version)).SingleAsync(cancellationToken);
        return new(locked is null ? EntryResult.Created : EntryResult.Applied, after, outcome.Summary, DataVersion: dataVersion);
    }

    // The importer names errors by their path in the season document; the client sent only the part under `prefix`.
    private static Dictionary<string, string[]> Relative(IReadOnlyDictionary<string, string[]> errors, string prefix) => errors
        .GroupBy(e => e.Key == prefix ? "" : e.Key.StartsWith(prefix + ".", StringComparison.Ordinal) ? e.Key[(prefix.Length + 1)..] : e.Key)
        .ToDictionary(g => g.Key, g => g.SelectMany(e => e.Value).Distinct().ToArray());
}
