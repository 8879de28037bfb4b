using System.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace SkatingWorldCup.Api.Web;

public static class Problems
{
    // RFC 9457 problem+json everywhere: every problem carries a traceId that matches the logs.
    public static IServiceCollection AddSkatingProblemDetails(this IServiceCollection services) => services
        .AddExceptionHandler<DatabaseUnavailableHandler>()
        .AddProblemDetails(options =>
            options.CustomizeProblemDetails = context =>
            {
                context.ProblemDetails.Extensions["traceId"] = context.HttpContext.TraceId();
                ApiVersions.Explain404(context);
                if (context.Exception is BadHttpRequestException bad)
                {
                    context.ProblemDetails.Status = context.HttpContext.Response.StatusCode = bad.StatusCode;
                    context.ProblemDetails.Title = bad.StatusCode == 413 ? "Request body too large" : "Bad request";
                    context.ProblemDetails.Detail = bad.Message;
                }
            });

    // The id that the request log line and the problem share, so a reported problem leads to its log lines.
    public static string TraceId(this HttpContext context) => Activity.Current?.Id ?? context.TraceIdentifier;

    public static ObjectResult NotFoundProblem(this ControllerBase controller, string detail) =>
        controller.Problem(statusCode: 404, title: "Not found", detail: detail);
}
