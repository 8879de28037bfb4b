namespace SkatingWorldCup.Api.Domain;

public class Season
{
    public required string Id { get; set; } // "2012-13"
    public required string Name { get; set; }
    public string? OfficialName { get; set; }
    public DateOnly StartDate { get; set; }
    public DateOnly EndDate { get; set; }
    public int PointsSchemeId { get; set; }
    public PointsScheme PointsScheme { get; set; } = null!;
    public TieBreakRule TieBreak { get; set; }

    public List<Occasion> Occasions { get; set; } = [];
    public List<Championship> Championships { get; set; } = [];
    public List<Cup> Cups { get; set; } = [];
}
