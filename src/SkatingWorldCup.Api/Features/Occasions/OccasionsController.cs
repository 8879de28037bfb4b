using System.ComponentModel;
using Asp.Versioning;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using SkatingWorldCup.Api.Data;
using SkatingWorldCup.Api.Data.Reads;
using SkatingWorldCup.Api.Domain;
using SkatingWorldCup.Api.Web;
using SkatingWorldCup.Api.Web.Caching;

namespace SkatingWorldCup.Api.Features.Occasions;

public enum CalendarEntryKind
{
    [System.Text.Json.Serialization.JsonStringEnumMemberName("world-cup")] WorldCup,
    [System.Text.Json.Serialization.JsonStringEnumMemberName("championship")] Championship,
}

public record EventCountDto(Gender Gender, Distance Distance, int Races);

// World Cup weekends have a number and races; championships between them have neither (no cup points).
public record CalendarEntryDto(
    [property: System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<CalendarEntryKind>))] CalendarEntryKind Kind,
    int? Number, string? Name, string City, string? CityCode, string Country, string Venue,
    DateOnly? StartDate, DateOnly? EndDate, bool IsFinal, bool IsChampionship, IReadOnlyList<Distance> Distances, IReadOnlyList<EventCountDto> Events);

public record OccasionRaceDto(int Id, Gender Gender, Distance Distance, int Order, DateOnly? Date, string? CupId);

public record OccasionDetailDto(string Season, int Number, string City, string CityCode, string Country, string Venue,
    DateOnly? StartDate, DateOnly? EndDate, bool IsFinal, IReadOnlyList<OccasionRaceDto> Races);

[ApiController, ApiVersion(1)]
[Route(ApiRoute.Prefix + "/seasons/{season}/occasions")]
public class OccasionsController(SkatingDbContext db) : ControllerBase
{
    [HttpGet]
    [EndpointSummary("The season's calendar: World Cup weekends in order and the championships held between them")]
    [EndpointDescription("Weekends have `kind: world-cup`, a number, the distances skated and race counts per gender and distance. Championships have `kind: championship`, no number and award no cup points. Dates no source states are null.")]
    [ProducesResponseType<Page<CalendarEntryDto>>(200, "application/json")]
    [ProducesResponseType<ProblemDetails>(404, "application/problem+json")]
    public async Task<ActionResult<Page<CalendarEntryDto>>> List([Description("Season id, e.g. 2012-13."), Example("2012-13")] string season, [FromQuery] PageQuery page, CancellationToken cancellationToken)
    {
        if (!await db.SeasonExistsAsync(season, cancellationToken))
        {
            return this.NotFoundProblem(Messages.SeasonNotFound(season));
        }
        var occasions = await db.Occasions.Where(o => o.SeasonId == season)
            .Select(o => new { o.Number, o.City, o.CityCode, o.Country, o.Venue, o.StartDate, o.EndDate, o.IsFinal, Races = o.Races.Select(r => new { r.Gender, r.Distance }).ToList() })
            .ToListAsync(cancellationToken);
        var championships = await db.Championships.Where(c => c.SeasonId == season).ToListAsync(cancellationToken);

        var calendar = occasions.Select(o => (Position: (o.Number, 1, o.StartDate), Entry: new CalendarEntryDto(CalendarEntryKind.WorldCup, o.Number, null, o.City, o.CityCode, o.Country, o.Venue, o.StartDate, o.EndDate, o.IsFinal, false,
                o.Races.Select(r => r.Distance).Distinct().Order().ToList(),
                o.Races.GroupBy(r => (r.Distance, r.Gender)).OrderBy(g => g.Key).Select(g => new EventCountDto(g.Key.Gender, g.Key.Distance, g.Count())).ToList())))
            .Concat(championships.Select(c => (Position: (c.AfterOccasion ?? PositionByDate(occasions.Select(o => (o.Number, o.StartDate)), c.StartDate), 2, c.StartDate),
                Entry: new CalendarEntryDto(CalendarEntryKind.Championship, null, c.Name, c.City, null, c.Country, c.Venue, c.StartDate, c.EndDate, false, true, [], []))))
            .OrderBy(e => e.Position.Item1).ThenBy(e => e.Position.Item2).ThenBy(e => e.Position.StartDate)
            .Select(e => e.Entry);
        return page.Of(calendar);
    }

    [HttpGet("{number}")]
    [EndpointSummary("One World Cup weekend with its races")]
    [EndpointDescription("The `ETag` is the weekend's version (it moves with any change to the weekend, its races or their results): send it in If-Match with PUT of the weekend.")]
    [ProducesResponseType<OccasionDetailDto>(200, "application/json")]
    [ProducesResponseType(304)]
    [ProducesResponseType<ValidationProblemDetails>(400, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(404, "application/problem+json")]
    public async Task<ActionResult<OccasionDetailDto>> Get([Description("Season id, e.g. 2012-13."), Example("2012-13")] string season, [Description("The weekend's number in the season, 1…")] int number, CancellationToken cancellationToken)
    {
        var occasion = await db.Occasions.Include(o => o.Races).SingleOrDefaultAsync(o => o.SeasonId == season && o.Number == number, cancellationToken);
        if (occasion is null)
        {
            return this.NotFoundProblem(await db.SeasonExistsAsync(season, cancellationToken) ? $"Season {season} has no World Cup weekend {number}." : Messages.SeasonNotFound(season));
        }
        if (this.NotModifiedOrTag(ETags.Occasion(new OccasionVersion(occasion.Id, occasion.Version))) is { } notModified)
        {
            return notModified;
        }
        var cups = await db.CupsOfAsync(season, cancellationToken);
        return new OccasionDetailDto(season, occasion.Number, occasion.City, occasion.CityCode, occasion.Country, occasion.Venue, occasion.StartDate, occasion.EndDate, occasion.IsFinal,
            occasion.Races.OrderBy(r => r.Distance).ThenBy(r => r.Gender).ThenBy(r => r.Order)
                .Select(r => new OccasionRaceDto(r.Id, r.Gender, r.Distance, r.Order, r.Date, cups.CupFor(r.Gender, r.Distance)?.Slug)).ToList());
    }

    // A championship without a stated position goes after the last weekend that started before it.
    private static int PositionByDate(IEnumerable<(int Number, DateOnly? Start)> occasions, DateOnly? date) =>
        date is null ? int.MaxValue : occasions.Where(o => o.Start is not null && o.Start < date).Select(o => o.Number).DefaultIfEmpty(0).Max();
}
