using SkatingWorldCup.Api.Domain;
using SkatingWorldCup.Api.Domain.Rules;

namespace SkatingWorldCup.Api.Web;

public record CompetitorDto(CompetitorType Type, int Id, string? Name, string Nationality, string? SourceRef)
{
    public static CompetitorDto From(Competitor c) => new(c.Type, c.Id, c.Name, c.Nationality, c.SourceRef);
}

// Every timed object carries the display string and the number: "1:06.42" and 66.42.
public record TimedDto(string Time, decimal Seconds)
{
    public static TimedDto? From(decimal? time) => time is { } t ? new(RaceTime.Format(t), RaceTime.Normalize(t)) : null;
}

public record PodiumPlaceDto(int Rank, CompetitorDto Competitor, string? Time, decimal? Seconds, int Points);

public static class Messages
{
    public static string SeasonNotFound(string season) =>
        $"Season '{season}' not found. Season ids look like 2012-13; GET /api/v1/seasons lists them.";
}
