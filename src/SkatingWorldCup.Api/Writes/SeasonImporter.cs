using FluentValidation;
using Microsoft.EntityFrameworkCore;
using SkatingWorldCup.Api.Data;
using SkatingWorldCup.Api.Domain;
using SkatingWorldCup.Api.Domain.Rules;
using SkatingWorldCup.Api.Writes.Documents;

namespace SkatingWorldCup.Api.Writes;

public record ImportSummary(string Season, bool Changed,
    IReadOnlyDictionary<string, int> Created, IReadOnlyDictionary<string, int> Updated,
    IReadOnlyDictionary<string, int> Deleted, IReadOnlyDictionary<string, int> Unchanged);

public record ImportOutcome(ImportSummary? Summary, IReadOnlyDictionary<string, string[]> Errors)
{
    public bool Succeeded => Summary is not null;
    public long? DataVersion { get; init; } // the data version the write committed, when it changed anything
}

// Loads one season document: upsert by natural keys, all-or-nothing in one transaction, merging (never deleting
// what the document leaves out, except a race's result list, which the document replaces whole). Result entry
// (PUT of a weekend or of a race's results) is the same merge of a smaller document, through ApplyAsync.
public sealed class SeasonImporter(SkatingDbContext db, IValidator<SeasonDocument> validator)
{
    private readonly Dictionary<string, List<string>> _errors = [];
    private readonly HashSet<object> _named = new(ReferenceEqualityComparer.Instance);
    private readonly CompetitorDirectory _competitors = new(db);

    public Task<ImportOutcome> ImportAsync(SeasonDocument document, CancellationToken cancellationToken = default) =>
        ImportAsync(document, Actors.System, cancellationToken);

    // One write of its own: validated first (outside the write lock), then applied, audited as `actor` and committed.
    public async Task<ImportOutcome> ImportAsync(SeasonDocument document, string actor, CancellationToken cancellationToken = default)
    {
        if (await ValidateAsync(document, cancellationToken) is { } invalid)
        {
            return invalid;
        }
        await using var write = await db.BeginWriteAsync(cancellationToken);
        var outcome = await ApplyValidAsync(document, cancellationToken);
        if (outcome.Summary is not { Changed: true } summary)
        {
            return outcome;
        }
        await write.CommitAsync(new ChangeEntry(actor, "import", "season", summary.Season, summary), cancellationToken);
        return outcome with { DataVersion = write.DataVersion };
    }

    // Applies the document inside the caller's WriteTransaction; the caller audits and commits (or, on errors, does not).
    public async Task<ImportOutcome> ApplyAsync(SeasonDocument document, CancellationToken cancellationToken = default) =>
        await ValidateAsync(document, cancellationToken) ?? await ApplyValidAsync(document, cancellationToken);

    private async Task<ImportOutcome?> ValidateAsync(SeasonDocument document, CancellationToken cancellationToken)
    {
        var validation = await validator.ValidateAsync(document, cancellationToken);
        return validation.IsValid
            ? null
            : new(null, validation.Errors.GroupBy(e => e.PropertyName).ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).Distinct().ToArray()));
    }

    private async Task<ImportOutcome> ApplyValidAsync(SeasonDocument document, CancellationToken cancellationToken)
    {
        // EF scans every tracked entity for changes whenever Entries() or SaveChanges is called; a season tracks
        // thousands of them, and the summary, the events and the versions below each looked. They detect once each, explicitly.
        var autoDetect = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            return await ApplyValidDetectingExplicitlyAsync(document, cancellationToken);
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = autoDetect;
        }
    }

    private async Task<ImportOutcome> ApplyValidDetectingExplicitlyAsync(SeasonDocument document, CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("An import is applied inside a WriteTransaction.");
        }
        var scheme = await db.PointsSchemes.Include(s => s.Tables).SingleOrDefaultAsync(s => s.Name == document.PointsScheme, cancellationToken);
        if (scheme is null)
        {
            var known = await db.PointsSchemes.Select(s => s.Name).ToListAsync(cancellationToken);
            Error("pointsScheme", $"unknown points scheme '{document.PointsScheme}'; known: {string.Join(", ", known)}.");
            return Rejected();
        }

        await _competitors.LoadAsync(document, cancellationToken);
        var season = await UpsertSeasonAsync(document, scheme, cancellationToken);
        UpsertCups(season, document);
        await UpsertOccasionsAsync(season, document, scheme.Tables.ToDictionary(t => t.Kind, t => t.Points), cancellationToken);
        UpsertChampionships(season, document);
        await UpsertWorldRecordsAsync(document, cancellationToken);
        UpsertPublishedStandings(season, document);
        if (_errors.Count > 0)
        {
            return Rejected();
        }

        var summary = ImportSummaries.FromChanges(document.Season!, db.ChangeTracker, _named);
        var events = WorldRecordDetection.AffectedEvents(db);
        db.BumpVersions();
        db.ChangeTracker.DetectChanges(); // the versions just bumped
        var newResults = ResultCopy.Detach(db);
        await db.SaveChangesAsync(cancellationToken);
        await ResultCopy.InsertAsync(db, newResults, cancellationToken);
        db.ChangeTracker.Clear();
        var records = await WorldRecordDetection.RefreshAsync(db, events, cancellationToken);
        return new(records.Changed ? ImportSummaries.WithDetectedRecords(summary, records) : summary, new Dictionary<string, string[]>());
    }

    private async Task<Season> UpsertSeasonAsync(SeasonDocument document, PointsScheme scheme, CancellationToken cancellationToken)
    {
        var season = await db.Seasons.AsTracking()
            .Include(s => s.Cups).ThenInclude(c => c.Distances)
            .Include(s => s.Cups).ThenInclude(c => c.PublishedStandings)
            .Include(s => s.Occasions).ThenInclude(o => o.Races)
            .Include(s => s.Championships)
            .AsSplitQuery()
            .SingleOrDefaultAsync(s => s.Id == document.Season, cancellationToken);
        if (season is null)
        {
            season = new Season { Id = document.Season!, Name = document.Name! };
            db.Seasons.Add(season);
        }
        season.Name = document.Name!;
        season.OfficialName = document.OfficialName;
        season.StartDate = document.StartDate!.Value;
        season.EndDate = document.EndDate!.Value;
        season.PointsSchemeId = scheme.Id;
        season.TieBreak = document.TieBreak is null ? season.TieBreak : ApiName<TieBreakRule>.Parse(document.TieBreak);
        Named(season);
        return season;
    }

    private void UpsertCups(Season season, SeasonDocument document)
    {
        var wanted = document.Cups?.Select(c => (Gender: ApiName<Gender>.Parse(c.Gender!), Distances: c.Distances!.Select(ApiName<Distance>.Parse).Distinct().ToList())).ToList();
        if (wanted is null)
        {
            if (season.Cups.Count > 0)
            {
                return;
            }
            wanted = StandardCups.All.Select(c => (c.Gender, c.Distances.ToList())).ToList();
        }
        for (var i = 0; i < wanted.Count; i++)
        {
            var (gender, distances) = wanted[i];
            var slug = Cup.SlugFor(gender, distances);
            var cup = season.Cups.SingleOrDefault(c => c.Slug == slug);
            if (cup is null)
            {
                cup = new Cup { SeasonId = season.Id, Slug = slug, Gender = gender };
                season.Cups.Add(cup);
            }
            cup.Distances.RemoveAll(d => !distances.Contains(d.Distance));
            cup.Distances.AddRange(distances.Where(d => cup.Distances.All(x => x.Distance != d)).Select(d => new CupDistance { Distance = d }));
            Named(cup);
        }
        foreach (var clash in season.Cups.SelectMany(c => c.Distances.Select(d => (c.Gender, d.Distance, c.Slug))).GroupBy(x => (x.Gender, x.Distance)).Where(g => g.Count() > 1))
        {
            Error("cups", $"{clash.Key.Gender.ToApi()} {clash.Key.Distance.ToApi()} is in more than one cup ({string.Join(", ", clash.Select(c => c.Slug))}).");
        }
    }

    private async Task UpsertOccasionsAsync(Season season, SeasonDocument document, Dictionary<PointsTableKind, int[]> points, CancellationToken cancellationToken)
    {
        var occasions = document.Occasions ?? [];
        var racesWithResults = occasions.SelectMany(o => (o.Races ?? []).Where(r => r.Results is not null).Select(r => (o.Number, r.Gender, r.Distance, r.Order))).ToHashSet();
        var raceIds = season.Occasions.SelectMany(o => o.Races.Where(r => racesWithResults.Contains((o.Number, r.Gender.ToApi(), r.Distance.ToApi(), r.Order))).Select(r => r.Id)).ToList();
        var existingResults = (await db.Results.AsTracking().Where(r => raceIds.Contains(r.RaceId)).ToListAsync(cancellationToken)).ToLookup(r => r.RaceId);

        for (var i = 0; i < occasions.Count; i++)
        {
            var doc = occasions[i];
            var occasion = season.Occasions.SingleOrDefault(o => o.Number == doc.Number);
            if (occasion is null)
            {
                occasion = new Occasion { SeasonId = season.Id, Number = doc.Number!.Value, City = doc.City!, CityCode = doc.CityCode!, Country = doc.Country!, Venue = doc.Venue! };
                season.Occasions.Add(occasion);
            }
            (occasion.City, occasion.CityCode, occasion.Country, occasion.Venue) = (doc.City!, doc.CityCode!, doc.Country!, doc.Venue!);
            (occasion.StartDate, occasion.EndDate, occasion.IsFinal) = (doc.StartDate, doc.EndDate, doc.IsFinal ?? false);
            Named(occasion);

            var races = doc.Races ?? [];
            for (var j = 0; j < races.Count; j++)
            {
                var raceDoc = races[j];
                var (gender, distance) = (ApiName<Gender>.Parse(raceDoc.Gender!), ApiName<Distance>.Parse(raceDoc.Distance!));
                var race = occasion.Races.SingleOrDefault(r => r.Gender == gender && r.Distance == distance && r.Order == raceDoc.Order);
                if (race is null)
                {
                    race = new Race { Gender = gender, Distance = distance, Order = raceDoc.Order!.Value };
                    occasion.Races.Add(race);
                }
                race.Date = raceDoc.Date;
                Named(race);
                if (raceDoc.Results is not null)
                {
                    ReplaceResults(race, [.. existingResults[race.Id]], raceDoc.Results, occasion.IsFinal, points, $"occasions[{i}].races[{j}].results");
                }
            }
        }
        // Documents and result entry merge into what is stored, so "one final per season" is checked on the merged season.
        if (season.Occasions.Count(o => o.IsFinal) > 1)
        {
            Error("occasions", $"a season has one final weekend; this would make {string.Join(" and ", season.Occasions.Where(o => o.IsFinal).Select(o => o.Number).Order())} finals.");
        }
    }

    // The way a results desk publishes a corrected list: the race ends up with exactly these results.
    private void ReplaceResults(Race race, List<Result> existing, List<ResultDocument> results, bool isFinal, Dictionary<PointsTableKind, int[]> points, string path)
    {
        var kept = new HashSet<Result>(ReferenceEqualityComparer.Instance);
        for (var k = 0; k < results.Count; k++)
        {
            var doc = results[k];
            var competitor = doc.Nation is not null ? Nation(doc.Nation) : Skater(doc.Skater!);
            var result = existing.FirstOrDefault(r => ReferenceEquals(r.Competitor, competitor) || (competitor.Id != 0 && r.CompetitorId == competitor.Id));
            if (result is null)
            {
                result = new Result { Competitor = competitor };
                race.Results.Add(result);
            }
            kept.Add(result);
            result.Division = doc.Division is null ? null : ApiName<Division>.Parse(doc.Division);
            result.Rank = doc.Rank;
            result.Time = doc.Time is null ? null : RaceTime.Parse(doc.Time);
            result.Status = doc.Status is null ? ResultStatus.Finished : ApiName<ResultStatus>.Parse(doc.Status);
            result.PointsGiven = doc.Points is not null;
            if (doc.Points is { } given)
            {
                result.Points = given;
            }
            else
            {
                var outcome = WorldCupPoints.Compute(points, race.Distance, result.Division, result.Rank, result.Status, isFinal);
                result.Points = outcome.Points;
                if (outcome.Problem is not null)
                {
                    Error($"{path}[{k}].points", outcome.Problem);
                }
            }
            Named(result);
        }
        db.Results.RemoveRange(existing.Where(r => !kept.Contains(r)));
    }

    private void UpsertChampionships(Season season, SeasonDocument document)
    {
        foreach (var doc in document.Championships ?? [])
        {
            var championship = season.Championships.SingleOrDefault(c => c.Name == doc.Name);
            if (championship is null)
            {
                championship = new Championship { SeasonId = season.Id, Name = doc.Name!, City = doc.City!, Country = doc.Country!, Venue = doc.Venue! };
                season.Championships.Add(championship);
            }
            (championship.City, championship.Country, championship.Venue) = (doc.City!, doc.Country!, doc.Venue!);
            (championship.StartDate, championship.EndDate, championship.AfterOccasion) = (doc.StartDate, doc.EndDate, doc.AfterOccasion);
            Named(championship);
        }
    }

    private async Task UpsertWorldRecordsAsync(SeasonDocument document, CancellationToken cancellationToken)
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

    private void UpsertPublishedStandings(Season season, SeasonDocument document)
    {
        var published = document.PublishedStandings ?? [];
        for (var i = 0; i < published.Count; i++)
        {
            var doc = published[i];
            var cup = season.Cups.SingleOrDefault(c => c.Slug == doc.Cup);
            if (cup is null)
            {
                Error($"publishedStandings[{i}].cup", $"'{doc.Cup}' is not a cup of {season.Id}; cups: {string.Join(", ", season.Cups.Select(c => c.Slug))}.");
                continue;
            }
            var kept = new HashSet<PublishedStanding>(ReferenceEqualityComparer.Instance);
            foreach (var row in doc.Rows!)
            {
                var competitor = row.Nation is not null ? Nation(row.Nation) : Skater(row.Skater!);
                var standing = cup.PublishedStandings.FirstOrDefault(p => ReferenceEquals(p.Competitor, competitor) || (competitor.Id != 0 && p.CompetitorId == competitor.Id));
                if (standing is null)
                {
                    standing = new PublishedStanding { Competitor = competitor };
                    cup.PublishedStandings.Add(standing);
                }
                (standing.Rank, standing.Points) = (row.Rank!.Value, row.Points!.Value);
                kept.Add(standing);
                Named(standing);
            }
            cup.PublishedStandings.RemoveAll(p => !kept.Contains(p));
        }
    }

    private Competitor Skater(SkaterDocument skater) => Named(_competitors.Skater(skater));

    private Competitor Nation(string code) => Named(_competitors.Nation(code));

    private T Named<T>(T entity) where T : class
    {
        _named.Add(entity);
        return entity;
    }

    private void Error(string path, string message)
    {
        if (!_errors.TryGetValue(path, out var messages))
        {
            _errors[path] = messages = [];
        }
        messages.Add(message);
    }

    private ImportOutcome Rejected() => new(null, _errors.ToDictionary(e => e.Key, e => e.Value.ToArray()));
}
