using System.ComponentModel;
using Asp.Versioning;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using SkatingWorldCup.Api.Data;
using SkatingWorldCup.Api.Data.Reads;
using SkatingWorldCup.Api.Domain;
using SkatingWorldCup.Api.Web;

namespace SkatingWorldCup.Api.Features.Cups;

public record CupDto(string Id, Gender Gender, IReadOnlyList<Distance> Distances, string PointsScheme, int Races, int RacesWithResults, bool HasPublishedStandings);

[ApiController, ApiVersion(1)]
[Route(ApiRoute.Prefix + "/seasons/{season}/cups")]
public class CupsController(SkatingDbContext db) : ControllerBase
{
    [HttpGet]
    [EndpointSummary("The season's cups (12 in the ISU format): id, gender, the distances that feed it, points scheme")]
    [ProducesResponseType<Page<CupDto>>(200, "application/json")]
    [ProducesResponseType<ValidationProblemDetails>(400, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(404, "application/problem+json")]
    public async Task<ActionResult<Page<CupDto>>> List([Description("Season id, e.g. 2012-13."), Example("2012-13")] string season, [FromQuery] PageQuery page, CancellationToken cancellationToken)
    {
        var cups = await CupsAsync(season, cancellationToken);
        return cups is null ? this.NotFoundProblem(Messages.SeasonNotFound(season)) : page.Of(cups);
    }

    [HttpGet("{cupId}")]
    [EndpointSummary("One cup")]
    [ProducesResponseType<CupDto>(200, "application/json")]
    [ProducesResponseType<ProblemDetails>(404, "application/problem+json")]
    public async Task<ActionResult<CupDto>> Get([Description("Season id, e.g. 2012-13."), Example("2012-13")] string season, [Description("Cup id, e.g. women-500 or men-5000-10000."), Example("women-500")] string cupId, CancellationToken cancellationToken)
    {
        var cups = await CupsAsync(season, cancellationToken);
        if (cups is null)
        {
            return this.NotFoundProblem(Messages.SeasonNotFound(season));
        }
        return cups.SingleOrDefault(c => c.Id == cupId) is { } cup
            ? cup
            : this.NotFoundProblem($"Season {season} has no cup '{cupId}'. Its cups: {string.Join(", ", cups.Select(c => c.Id))}.");
    }

    private async Task<List<CupDto>?> CupsAsync(string season, CancellationToken cancellationToken)
    {
        var scheme = await db.Seasons.Where(s => s.Id == season).Select(s => s.PointsScheme.Name).SingleOrDefaultAsync(cancellationToken);
        if (scheme is null)
        {
            return null;
        }
        var cups = await db.CupsOfAsync(season, cancellationToken);
        var races = await db.Races.Where(r => r.Occasion.SeasonId == season).Select(r => new { r.Gender, r.Distance, HasResults = r.Results.Any() }).ToListAsync(cancellationToken);
        var published = await db.PublishedStandings.Where(p => cups.Select(c => c.Id).Contains(p.CupId)).Select(p => p.CupId).Distinct().ToListAsync(cancellationToken);
        return cups.Select(c =>
        {
            var cupRaces = races.Where(r => r.Gender == c.Gender && c.Distances.Contains(r.Distance)).ToList();
            return new CupDto(c.Slug, c.Gender, c.Distances, scheme, cupRaces.Count, cupRaces.Count(r => r.HasResults), published.Contains(c.Id));
        }).ToList();
    }
}
