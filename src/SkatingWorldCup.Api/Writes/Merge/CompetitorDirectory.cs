using Microsoft.EntityFrameworkCore;
using SkatingWorldCup.Api.Data;
using SkatingWorldCup.Api.Domain;
using SkatingWorldCup.Api.Domain.Rules;
using SkatingWorldCup.Api.Writes.Documents;

namespace SkatingWorldCup.Api.Writes.Merge;

// The competitors one import names, by natural key (Competitor.KeyOf): loaded in one query, created on first use, the same instance every time.
public sealed class CompetitorDirectory(SkatingDbContext db)
{
    private readonly Dictionary<string, Competitor> _competitors = [];

    public async Task LoadAsync(SeasonDocument document, CancellationToken cancellationToken)
    {
        var skaters = (document.Occasions ?? []).SelectMany(o => o.Races ?? []).SelectMany(r => r.Results ?? []).Select(r => r.Skater)
            .Concat((document.WorldRecords ?? []).SelectMany(w => w.Skaters ?? []))
            .Concat((document.PublishedStandings ?? []).SelectMany(p => p.Rows ?? []).Select(r => r.Skater))
            .OfType<SkaterDocument>().ToList();
        var names = skaters.Select(s => s.Name).OfType<string>().Distinct().ToList();
        var refs = skaters.Select(s => s.SourceRef).OfType<string>().Distinct().ToList();
        var found = await db.Competitors.AsTracking()
            .Where(c => c.Type == CompetitorType.Nation || (c.Name != null && names.Contains(c.Name)) || (c.SourceRef != null && refs.Contains(c.SourceRef)))
            .ToListAsync(cancellationToken);
        foreach (var competitor in found)
        {
            _competitors.TryAdd(Competitor.KeyOf(competitor.Type, competitor.Name, competitor.SourceRef, competitor.Nationality), competitor);
        }
    }

    public Competitor Skater(SkaterDocument skater) =>
        For(CompetitorType.Skater, skater.Name, skater.Name is null ? skater.SourceRef : null, skater.Nationality!);

    public Competitor Nation(string code) => For(CompetitorType.Nation, Countries.NameOf(code), null, code);

    private Competitor For(CompetitorType type, string? name, string? sourceRef, string nationality)
    {
        var key = Competitor.KeyOf(type, name, sourceRef, nationality);
        if (!_competitors.TryGetValue(key, out var competitor))
        {
            competitor = new Competitor { Type = type, Name = name, SourceRef = sourceRef, Nationality = nationality };
            db.Competitors.Add(competitor);
            _competitors[key] = competitor;
        }
        return competitor;
    }
}
