using Asp.Versioning;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using SkatingWorldCup.Api.Auth;
using SkatingWorldCup.Api.Web;
using SkatingWorldCup.Api.Web.Caching;
using SkatingWorldCup.Api.Web.Input;
using SkatingWorldCup.Api.Writes;
using SkatingWorldCup.Api.Writes.Documents;

namespace SkatingWorldCup.Api.Features.Imports;

[ApiController, ApiVersion(1)]
[Route(ApiRoute.Prefix + "/imports")]
public class ImportsController(SeasonImporter importer) : ControllerBase
{
    [HttpPost]
    [Authorize(Policy = Policies.Write)]
    [BodyLimit(BodyLimits.Import)]
    [ValidatedByAction]
    [EndpointSummary("Import a season document (write scope)")]
    [EndpointDescription("The contract's import format. All or nothing: a document with any error is rejected whole, every error listed by its JSON path, and nothing is written. Idempotent: the same document again answers `changed: false`. Merges: what the document leaves out stays; a race given with `results` gets exactly that list. Bodies over 10 MB answer 413.")]
    [ProducesResponseType<ImportSummary>(200, "application/json")]
    [ProducesResponseType<ValidationProblemDetails>(400, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(401, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(403, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(413, "application/problem+json")]
    public async Task<ActionResult<ImportSummary>> Import(SeasonDocument document, CancellationToken cancellationToken)
    {
        var outcome = await importer.ImportAsync(document, User.KeyName(), cancellationToken);
        if (!outcome.Succeeded)
        {
            return this.InvalidProblem(outcome.Errors);
        }
        Response.SetDataVersion(outcome.DataVersion);
        return outcome.Summary!;
    }
}
