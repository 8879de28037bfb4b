namespace SkatingWorldCup.Api.Domain;

// Which distances feed a cup is data of the season, so a season with other groupings needs no code change.
public class Cup
{
    public int Id { get; set; }
    public required string SeasonId { get; set; }
    public Season Season { get; set; } = null!;
    public required string Slug { get; set; } // "men-5000-10000"
    public Gender Gender { get; set; }

    public List<CupDistance> Distances { get; set; } = [];
    public List<PublishedStanding> PublishedStandings { get; set; } = [];

    public static string SlugFor(Gender gender, IEnumerable<Distance> distances) =>
        $"{gender.ToApi()}-{string.Join('-', distances.Order().Select(d => d.ToApi()))}";
}

public class CupDistance
{
    public int CupId { get; set; }
    public Distance Distance { get; set; }
}
