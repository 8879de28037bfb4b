namespace SkatingWorldCup.Api.Domain;

// Who a result belongs to: a skater, or a nation in the team events.
public class Competitor
{
    public int Id { get; set; }
    public CompetitorType Type { get; set; }
    public string? Name { get; set; } // a skater's name can be unknown to the sources: then SourceRef says which row it is
    public required string Nationality { get; set; }
    public string? SourceRef { get; set; }
}
