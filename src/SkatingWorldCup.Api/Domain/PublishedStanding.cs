namespace SkatingWorldCup.Api.Domain;

// Officially published cup standings (e.g. a season document's top three), served until race results exist.
public class PublishedStanding
{
    public int Id { get; set; }
    public int CupId { get; set; }
    public int Rank { get; set; }
    public int CompetitorId { get; set; }
    public Competitor Competitor { get; set; } = null!;
    public int Points { get; set; }
}
