using Microsoft.AspNetCore.Mvc;
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
    // and one of the listed tags must be its current one ("*": any).
    public static bool IfMatchFails(HttpRequest request, string? current)
    {
        var tags = Tags(request.Headers.IfMatch);
        return tags.Count > 0 && (current is null || !tags.Any(t => t == "*" || t == current));
    }

    // If-None-Match: on a GET, the client's copy is current (304); on a PUT, "*" means create only.
    public static bool IfNoneMatchHits(HttpRequest request, string? current)
    {
        var tags = Tags(request.Headers.IfNoneMatch);
        return current is not null && tags.Any(t => t == "*" || t == current || t == "W/" + current);
    }

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

    private static List<string> Tags(Microsoft.Extensions.Primitives.StringValues header) =>
        [.. header.SelectMany(h => (h ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))];
}
