using System.ComponentModel;
using Asp.Versioning;
using Microsoft.AspNetCore.Mvc;
using SkatingWorldCup.Api.Data.Reads;
using SkatingWorldCup.Api.Web;
using SkatingWorldCup.Api.Web.Formats;

namespace SkatingWorldCup.Api.Features.Standings;

[ApiController, ApiVersion(1)]
[Route(ApiRoute.Prefix)]
public class StandingsController(StandingsService standings) : ControllerBase
{
    private const string Shape = "Shape as CONTRACT.md \"Standings shape\". `racePoints` has every code of `races`: a number where the competitor started "
        + "(0 is a start without points), null where not (a dns is not a start). Equal points share a rank (`tied`) unless the season's `tieBreak` "
        + "(none | countback) separates them. `source` is `published` for a cup whose data holds only the officially published standings: their rows "
        + "have `racePoints: {}`. With afterOccasion/asOf, `races` lists only the races counted. `warnings` says what the answer could not do or found odd. "
        + "Also as CSV (Accept: text/csv or ?format=csv).";

    [HttpGet("seasons/{season}/cups/{cupId}/standings")]
    [QueryFormat]
    [EndpointSummary("The cup standings: points per competitor and per race, ranks and ties")]
    [EndpointDescription(Shape)]
    [ProducesResponseType<StandingsDto>(200, "application/json", "text/csv")]
    [ProducesResponseType<ValidationProblemDetails>(400, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(404, "application/problem+json")]
    public async Task<ActionResult<StandingsDto>> OfCup([Description("Season id, e.g. 2012-13.")] string season,
        [Description("Cup id, e.g. women-500 or men-5000-10000.")] string cupId, [FromQuery] StandingsQuery query, CancellationToken cancellationToken)
    {
        var answer = await standings.StandingsAsync(season, new CupSelector(cupId, null, null), query, cancellationToken);
        return answer.Value ?? (ActionResult<StandingsDto>)this.NotFoundProblem(answer.Problem!);
    }

    [HttpGet("seasons/{season}/standings")]
    [QueryFormat]
    [EndpointSummary("The standings of the cup that holds a gender's distance (distance=10000&gender=men is men-5000-10000)")]
    [EndpointDescription(Shape)]
    [ProducesResponseType<StandingsDto>(200, "application/json", "text/csv")]
    [ProducesResponseType<ValidationProblemDetails>(400, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(404, "application/problem+json")]
    public async Task<ActionResult<StandingsDto>> OfDistance([Description("Season id, e.g. 2012-13.")] string season,
        [FromQuery] DistanceStandingsQuery query, CancellationToken cancellationToken)
    {
        var answer = await standings.StandingsAsync(season, new CupSelector(null, query.Gender, query.Distance), query, cancellationToken);
        return answer.Value ?? (ActionResult<StandingsDto>)this.NotFoundProblem(answer.Problem!);
    }

    [HttpGet("seasons/{season}/cups/{cupId}/medallists")]
    [EndpointSummary("Each race of the cup, in column order, with its Division A gold, silver and bronze")]
    [EndpointDescription("A medal is null where the data holds no such result (cups known only from their published standings).")]
    [ProducesResponseType<MedallistsDto>(200, "application/json")]
    [ProducesResponseType<ProblemDetails>(404, "application/problem+json")]
    public async Task<ActionResult<MedallistsDto>> Medallists([Description("Season id, e.g. 2012-13.")] string season,
        [Description("Cup id, e.g. women-500 or men-5000-10000.")] string cupId, CancellationToken cancellationToken)
    {
        var answer = await standings.MedallistsAsync(season, new CupSelector(cupId, null, null), cancellationToken);
        return answer.Value ?? (ActionResult<MedallistsDto>)this.NotFoundProblem(answer.Problem!);
    }
}
