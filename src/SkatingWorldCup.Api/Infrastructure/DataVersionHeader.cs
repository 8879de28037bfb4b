using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.EntityFrameworkCore;
using SkatingWorldCup.Api.Data;

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

public sealed class DataVersionFilter(SkatingDbContext db) : IAsyncActionFilter
{
    public async Task OnActionExecutionAsync(ActionExecutingContext context, ActionExecutionDelegate next)
    {
        if (HttpMethods.IsGet(context.HttpContext.Request.Method) || HttpMethods.IsHead(context.HttpContext.Request.Method))
        {
            var version = await db.DataVersions.Select(d => (long?)d.Version).SingleOrDefaultAsync(context.HttpContext.RequestAborted);
            context.HttpContext.Response.SetDataVersion(version);
        }
        await next();
    }
}
