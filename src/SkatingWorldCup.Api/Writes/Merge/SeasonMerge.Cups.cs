using SkatingWorldCup.Api.Domain;
using SkatingWorldCup.Api.Domain.Rules;
using SkatingWorldCup.Api.Writes.Documents;

namespace SkatingWorldCup.Api.Writes.Merge;

public sealed partial class SeasonMerge
{
    // The document's cups, or for a season that has none yet the 12 standard ones; a document without cups keeps them.
    private void MergeCups(Season season, SeasonDocument document)
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
        foreach (var (gender, distances) in wanted)
        {
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
}
