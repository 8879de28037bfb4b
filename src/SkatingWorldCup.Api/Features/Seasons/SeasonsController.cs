using System.ComponentModel;
using Asp.Versioning;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using SkatingWorldCup.Api.Data;
using SkatingWorldCup.Api.Domain;
using SkatingWorldCup.Api.Web;

namespace SkatingWorldCup.Api.Features.Seasons;

public record SeasonDto(string Id, string Name, string? OfficialName, DateOnly StartDate, DateOnly EndDate, string PointsScheme, TieBreakRule TieBreak);

public record SeasonDetailDto(string Id, string Name, string? OfficialName, DateOnly StartDate, DateOnly EndDate, string PointsScheme, TieBreakRule TieBreak, SeasonCountsDto Counts);

public record SeasonCountsDto(int Occasions, int Championships, int Races, int Cups, int Results);

[ApiController, ApiVersion(1)]
[Route(ApiRoute.Prefix + "/seasons")]
public class SeasonsController(SkatingDbContext db) : ControllerBase
{
    [HttpGet]
    [EndpointSummary("List the seasons, newest first")]
    [ProducesResponseType<Page<SeasonDto>>(200, "application/json")]
    [ProducesResponseType<ValidationProblemDetails>(400, "application/problem+json")]
    public async Task<Page<SeasonDto>> List([FromQuery] PageQuery page, CancellationToken cancellationToken)
    {
        var total = await db.Seasons.CountAsync(cancellationToken);
        var items = await db.Seasons.OrderByDescending(s => s.Id).Skip(page.Offset).Take(page.Limit)
            .Select(s => new SeasonDto(s.Id, s.Name, s.OfficialName, s.StartDate, s.EndDate, s.PointsScheme.Name, s.TieBreak))
            .ToListAsync(cancellationToken);
        return new(items, total, page.Limit, page.Offset);
    }

    [HttpGet("{season}")]
    [EndpointSummary("One season with its counts of weekends, championships, races, cups and results")]
    [ProducesResponseType<SeasonDetailDto>(200, "application/json")]
    [ProducesResponseType<ProblemDetails>(404, "application/problem+json")]
    public async Task<ActionResult<SeasonDetailDto>> Get([Description("Season id, e.g. 2012-13."), Example("2012-13")] string season, CancellationToken cancellationToken)
    {
        var found = await db.Seasons.Where(s => s.Id == season)
            .Select(s => new SeasonDetailDto(s.Id, s.Name, s.OfficialName, s.StartDate, s.EndDate, s.PointsScheme.Name, s.TieBreak,
                new SeasonCountsDto(s.Occasions.Count, s.Championships.Count, s.Occasions.SelectMany(o => o.Races).Count(), s.Cups.Count,
                    s.Occasions.SelectMany(o => o.Races).SelectMany(r => r.Results).Count())))
            .SingleOrDefaultAsync(cancellationToken);
        return found is null ? this.NotFoundProblem(Messages.SeasonNotFound(season)) : found;
    }
}
