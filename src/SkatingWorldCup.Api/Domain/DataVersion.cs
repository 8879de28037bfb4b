namespace SkatingWorldCup.Api.Domain;

// One row, bumped by every write transaction: a single number that changes whenever any data does.
public class DataVersion
{
    public int Id { get; set; }
    public long Version { get; set; }
}
