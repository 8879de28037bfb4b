using Asp.Versioning;
using Asp.Versioning.ApiExplorer;

namespace SkatingWorldCup.Api.Web;

// URL-segment versioning with Asp.Versioning: a controller says which versions serve it ([ApiVersion(1)]) and its routes
// start with ApiRoute.Prefix. A v2 is a folder of controllers marked [ApiVersion(2)], plus [ApiVersion(2)] on the v1
// controllers it keeps unchanged; Swagger gets a document per version (Swagger.cs).
public static class ApiRoute
{
    public const string Prefix = "api/v{version:apiVersion}";
}

public static class ApiVersions
{
    public const string SupportedHeader = "api-supported-versions";

    public static IServiceCollection AddSkatingApiVersioning(this IServiceCollection services)
    {
        services.AddApiVersioning(options =>
            {
                options.ApiVersionReader = new UrlSegmentApiVersionReader();
                options.ReportApiVersions = true;
                // A version that does not exist names no resource: 404 (the library's default is 400).
                options.UnsupportedApiVersionStatusCode = StatusCodes.Status404NotFound;
            })
            .AddMvc()
            .AddApiExplorer(options =>
            {
                options.GroupNameFormat = "'v'VVV";
                options.SubstituteApiVersionInUrl = true;
            });
        return services;
    }

    // "v1": the versions served, for the problems that name them.
    public static IReadOnlyList<string> Supported(IServiceProvider services) =>
        [.. services.GetRequiredService<IApiVersionDescriptionProvider>().ApiVersionDescriptions.Select(d => d.GroupName)];

    // The library reports the versions on the answers of versioned endpoints; every other /api answer (an unknown path,
    // a 401 or 429 before any endpoint ran) says them too.
    public static void UseApiVersions(this WebApplication app)
    {
        var header = string.Join(", ", app.DescribeApiVersions().Select(d => d.ApiVersion.ToString()));
        app.Use((context, next) =>
        {
            if (context.Request.Path.StartsWithSegments("/api"))
            {
                context.Response.OnStarting(() =>
                {
                    context.Response.Headers.TryAdd(SupportedHeader, header);
                    return Task.CompletedTask;
                });
            }
            return next(context);
        });
    }

    // A 404 under /api says why: the library's problem for a version that does not exist (or an empty 404 of a path that
    // names one, which no route matches) names the versions that do; an empty 404 of a path no route matches says so.
    public static void Explain404(ProblemDetailsContext context)
    {
        var request = context.HttpContext.Request;
        if (context.ProblemDetails.Status != StatusCodes.Status404NotFound || !request.Path.StartsWithSegments("/api"))
        {
            return;
        }
        var supported = Supported(context.HttpContext.RequestServices);
        var unsupported = context.ProblemDetails.Extensions.TryGetValue("code", out var code) && code is "UnsupportedApiVersion"
            || (context.ProblemDetails.Detail is null && !supported.Any(v => request.Path.StartsWithSegments($"/api/{v}")));
        if (unsupported)
        {
            context.ProblemDetails.Title = "Unsupported API version";
            context.ProblemDetails.Detail = $"{request.Path} names no supported API version. Supported versions: {string.Join(", ", supported)} "
                + $"(e.g. /api/{supported[^1]}/seasons).";
        }
        else if (context.ProblemDetails.Detail is null)
        {
            context.ProblemDetails.Title = "Not found";
            context.ProblemDetails.Detail = $"No resource at {request.Path}. See /swagger for the API's resources.";
        }
    }
}
