namespace SkatingWorldCup.Api.Domain;

// A named set of points tables; each season picks one.
public class PointsScheme
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public string? Description { get; set; }
    public List<PointsTable> Tables { get; set; } = [];
}

public class PointsTable
{
    public int PointsSchemeId { get; set; }
    public PointsTableKind Kind { get; set; }
    public int[] Points { get; set; } = []; // Points[0] is first place's
}
