using FluentValidation;
using SkatingWorldCup.Api.Data;
using SkatingWorldCup.Api.Writes.Documents;
using SkatingWorldCup.Api.Writes.Merge;

namespace SkatingWorldCup.Api.Writes;

public record ImportOutcome(ImportSummary? Summary, IReadOnlyDictionary<string, string[]> Errors)
{
    public bool Succeeded => Summary is not null;
    public long? DataVersion { get; init; } // the data version the write committed, when it changed anything
}

// The write engine's entry point: a season document is validated (Writes/Validation), merged into what is stored
// (Writes/Merge), and saved, all or nothing, in one WriteTransaction: row versions move, new results are copied in,
// world records are detected again for the events it touched. Result entry (PUT of a weekend or of a race's results,
// ResultEntry) is the same merge of a smaller document, through ApplyAsync.
public sealed class SeasonImporter(SkatingDbContext db, IValidator<SeasonDocument> validator)
{
    private static readonly IReadOnlyDictionary<string, string[]> s_noErrors = new Dictionary<string, string[]>();

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
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("An import is applied inside a WriteTransaction.");
        }
        // EF scans every tracked entity for changes whenever Entries() or SaveChanges is called; a season tracks
        // thousands of them, and the summary, the events and the versions below each looked. They detect once each, explicitly.
        var autoDetect = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            var merge = new SeasonMerge(db);
            return await merge.MergeAsync(document, cancellationToken)
                ? new(await SaveAsync(document.Season!, merge.NamedEntities, cancellationToken), s_noErrors)
                : new(null, merge.Errors);
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = autoDetect;
        }
    }

    // What the merge left in the change tracker, saved: the summary is counted first, then the row versions move, new
    // results go in by COPY, and detection runs on what was saved (with nothing tracked: its SQL works behind EF's back).
    private async Task<ImportSummary> SaveAsync(string season, IReadOnlySet<object> named, CancellationToken cancellationToken)
    {
        var summary = ImportSummary.FromChanges(season, db.ChangeTracker, named);
        var events = WorldRecordDetection.AffectedEvents(db);
        db.BumpVersions();
        db.ChangeTracker.DetectChanges(); // the versions just bumped
        var newResults = ResultCopy.Detach(db);
        await db.SaveChangesAsync(cancellationToken);
        await ResultCopy.InsertAsync(db, newResults, cancellationToken);
        db.ChangeTracker.Clear();
        var records = await WorldRecordDetection.RefreshAsync(db, events, cancellationToken);
        return records.Changed ? summary.WithDetectedRecords(records) : summary;
    }
}
