using Asp.Versioning;
using Asp.Versioning.ApiExplorer;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Microsoft.Extensions.Primitives;

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
                options.ApiVersionReader = new PathSegmentApiVersionReader();
                // api-supported-versions is set by UseApiVersions on every /api answer, not per endpoint by the library.
                options.ReportApiVersions = false;
                // A version that does not exist names no resource: 404 (the library's default is 400).
                options.UnsupportedApiVersionStatusCode = StatusCodes.Status404NotFound;
            })
            .AddMvc()
            .AddApiExplorer(options =>
            {
                options.GroupNameFormat = "'v'VVV";
                options.SubstituteApiVersionInUrl = true;
            });
        return services.Configure<MvcOptions>(options => options.Conventions.Add(new LiteralVersionRoutes()));
    }

    // "v1": the versions served, for the problems that name them.
    public static IReadOnlyList<string> Supported(IServiceProvider services) =>
        [.. services.GetRequiredService<IApiVersionDescriptionProvider>().ApiVersionDescriptions.Select(d => d.GroupName)];

    // Every /api answer says which versions exist, problems and 304s included (ReportApiVersions would add it to the
    // answers of versioned endpoints only, formatting the list for each request).
    public static void UseApiVersions(this WebApplication app)
    {
        var header = new StringValues(string.Join(", ", app.DescribeApiVersions().Select(d => d.ApiVersion.ToString())));
        app.Use((context, next) =>
        {
            if (context.Request.Path.StartsWithSegments("/api"))
            {
                context.Response.OnStarting(static state =>
                {
                    var (response, value) = ((HttpResponse, StringValues))state;
                    response.Headers.TryAdd(SupportedHeader, value);
                    return Task.CompletedTask;
                }, (context.Response, header));
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

// The library's own way, routes of the form api/v{version:apiVersion}/… read by UrlSegmentApiVersionReader, makes its
// matcher policy build a TemplateMatcher for every request to find the version in the path: 11% of the API's CPU on a
// 304 (a dotnet-trace CPU profile under wrk, bench/README.md). So each route is made literal, once per version the
// controller declares (api/v1/…, api/v2/…), and the version is read from that segment, which costs next to nothing.
// The library still does the rest: versions per endpoint, api-supported-versions, the explorer's groups.
public sealed class LiteralVersionRoutes : IApplicationModelConvention
{
    private const string Placeholder = "{version:apiVersion}";

    public void Apply(ApplicationModel application)
    {
        foreach (var controller in application.Controllers)
        {
            var versions = controller.Attributes.OfType<ApiVersionAttribute>().SelectMany(a => a.Versions).Distinct().Order().ToList();
            var versioned = controller.Selectors.Where(s => s.AttributeRouteModel?.Template?.Contains(Placeholder, StringComparison.Ordinal) == true).ToList();
            foreach (var selector in versioned)
            {
                controller.Selectors.Remove(selector);
                foreach (var version in versions)
                {
                    controller.Selectors.Add(new SelectorModel(selector)
                    {
                        AttributeRouteModel = new AttributeRouteModel(selector.AttributeRouteModel!)
                        {
                            Template = selector.AttributeRouteModel!.Template!.Replace(Placeholder, version.ToString("V"), StringComparison.Ordinal),
                        },
                    });
                }
            }
        }
    }
}

// The version of /api/v{n}/…: the segment after "v".
public sealed class PathSegmentApiVersionReader : IApiVersionReader
{
    public IReadOnlyList<string> Read(HttpRequest request)
    {
        var path = request.Path.Value.AsSpan();
        if (!path.StartsWith("/api/v", StringComparison.Ordinal))
        {
            return [];
        }
        var segment = path["/api/v".Length..];
        var end = segment.IndexOf('/');
        return [(end < 0 ? segment : segment[..end]).ToString()];
    }

    // The version is literal text of each route, not a parameter a client fills in.
    public void AddParameters(IApiVersionParameterDescriptionContext context)
    {
    }
}
