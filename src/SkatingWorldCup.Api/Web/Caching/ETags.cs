using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;
using SkatingWorldCup.Api.Domain;

namespace SkatingWorldCup.Api.Web.Caching;

// Strong ETags from the row versions of races and weekends. The race's ETag (from GET /races/{id}) is what
// PUT /races/{id}/results takes in If-Match; the weekend's (GET …/occasions/{n}) is what PUT of that weekend takes.
public static class ETags
{
    // A race's WR flags can change without a write to it (a faster time entered in an earlier race removes its detected
    // record), so the results that hold a record are part of its tag.
    public static string Race(RaceVersion race) =>
        $"\"race-{race.RaceId}-{race.Version}{string.Concat(race.RecordResultIds.Order().Select(r => $"-wr{r}"))}\"";

    public static string Occasion(OccasionVersion occasion) => $"\"occasion-{occasion.OccasionId}-{occasion.Version}\"";

    // Without If-Match a write goes ahead (last writer wins, but never half of each); with it, the resource must exist
    // and one of the listed tags must be its current one ("*": any). If-Match compares strongly (RFC 9110 §13.1.1).
    public static bool IfMatchFails(HttpRequest request, string? current) =>
        Tags(request.Headers.IfMatch) is { } tags
        && (current is null || !tags.Any(t => t.Equals(EntityTagHeaderValue.Any) || t.Compare(EntityTagHeaderValue.Parse(current), useStrongComparison: true)));

    // If-None-Match, compared weakly (W/"x" is "x"): on a GET, the client's copy is current (304); on a PUT, "*" means
    // create only. ConditionalGetMiddleware, which answers before it knows whether the resource exists, does not take "*".
    public static bool IfNoneMatchHits(HttpRequest request, string? current, bool anyTag = true) =>
        current is not null && Tags(request.Headers.IfNoneMatch) is { } tags
        && tags.Any(t => (anyTag && t.Equals(EntityTagHeaderValue.Any)) || t.Compare(EntityTagHeaderValue.Parse(current), useStrongComparison: false));

    // Null when the header is absent; empty when it holds no valid tag (an If-Match like that holds for nothing).
    private static IList<EntityTagHeaderValue>? Tags(StringValues header) =>
        header.Count == 0 ? null : EntityTagHeaderValue.TryParseList(header, out var tags) ? tags : [];

    public static ObjectResult PreconditionFailed(this ControllerBase controller, string what, string? current) =>
        controller.Problem(statusCode: StatusCodes.Status412PreconditionFailed, title: "Precondition failed", detail: current is null
            ? $"{what} does not exist, so no If-Match can hold for it."
            : $"{what} changed since you read it (its ETag is now {current}): GET it again, re-apply your change and send the new ETag in If-Match.");

    // The GET side: a strong ETag and, when the client's copy is current, 304 with no body.
    public static ActionResult? NotModifiedOrTag(this ControllerBase controller, string etag)
    {
        controller.Response.Headers.ETag = etag;
        return IfNoneMatchHits(controller.Request, etag) ? controller.StatusCode(StatusCodes.Status304NotModified) : null;
    }
}
