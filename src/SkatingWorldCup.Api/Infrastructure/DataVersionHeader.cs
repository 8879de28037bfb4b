using Microsoft.AspNetCore.Mvc.Filters;

namespace SkatingWorldCup.Api.Infrastructure;

// X-Data-Version: the global data version (one number every write moves), for clients and caches to tell whether
// anything changed. Reads take it *before* their data, so a response is never labelled newer than what it holds.
public static class DataVersionHeader
{
    public const string Name = "X-Data-Version";

    public static void SetDataVersion(this HttpResponse response, long? version)
    {
        if (version is { } v)
        {
            response.Headers[Name] = v.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
    }
}

// The version comes from DataVersions (kept for up to a second, so a read costs no extra round trip) and is still
// taken before the data. A write's own X-Data-Version advances it, so this process's next read sees the write at once.
public sealed class DataVersionFilter(DataVersions versions) : IAsyncActionFilter
{
    public async Task OnActionExecutionAsync(ActionExecutingContext context, ActionExecutionDelegate next)
    {
        var response = context.HttpContext.Response;
        if (HttpMethods.IsGet(context.HttpContext.Request.Method) || HttpMethods.IsHead(context.HttpContext.Request.Method))
        {
            response.SetDataVersion((await versions.CurrentAsync(context.HttpContext.RequestAborted)).Version);
            await next();
            return;
        }
        await next();
        if (long.TryParse(response.Headers[DataVersionHeader.Name], System.Globalization.CultureInfo.InvariantCulture, out var written))
        {
            versions.Advance(written);
        }
    }
}
