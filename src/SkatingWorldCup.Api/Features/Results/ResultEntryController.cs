using System.ComponentModel;
using Asp.Versioning;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using SkatingWorldCup.Api.Auth;
using SkatingWorldCup.Api.Web;
using SkatingWorldCup.Api.Web.Caching;
using SkatingWorldCup.Api.Web.Input;
using SkatingWorldCup.Api.Writes;
using SkatingWorldCup.Api.Writes.Documents;

namespace SkatingWorldCup.Api.Features.Results;

// The body of PUT /races/{id}/results: the race's whole result list, in the import format's result shape.
public record RaceResultsDocument
{
    public List<ResultDocument>? Results { get; init; }
}

public class RaceResultsDocumentValidator : AbstractValidator<RaceResultsDocument>
{
    public RaceResultsDocumentValidator() =>
        RuleFor(d => d.Results).NotNull().WithMessage("results is required: the race's whole result list (an empty list clears it).");
}

// Result entry during a season (Writes/ResultEntry): this controller is its HTTP face, with If-Match / If-None-Match.
[ApiController, ApiVersion(1)]
[Route(ApiRoute.Prefix)]
[Authorize(Policy = Policies.Write)]
public class ResultEntryController(ResultEntry entry) : ControllerBase
{
    [HttpPut("races/{raceId}/results")]
    [BodyLimit(BodyLimits.Small)]
    [EndpointSummary("Replace a race's whole result list (write scope)")]
    [EndpointDescription("Atomic: the race ends up with exactly this list. `points` are computed from rank, division and the weekend's points table unless given. A time that beats the world record in force before the race day becomes a detected world record; correcting it away removes that entry. Send the race's ETag (from GET /races/{raceId}) in If-Match to be refused with 412 if someone changed the race meanwhile; without If-Match the last PUT wins, whole.")]
    [ProducesResponseType<ImportSummary>(200, "application/json")]
    [ProducesResponseType<ValidationProblemDetails>(400, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(404, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(412, "application/problem+json")]
    public async Task<ActionResult<ImportSummary>> PutResults([Description("Race id, from a races list.")] int raceId, RaceResultsDocument body, CancellationToken cancellationToken)
    {
        var outcome = await entry.ReplaceRaceResultsAsync(raceId, body.Results!, current => !ETags.IfMatchFails(Request, ETags.Race(current)), User.KeyName(), cancellationToken);
        switch (outcome.Result)
        {
            case EntryResult.NotFound:
                return this.NotFoundProblem($"Race {raceId} not found. GET /api/v1/seasons/{{season}}/races lists a season's races.");
            case EntryResult.PreconditionFailed:
                return this.PreconditionFailed($"Race {raceId}", ETags.Race(outcome.Current!));
            case EntryResult.Invalid:
                return this.InvalidProblem(outcome.Errors!);
        }
        Response.SetDataVersion(outcome.DataVersion);
        Response.Headers.ETag = ETags.Race(outcome.Current!);
        return outcome.Summary!;
    }

    [HttpPut("seasons/{season}/occasions/{number}")]
    [BodyLimit(BodyLimits.Small)]
    [EndpointSummary("Create or update a World Cup weekend and its races (write scope)")]
    [EndpointDescription("The body is an occasion of the import format. Merges like an import: races named are created or updated, races given without `results` keep theirs, races left out stay. Answers 201 when the weekend is new. If-Match takes the weekend's ETag (GET …/occasions/{number}); `If-None-Match: *` creates only.")]
    [ProducesResponseType<ImportSummary>(200, "application/json")]
    [ProducesResponseType<ImportSummary>(201, "application/json")]
    [ProducesResponseType<ValidationProblemDetails>(400, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(404, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(412, "application/problem+json")]
    public async Task<ActionResult<ImportSummary>> PutOccasion([Description("Season id, e.g. 2012-13."), Example("2012-13")] string season,
        [Description("The weekend's number in the season, 1…")] int number, OccasionDocument body, CancellationToken cancellationToken)
    {
        if (body.Number is { } given && given != number)
        {
            return this.InvalidProblem(new Dictionary<string, string[]> { ["number"] = [$"the body says weekend {given}, the URL {number}: leave number out or make them agree."] });
        }
        var outcome = await entry.PutOccasionAsync(season, number, body, current =>
        {
            var etag = current is null ? null : ETags.Occasion(current);
            return !ETags.IfMatchFails(Request, etag) && !ETags.IfNoneMatchHits(Request, etag);
        }, User.KeyName(), cancellationToken);
        switch (outcome.Result)
        {
            case EntryResult.NotFound:
                return this.NotFoundProblem(Messages.SeasonNotFound(season));
            case EntryResult.PreconditionFailed:
                return this.PreconditionFailed($"Weekend {number} of {season}", outcome.Current is { } current ? ETags.Occasion(current) : null);
            case EntryResult.Invalid:
                return this.InvalidProblem(outcome.Errors!);
        }
        Response.SetDataVersion(outcome.DataVersion);
        Response.Headers.ETag = ETags.Occasion(outcome.Current!);
        return outcome.Result == EntryResult.Created ? Created($"/api/v1/seasons/{season}/occasions/{number}", outcome.Summary) : outcome.Summary!;
    }
}
