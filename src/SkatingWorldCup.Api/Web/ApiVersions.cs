using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.ApplicationModels;

namespace SkatingWorldCup.Api.Web;

// URL-segment versioning of our own (Asp.Versioning is not available here). A controller says which versions
// serve it; its routes are mounted under /api/v{n}/. A v2 is a new folder of controllers marked [ApiVersion(2)],
// plus [ApiVersion(1, 2)] on the v1 controllers it keeps unchanged.
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class ApiVersionAttribute(params int[] versions) : Attribute
{
    public IReadOnlyList<int> Versions { get; } = versions;
}

public sealed class ApiVersionRouteConvention : IApplicationModelConvention
{
    public static IReadOnlyList<int> Supported { get; } = typeof(ApiVersionRouteConvention).Assembly.GetTypes()
        .SelectMany(t => t.GetCustomAttributes(typeof(ApiVersionAttribute), false).Cast<ApiVersionAttribute>())
        .SelectMany(a => a.Versions).Distinct().Order().ToArray();

    public static string SupportedHeader { get; } = string.Join(", ", Supported.Select(v => $"{v}.0"));

    public void Apply(ApplicationModel application)
    {
        foreach (var controller in application.Controllers)
        {
            if (controller.Attributes.OfType<ApiVersionAttribute>().SingleOrDefault() is not { } version)
            {
                continue;
            }
            List<AttributeRouteModel?> prefixes = controller.Selectors.Count > 0 ? [.. controller.Selectors.Select(s => s.AttributeRouteModel)] : [null];
            // The controller's selectors also carry its attributes as endpoint metadata ([Authorize] on a controller):
            // they move onto each action's selectors, before the action's own, so the action's still win.
            var controllerMetadata = controller.Selectors.FirstOrDefault()?.EndpointMetadata.ToList() ?? [];
            controller.Selectors.Clear();
            foreach (var action in controller.Actions)
            {
                var templates = prefixes.SelectMany(prefix => action.Selectors.Select(s =>
                    AttributeRouteModel.CombineAttributeRouteModel(prefix, s.AttributeRouteModel)?.Template ?? "")).Distinct().ToList();
                var prototype = action.Selectors[0];
                action.Selectors.Clear();
                foreach (var v in version.Versions)
                {
                    foreach (var template in templates)
                    {
                        var selector = new SelectorModel(prototype)
                        {
                            AttributeRouteModel = new AttributeRouteModel { Template = $"api/v{v}/{template}".TrimEnd('/') },
                        };
                        foreach (var metadata in controllerMetadata.AsEnumerable().Reverse())
                        {
                            selector.EndpointMetadata.Insert(0, metadata);
                        }
                        action.Selectors.Add(selector);
                    }
                }
            }
        }
    }
}

public static partial class ApiVersionEndpoints
{
    [GeneratedRegex(@"^/api/v(?<v>[^/]+)(/|$)")]
    private static partial Regex VersionedPath();

    // Every /api response says which versions exist; an unknown version is a 404 that names them.
    public static void UseApiVersions(this WebApplication app)
    {
        app.Use((context, next) =>
        {
            if (context.Request.Path.StartsWithSegments("/api"))
            {
                context.Response.Headers["api-supported-versions"] = ApiVersionRouteConvention.SupportedHeader;
            }
            return next(context);
        });
        app.MapFallback("/api/{**path}", async (HttpContext context, IProblemDetailsService problems) =>
        {
            var match = VersionedPath().Match(context.Request.Path.Value ?? "");
            var known = match.Success && int.TryParse(match.Groups["v"].Value, out var n) && ApiVersionRouteConvention.Supported.Contains(n);
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            await problems.WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails =
                {
                    Status = 404,
                    Title = known ? "Not found" : "Unsupported API version",
                    Detail = known
                        ? $"No resource at {context.Request.Path}. See /swagger for the API's resources."
                        : $"{context.Request.Path} names no supported API version. Supported versions: {string.Join(", ", ApiVersionRouteConvention.Supported.Select(v => $"v{v}"))} (e.g. /api/v{ApiVersionRouteConvention.Supported[^1]}/seasons).",
                },
            });
        });
    }
}
