namespace SkatingWorldCup.Api.Domain;

// Who a result belongs to: a skater, or a nation in the team events.
public class Competitor
{
    public int Id { get; set; }
    public CompetitorType Type { get; set; }
    public string? Name { get; set; } // a skater's name can be unknown to the sources: then SourceRef says which row it is
    public required string Nationality { get; set; }
    public string? SourceRef { get; set; }

    // Who is who: a named skater by name and nationality, an unnamed one by source reference and nationality, a nation
    // by its code. CompetitorConfiguration's unique indexes say the same; imports and their validation use this.
    public static string KeyOf(CompetitorType type, string? name, string? sourceRef, string nationality) => type switch
    {
        CompetitorType.Nation => $"nation|{nationality}",
        _ when name is not null => $"skater|name|{name}|{nationality}",
        _ => $"skater|ref|{sourceRef}|{nationality}",
    };
}
