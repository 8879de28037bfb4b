namespace SkatingWorldCup.Api.Writes.Documents;

// The contract's season import document. Enumerations stay strings here so that a wrong value is
// reported by its JSON path instead of failing deserialization of the whole document.
public record SeasonDocument
{
    public string? Season { get; init; }
    public string? Name { get; init; }
    public string? OfficialName { get; init; }
    public DateOnly? StartDate { get; init; }
    public DateOnly? EndDate { get; init; }
    public string? PointsScheme { get; init; }
    public string? TieBreak { get; init; } // extension: "none" (default) or "countback"
    public List<OccasionDocument>? Occasions { get; init; }
    public List<ChampionshipDocument>? Championships { get; init; }
    public List<WorldRecordDocument>? WorldRecords { get; init; }
    public List<PublishedStandingsDocument>? PublishedStandings { get; init; }
    public List<CupDocument>? Cups { get; init; } // extension: omitted = the 12 standard ISU cups
}

public record OccasionDocument
{
    public int? Number { get; init; }
    public string? City { get; init; }
    public string? CityCode { get; init; }
    public string? Country { get; init; }
    public string? Venue { get; init; }
    public DateOnly? StartDate { get; init; }
    public DateOnly? EndDate { get; init; }
    public bool? IsFinal { get; init; }
    public List<RaceDocument>? Races { get; init; }
}

public record RaceDocument
{
    public string? Gender { get; init; }
    public string? Distance { get; init; }
    public int? Order { get; init; }
    public DateOnly? Date { get; init; }
    public List<ResultDocument>? Results { get; init; } // null keeps the race's results; a list replaces them
}

public record ResultDocument
{
    public string? Division { get; init; }
    public int? Rank { get; init; }
    public SkaterDocument? Skater { get; init; }
    public string? Nation { get; init; }
    public string? Time { get; init; }
    public int? Points { get; init; }
    public string? Status { get; init; }
}

public record SkaterDocument
{
    public string? Name { get; init; }
    public string? Nationality { get; init; }
    public string? SourceRef { get; init; } // extension: identifies a skater whose name the sources do not give
}

public record ChampionshipDocument
{
    public string? Name { get; init; }
    public string? City { get; init; }
    public string? Venue { get; init; }
    public string? Country { get; init; }
    public DateOnly? StartDate { get; init; }
    public DateOnly? EndDate { get; init; }
    public int? AfterOccasion { get; init; } // extension: calendar position when the dates are unknown
}

public record WorldRecordDocument
{
    public string? Gender { get; init; }
    public string? Distance { get; init; }
    public string? Time { get; init; }
    public List<SkaterDocument>? Skaters { get; init; }
    public string? Nation { get; init; } // extension: the team events' nation
    public DateOnly? Date { get; init; }
    public string? Venue { get; init; }
    public string? City { get; init; }
}

public record PublishedStandingsDocument
{
    public string? Cup { get; init; }
    public List<PublishedRowDocument>? Rows { get; init; }
}

public record PublishedRowDocument
{
    public int? Rank { get; init; }
    public SkaterDocument? Skater { get; init; }
    public string? Nation { get; init; }
    public int? Points { get; init; }
}

public record CupDocument
{
    public string? Gender { get; init; }
    public List<string>? Distances { get; init; }
}
