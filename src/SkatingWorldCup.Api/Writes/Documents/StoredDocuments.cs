using SkatingWorldCup.Api.Domain;

namespace SkatingWorldCup.Api.Writes.Documents;

// Stored rows as parts of a season document, so that a write to one part (a weekend, a race's results) is the import's
// merge of a document made of what is stored plus that part.
public static class StoredDocuments
{
    public static SeasonDocument SeasonOf(Season s) => new()
    {
        Season = s.Id, Name = s.Name, OfficialName = s.OfficialName, StartDate = s.StartDate, EndDate = s.EndDate,
        PointsScheme = s.PointsScheme.Name, TieBreak = s.TieBreak.ToApi(),
    };

    public static OccasionDocument OccasionOf(Occasion o) => new()
    {
        Number = o.Number, City = o.City, CityCode = o.CityCode, Country = o.Country, Venue = o.Venue,
        StartDate = o.StartDate, EndDate = o.EndDate, IsFinal = o.IsFinal,
    };

    public static RaceDocument RaceOf(Race r) => new() { Gender = r.Gender.ToApi(), Distance = r.Distance.ToApi(), Order = r.Order, Date = r.Date };
}
