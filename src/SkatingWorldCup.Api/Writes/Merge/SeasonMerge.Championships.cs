using SkatingWorldCup.Api.Domain;
using SkatingWorldCup.Api.Writes.Documents;

namespace SkatingWorldCup.Api.Writes.Merge;

public sealed partial class SeasonMerge
{
    // Championships by name.
    private void MergeChampionships(Season season, SeasonDocument document)
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
}
