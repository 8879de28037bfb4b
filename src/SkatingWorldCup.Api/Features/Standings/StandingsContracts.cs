using System.ComponentModel;
using System.Text.Json.Serialization;
using CsvHelper;
using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using SkatingWorldCup.Api.Domain;
using SkatingWorldCup.Api.Web;
using SkatingWorldCup.Api.Web.Formats;

namespace SkatingWorldCup.Api.Features.Standings;

[JsonConverter(typeof(JsonStringEnumConverter<StandingsSource>))]
public enum StandingsSource
{
    [JsonStringEnumMemberName("computed")] Computed,
    [JsonStringEnumMemberName("published")] Published,
}

public record StandingsCupDto(string Id, Gender Gender, IReadOnlyList<Distance> Distances);

public record StandingsAsOfDto(int? Occasion, DateOnly? Date);

public record StandingsRaceDto(string Code, int RaceId, int Occasion, DateOnly? Date, Distance Distance);

public record ProgressionStepDto(string Code, int Total, int Rank);

public record StandingDto(int Rank, bool Tied, CompetitorDto Competitor, int Points, IReadOnlyDictionary<string, int?> RacePoints,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<ProgressionStepDto>? Progression);

// CONTRACT.md "Standings shape", plus pointsScheme, tieBreak and warnings.
public record StandingsDto(string Season, StandingsCupDto Cup, StandingsAsOfDto AsOf, StandingsSource Source, IReadOnlyList<StandingsRaceDto> Races,
    IReadOnlyList<StandingDto> Standings, string PointsScheme, TieBreakRule TieBreak, IReadOnlyList<string> Warnings) : ICsvExportable
{
    [JsonIgnore]
    public string CsvFileName => $"{Season}-{Cup.Id}-standings.csv";

    public async Task WriteCsvAsync(CsvWriter csv, CancellationToken cancellationToken)
    {
        var codes = Races.Select(r => r.Code).ToList();
        await csv.WriteRowAsync(["rank", "tied", "competitorType", "competitorId", "name", "nationality", "points", .. codes]);
        foreach (var s in Standings)
        {
            cancellationToken.ThrowIfCancellationRequested();
            // An empty cell is "did not start" (and every cell of a published row, which has no race points).
            await csv.WriteRowAsync([$"{s.Rank}", s.Tied ? "true" : "false", s.Competitor.Type.ToApi(), $"{s.Competitor.Id}", s.Competitor.Name,
                s.Competitor.Nationality, $"{s.Points}", .. codes.Select(c => s.RacePoints.GetValueOrDefault(c)?.ToString(System.Globalization.CultureInfo.InvariantCulture))]);
        }
    }
}

public record MedalDto(CompetitorDto Competitor, string? Time, decimal? Seconds, int Points);

public record MedallistsRaceDto(string Code, int RaceId, int Occasion, string City, DateOnly? Date, Distance Distance, MedalDto? Gold, MedalDto? Silver, MedalDto? Bronze);

public record MedallistsDto(string Season, StandingsCupDto Cup, IReadOnlyList<MedallistsRaceDto> Races, IReadOnlyList<string> Warnings);

public class StandingsQuery
{
    public const string Progression = "progression";

    [FromQuery(Name = "afterOccasion"), Description("World Cup weekend number 1…: the standings after that weekend (only races of weekends up to it count).")]
    public int? AfterOccasion { get; init; }

    [FromQuery(Name = "asOf"), Description("Date YYYY-MM-DD: the standings on that day (only races on or before it count).")]
    public DateOnly? AsOf { get; init; }

    [FromQuery(Name = "include"), Description("progression: each row gets its running total and rank after every race.")]
    public string? Include { get; init; }

    [FromQuery(Name = "format"), Description("json (default) or csv; the same as Accept: text/csv.")]
    public string? Format { get; init; }

    public bool Includes(string what) => Values(Include).Contains(what, StringComparer.OrdinalIgnoreCase);

    public static IEnumerable<string> Values(string? list) => (list ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
}

public class DistanceStandingsQuery : StandingsQuery
{
    [FromQuery(Name = "gender"), Description("men or women (required).")]
    public Gender? Gender { get; init; }

    [FromQuery(Name = "distance"), Description("500, 1000, 1500, 3000, 5000, 10000, mass-start or team-pursuit (required): the cup that holds it.")]
    public Distance? Distance { get; init; }
}

public class StandingsQueryValidator<T> : AbstractValidator<T> where T : StandingsQuery
{
    public StandingsQueryValidator()
    {
        RuleFor(q => q.AfterOccasion).InclusiveBetween(1, 99);
        RuleFor(q => q.Include).Must(i => StandingsQuery.Values(i).All(v => v.Equals(StandingsQuery.Progression, StringComparison.OrdinalIgnoreCase)))
            .WithMessage(q => $"'{q.Include}' is not a valid include: use {StandingsQuery.Progression}.");
        RuleFor(q => q.Format).MustBeResponseFormat();
    }
}

public class StandingsQueryValidator : StandingsQueryValidator<StandingsQuery>;

public class DistanceStandingsQueryValidator : StandingsQueryValidator<DistanceStandingsQuery>
{
    public DistanceStandingsQueryValidator()
    {
        RuleFor(q => q.Gender).NotNull().WithMessage("gender is required: men or women.");
        RuleFor(q => q.Distance).NotNull().WithMessage($"distance is required: one of {string.Join(", ", ApiName<Distance>.All)}.");
    }
}
