using Microsoft.EntityFrameworkCore;
using SkatingWorldCup.Api.Data;
using SkatingWorldCup.Api.Domain;
using SkatingWorldCup.Api.Writes.Documents;

namespace SkatingWorldCup.Api.Writes.Merge;

// Merges one validated season document into what is stored, by natural keys, in EF's change tracker only (SeasonImporter
// saves). It never deletes what the document leaves out, except a race's result list, which a document replaces whole.
// The rest of this class is one file per kind of entity: SeasonMerge.Cups.cs, .Occasions.cs, .Championships.cs,
// .WorldRecords.cs, .PublishedStandings.cs. What the document names is recorded for the summary's "unchanged" counts.
public sealed partial class SeasonMerge(SkatingDbContext db)
{
    private readonly Dictionary<string, List<string>> _errors = [];
    private readonly HashSet<object> _named = new(ReferenceEqualityComparer.Instance);
    private readonly CompetitorDirectory _competitors = new(db);

    // Errors by JSON path, found while merging (what needs the stored season to tell: an unknown scheme or cup, two finals).
    public IReadOnlyDictionary<string, string[]> Errors => _errors.ToDictionary(e => e.Key, e => e.Value.ToArray());

    // The entities the document named, changed or not.
    public IReadOnlySet<object> NamedEntities => _named;

    // False when the document cannot be merged (see Errors); the tracker then holds a partial merge that must not be saved.
    public async Task<bool> MergeAsync(SeasonDocument document, CancellationToken cancellationToken)
    {
        var scheme = await db.PointsSchemes.Include(s => s.Tables).SingleOrDefaultAsync(s => s.Name == document.PointsScheme, cancellationToken);
        if (scheme is null)
        {
            var known = await db.PointsSchemes.Select(s => s.Name).ToListAsync(cancellationToken);
            Error("pointsScheme", $"unknown points scheme '{document.PointsScheme}'; known: {string.Join(", ", known)}.");
            return false;
        }
        await _competitors.LoadAsync(document, cancellationToken);
        var season = await MergeSeasonAsync(document, scheme, cancellationToken);
        MergeCups(season, document);
        await MergeOccasionsAsync(season, document, scheme.Tables.ToDictionary(t => t.Kind, t => t.Points), cancellationToken);
        MergeChampionships(season, document);
        await MergeWorldRecordsAsync(document, cancellationToken);
        MergePublishedStandings(season, document);
        return _errors.Count == 0;
    }

    private async Task<Season> MergeSeasonAsync(SeasonDocument document, PointsScheme scheme, CancellationToken cancellationToken)
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
}
