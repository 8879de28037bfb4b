using System.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace SkatingWorldCup.Api.Infrastructure;

public static class Problems
{
    // RFC 9457 problem+json everywhere: every problem carries a traceId that matches the logs.
    public static IServiceCollection AddSkatingProblemDetails(this IServiceCollection services) => services.AddProblemDetails(options =>
        options.CustomizeProblemDetails = context =>
        {
            context.ProblemDetails.Extensions["traceId"] = Activity.Current?.Id ?? context.HttpContext.TraceIdentifier;
            if (context.Exception is BadHttpRequestException bad)
            {
                context.ProblemDetails.Status = context.HttpContext.Response.StatusCode = bad.StatusCode;
                context.ProblemDetails.Title = bad.StatusCode == 413 ? "Request body too large" : "Bad request";
                context.ProblemDetails.Detail = bad.Message;
            }
        });

    public static ObjectResult NotFoundProblem(this ControllerBase controller, string detail) =>
        controller.Problem(statusCode: 404, title: "Not found", detail: detail);
}
