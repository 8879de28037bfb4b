using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.Infrastructure;

namespace SkatingWorldCup.Api.Infrastructure;

// Request body limits of the write endpoints ([RequestSizeLimit]); beyond them the answer is 413 problem+json.
public static class BodyLimits
{
    public const long Import = 10 * 1024 * 1024; // a whole season with every result is ~0.2 MB
    public const long Small = 1024 * 1024; // a weekend, a race's results, a key
}

// Kestrel enforces [RequestSizeLimit] while it reads (a BadHttpRequestException, which Problems turns into a 413);
// a body whose Content-Length already says it is too big is refused here before anything reads it, on any server.
public sealed class BodyLimitFilter(ProblemDetailsFactory problems) : IResourceFilter
{
    public void OnResourceExecuting(ResourceExecutingContext context)
    {
        var limit = context.ActionDescriptor.EndpointMetadata.OfType<IRequestSizeLimitMetadata>().LastOrDefault()?.MaxRequestBodySize;
        if (limit is { } max && context.HttpContext.Request.ContentLength > max)
        {
            var problem = problems.CreateProblemDetails(context.HttpContext, 413, "Request body too large",
                detail: $"This endpoint takes bodies of at most {max / 1024 / 1024} MB.");
            context.Result = new ObjectResult(problem) { StatusCode = 413, ContentTypes = { "application/problem+json" } };
        }
    }

    public void OnResourceExecuted(ResourceExecutedContext context)
    {
    }
}
