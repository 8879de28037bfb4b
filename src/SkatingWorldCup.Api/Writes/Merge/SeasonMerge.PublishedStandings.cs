using SkatingWorldCup.Api.Domain;
using SkatingWorldCup.Api.Writes.Documents;

namespace SkatingWorldCup.Api.Writes.Merge;

public sealed partial class SeasonMerge
{
    // A cup's published standings given in the document replace the stored ones of that cup.
    private void MergePublishedStandings(Season season, SeasonDocument document)
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
}
