using System.ComponentModel;
using System.Text.Json.Serialization;
using Asp.Versioning;
using CsvHelper;
using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using SkatingWorldCup.Api.Data;
using SkatingWorldCup.Api.Data.Reads;
using SkatingWorldCup.Api.Domain;
using SkatingWorldCup.Api.Web;
using SkatingWorldCup.Api.Web.Caching;
using SkatingWorldCup.Api.Web.Formats;

namespace SkatingWorldCup.Api.Features.Races;

public record RaceDto(int Id, string Season, int Occasion, string City, string? Code, int Order, Gender Gender, Distance Distance, string? CupId,
    DateOnly? Date, bool HasResults, IReadOnlyList<PodiumPlaceDto> Podium) : ICsvRow
{
    private static readonly string[] s_places = ["gold", "silver", "bronze"];

    public static IReadOnlyList<string> CsvHeader { get; } =
        ["id", "season", "occasion", "city", "code", "order", "gender", "distance", "cupId", "date", "hasResults",
            .. s_places.SelectMany(p => new[] { p, $"{p}Nationality", $"{p}Time" })];

    // A shared place (two golds) lists both names in its cell.
    public IEnumerable<object?> CsvFields() =>
        [Id, Season, Occasion, City, Code, Order, Gender, Distance, CupId, Date, HasResults,
            .. Enumerable.Range(1, 3).Select(rank => Podium.Where(p => p.Rank == rank).ToList())
                .SelectMany(place => new object?[] { Join(place.Select(p => p.Competitor.Name)), Join(place.Select(p => p.Competitor.Nationality)), place.FirstOrDefault()?.Time })];

    private static string? Join(IEnumerable<string?> values) => values.Any() ? string.Join("; ", values) : null;
}

public record RaceOccasionDto(int Number, string City, string CityCode, string Country, string Venue, bool IsFinal);

public record RaceResultDto(Division? Division, int? Rank, CompetitorDto Competitor, string? Time, decimal? Seconds, ResultStatus Status, int Points, bool PointsGiven, string? Record);

public record RaceDetailDto(int Id, string Season, RaceOccasionDto Occasion, string? Code, int Order, Gender Gender, Distance Distance, string? CupId,
    DateOnly? Date, IReadOnlyList<RaceResultDto> Results) : ICsvExportable
{
    [JsonIgnore]
    public string CsvFileName => $"race-{Id}.csv";

    // One row per result, each carrying the race's columns, so rows of several races can be appended into one file.
    public async Task WriteCsvAsync(CsvWriter csv, CancellationToken cancellationToken)
    {
        await csv.WriteRowAsync(["raceId", "season", "occasion", "city", "code", "order", "gender", "distance", "date",
            "division", "rank", "competitorType", "competitorId", "name", "nationality", "time", "seconds", "status", "points", "pointsGiven", "record"]);
        foreach (var r in Results)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await csv.WriteRowAsync([Id, Season, Occasion.Number, Occasion.City, Code, Order, Gender, Distance, Date,
                r.Division, r.Rank, r.Competitor.Type, r.Competitor.Id, r.Competitor.Name, r.Competitor.Nationality, r.Time, r.Seconds, r.Status, r.Points, r.PointsGiven, r.Record]);
        }
    }
}

public class RaceQuery : CsvPageQuery
{
    [FromQuery(Name = "gender"), Description("men or women.")]
    public Gender? Gender { get; init; }

    [FromQuery(Name = "distance"), Description("500, 1000, 1500, 3000, 5000, 10000, mass-start, team-pursuit or team-sprint.")]
    public Distance? Distance { get; init; }

    [FromQuery(Name = "occasion"), Description("World Cup weekend number, 1…")]
    public int? Occasion { get; init; }
}

public class RaceQueryValidator : CsvPageQueryValidator<RaceQuery>
{
    public RaceQueryValidator() => RuleFor(q => q.Occasion).InclusiveBetween(1, 99);
}

[ApiController, ApiVersion(1)]
[Route(ApiRoute.Prefix)]
public class RacesController(SkatingDbContext db) : ControllerBase
{
    [HttpGet("seasons/{season}/races")]
    [QueryFormat]
    [EndpointSummary("The season's races, filtered by gender, distance and weekend, each with its Division A podium")]
    [EndpointDescription("`code` is the race's column in its cup standings (HVN1, NAG2, …); `cupId` is null for team sprint, a demonstration event.")]
    [ProducesResponseType<Page<RaceDto>>(200, "application/json", "text/csv")]
    [ProducesResponseType<ValidationProblemDetails>(400, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(404, "application/problem+json")]
    public async Task<ActionResult<Page<RaceDto>>> List([Description("Season id, e.g. 2012-13."), Example("2012-13")] string season, [FromQuery] RaceQuery query, CancellationToken cancellationToken)
    {
        if (!await db.SeasonExistsAsync(season, cancellationToken))
        {
            return this.NotFoundProblem(Messages.SeasonNotFound(season));
        }
        var races = db.Races.Where(r => r.Occasion.SeasonId == season);
        races = query.Gender is { } gender ? races.Where(r => r.Gender == gender) : races;
        races = query.Distance is { } distance ? races.Where(r => r.Distance == distance) : races;
        races = query.Occasion is { } occasion ? races.Where(r => r.Occasion.Number == occasion) : races;

        var rows = await races
            .Select(r => new
            {
                r.Id, Occasion = r.Occasion.Number, r.Occasion.City, r.Occasion.CityCode, r.Order, r.Gender, r.Distance, r.Date,
                HasResults = r.Results.Any(),
                Podium = r.Results.Where(x => x.Division == Division.A && x.Rank <= 3).OrderBy(x => x.Rank).Select(x => new { x.Rank, x.Competitor, x.Time, x.Points }).ToList(),
            })
            .ToListAsync(cancellationToken);
        var cups = await db.CupsOfAsync(season, cancellationToken);
        var codes = await db.RaceCodesAsync(season, cups, cancellationToken);
        var items = rows.OrderBy(r => r.Occasion).ThenBy(r => r.Date ?? DateOnly.MaxValue).ThenBy(r => r.Distance).ThenBy(r => r.Gender).ThenBy(r => r.Order)
            .Select(r => new RaceDto(r.Id, season, r.Occasion, r.City, codes.GetValueOrDefault(r.Id), r.Order, r.Gender, r.Distance, cups.CupFor(r.Gender, r.Distance)?.Slug, r.Date, r.HasResults,
                r.Podium.Select(p => new PodiumPlaceDto(p.Rank!.Value, CompetitorDto.From(p.Competitor), TimedDto.From(p.Time)?.Time, TimedDto.From(p.Time)?.Seconds, p.Points)).ToList()));
        return query.Of(items);
    }

    [HttpGet("races/{raceId}")]
    [QueryFormat]
    [EndpointSummary("One race with all its results")]
    [EndpointDescription("Results are ordered Division A by rank, Division B by rank, then unranked starts by points. `record` is `WR` where the result set a world record that day. `pointsGiven` is true where the points are the published ones rather than computed. The `ETag` is the race's version: send it in If-Match with PUT /races/{raceId}/results.")]
    [ProducesResponseType<RaceDetailDto>(200, "application/json", "text/csv")]
    [ProducesResponseType(304)]
    [ProducesResponseType<ValidationProblemDetails>(400, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(404, "application/problem+json")]
    public async Task<ActionResult<RaceDetailDto>> Get([Description("Race id, from a races list.")] int raceId, [FromQuery] FormatQuery query, CancellationToken cancellationToken)
    {
        var race = await s_raceWithResults(db, raceId, cancellationToken);
        if (race is null)
        {
            return this.NotFoundProblem($"Race {raceId} not found. GET /api/v1/seasons/{{season}}/races lists a season's races.");
        }
        var records = await db.RecordResultIdsAsync(raceId, cancellationToken);
        if (this.NotModifiedOrTag(ETags.Race(new RaceVersion(race.Id, race.Version, records))) is { } notModified)
        {
            return notModified;
        }
        var season = race.Occasion.SeasonId;
        var cups = await db.CupsOfAsync(season, cancellationToken);
        var codes = await db.RaceCodesAsync(season, cups, cancellationToken);
        var results = race.Results
            .OrderBy(r => r.Rank is null ? 2 : r.Division == Division.B ? 1 : 0).ThenBy(r => r.Rank).ThenByDescending(r => r.Points).ThenBy(r => r.Id)
            .Select(r => new RaceResultDto(r.Division, r.Rank, CompetitorDto.From(r.Competitor), TimedDto.From(r.Time)?.Time, TimedDto.From(r.Time)?.Seconds,
                r.Status, r.Points, r.PointsGiven, records.Contains(r.Id) ? "WR" : null))
            .ToList();
        var o = race.Occasion;
        return new RaceDetailDto(race.Id, season, new RaceOccasionDto(o.Number, o.City, o.CityCode, o.Country, o.Venue, o.IsFinal), codes.GetValueOrDefault(race.Id),
            race.Order, race.Gender, race.Distance, cups.CupFor(race.Gender, race.Distance)?.Slug, race.Date, results);
    }

    // The hottest read after the standings: compiled once rather than translated from its expression tree on every call.
    private static readonly Func<SkatingDbContext, int, CancellationToken, Task<Race?>> s_raceWithResults = EF.CompileAsyncQuery(
        (SkatingDbContext db, int raceId, CancellationToken cancellationToken) =>
            db.Races.Include(r => r.Occasion).Include(r => r.Results).ThenInclude(r => r.Competitor).SingleOrDefault(r => r.Id == raceId));
}
