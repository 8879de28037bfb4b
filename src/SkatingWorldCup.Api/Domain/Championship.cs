namespace SkatingWorldCup.Api.Domain;

// A championship held between World Cup weekends: part of the calendar, never of the cups.
public class Championship
{
    public int Id { get; set; }
    public required string SeasonId { get; set; }
    public Season Season { get; set; } = null!;
    public required string Name { get; set; }
    public required string City { get; set; }
    public required string Country { get; set; }
    public required string Venue { get; set; }
    public DateOnly? StartDate { get; set; }
    public DateOnly? EndDate { get; set; }
    public int? AfterOccasion { get; set; } // places it in the calendar when its dates are unknown
}
