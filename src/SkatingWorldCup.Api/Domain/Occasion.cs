namespace SkatingWorldCup.Api.Domain;

// A World Cup weekend.
public class Occasion
{
    public int Id { get; set; }
    public required string SeasonId { get; set; }
    public Season Season { get; set; } = null!;
    public int Number { get; set; }
    public required string City { get; set; }
    public required string CityCode { get; set; }
    public required string Country { get; set; }
    public required string Venue { get; set; }
    public DateOnly? StartDate { get; set; } // null where no source states the weekend's dates
    public DateOnly? EndDate { get; set; }
    public bool IsFinal { get; set; }
    public int Version { get; set; } = 1; // bumped by every write to the weekend, its races or their results

    public List<Race> Races { get; set; } = [];
}

// What a weekend's concurrency check (its ETag, If-Match) compares.
public sealed record OccasionVersion(int OccasionId, int Version);
