using Microsoft.AspNetCore.Authorization;

namespace SkatingWorldCup.Api.Web.Caching;

// An answer that also depends on today's date (e.g. world records "in force today" when no asOf is given): its ETag
// changes at midnight UTC as well as with the data.
[AttributeUsage(AttributeTargets.Method)]
public sealed class VariesByDayAttribute : Attribute;

// Conditional GET for every API read. Every write transaction bumps the one data version, so an answer can only change
// when it does: the ETag is W/"{data version}-{hash of path, query and Accept}", and an If-None-Match that matches is a
// 304 before any controller computes a body. Runs after authorization, so a 304 never skips it. The version comes from
// DataVersions, kept for up to Caching:DataVersionSeconds (no query per request); a write's own X-Data-Version moves it
// on at once, so this process never answers 304 for what it has just changed.
public sealed class ConditionalGetMiddleware(RequestDelegate next, DataVersions versions)
{
    public const string PublicCaching = "public, max-age=10";
    private const string PrivateCaching = "private, no-cache";

    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (!(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method)))
        {
            await next(context);
            if (long.TryParse(context.Response.Headers[DataVersionHeader.Name], System.Globalization.CultureInfo.InvariantCulture, out var written))
            {
                versions.Advance(written);
            }
            return;
        }
        if (!request.Path.StartsWithSegments("/api") || context.GetEndpoint() is not { } endpoint)
        {
            await next(context);
            return;
        }
        // Read before the data the answer is made of, so an answer is never labelled newer than what it holds.
        var version = (await versions.CurrentAsync(context.RequestAborted)).Version;
        var etag = $"W/\"{version}-{Hash(request, endpoint)}\"";
        var response = context.Response;
        response.SetDataVersion(version);
        // Answers behind a key (e.g. the list of keys) must not sit in shared caches.
        var keyed = endpoint.Metadata.GetMetadata<IAuthorizeData>() is not null;
        if (ETags.IfNoneMatchHits(request, etag, anyTag: false))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            SetCaching(response, etag, keyed);
            return;
        }
        response.OnStarting(() =>
        {
            if (response.StatusCode is StatusCodes.Status200OK or StatusCodes.Status304NotModified)
            {
                // A resource with an ETag of its own (a race's version, which If-Match takes) keeps it.
                SetCaching(response, response.Headers.ETag.Count > 0 ? response.Headers.ETag.ToString() : etag, keyed);
            }
            return Task.CompletedTask;
        });
        await next(context);
    }

    private static void SetCaching(HttpResponse response, string etag, bool keyed)
    {
        response.Headers.ETag = etag;
        response.Headers.CacheControl = keyed ? PrivateCaching : PublicCaching;
        response.Headers.Vary = keyed ? "Accept, X-Api-Key" : "Accept";
    }

    private static string Hash(HttpRequest request, Endpoint endpoint)
    {
        var day = endpoint.Metadata.GetMetadata<VariesByDayAttribute>() is null ? "" : DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        return Fnv1a($"{request.Path}{request.QueryString}|{request.Headers.Accept}|{day}").ToString("x16", System.Globalization.CultureInfo.InvariantCulture);
    }

    // 64-bit FNV-1a: the tag only has to tell one representation from another, and a 304 computes it for every request
    // (SHA-256 was a twentieth of a 304's CPU). Fixed, unlike string.GetHashCode, so tags survive restarts and agree
    // between instances.
    private static ulong Fnv1a(string text)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }
        return hash;
    }

}
