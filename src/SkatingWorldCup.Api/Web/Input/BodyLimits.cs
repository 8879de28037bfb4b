using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.Infrastructure;

namespace SkatingWorldCup.Api.Web.Input;

public static class BodyLimits
{
    public const long Import = 10 * 1024 * 1024; // a whole season with every result is ~0.2 MB
    public const long Small = 1024 * 1024; // a weekend, a race's results, a key
}

// The most a write endpoint reads of a request body; beyond it the answer is 413 problem+json.
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Class)]
public sealed class BodyLimitAttribute(long bytes) : Attribute
{
    public long Bytes { get; } = bytes;
}

// What [RequestSizeLimit] does, plus an early answer: a body whose Content-Length already says it is too big is refused
// before anything reads it; a chunked one is cut off by the server while it is read (a BadHttpRequestException, which
// Problems turns into the same 413). Our own attribute, because servers without the size feature (TestServer) log a
// warning per request for [RequestSizeLimit].
public sealed class BodyLimitFilter(ProblemDetailsFactory problems) : IResourceFilter
{
    public void OnResourceExecuting(ResourceExecutingContext context)
    {
        if (context.ActionDescriptor.EndpointMetadata.OfType<BodyLimitAttribute>().LastOrDefault()?.Bytes is not { } limit)
        {
            return;
        }
        if (context.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
        {
            feature.MaxRequestBodySize = limit;
        }
        if (context.HttpContext.Request.ContentLength > limit)
        {
            var problem = problems.CreateProblemDetails(context.HttpContext, 413, "Request body too large",
                detail: $"This endpoint takes bodies of at most {limit / 1024 / 1024} MB.");
            context.Result = new ObjectResult(problem) { StatusCode = 413, ContentTypes = { "application/problem+json" } };
        }
    }

    public void OnResourceExecuted(ResourceExecutedContext context)
    {
    }
}
