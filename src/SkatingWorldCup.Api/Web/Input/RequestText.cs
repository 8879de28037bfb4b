using SkatingWorldCup.Api.Data;
namespace SkatingWorldCup.Api.Web.Input;

public static class RequestText
{
    // The same rule as StorableTextConverter for bodies, applied to the path and the query string: a NUL in a season id
    // or a skater search must be a 400, not a database error. Checked once here rather than by every action.
    public static void UseRequestTextCheck(this WebApplication app) => app.Use(async (context, next) =>
    {
        if (Find(context.Request) is not var (where, problem))
        {
            await next(context);
            return;
        }
        context.Response.StatusCode = StatusCodes.Status400BadRequest;
        await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails =
            {
                Status = 400,
                Title = "One or more validation errors occurred.",
                Detail = $"{where}: {problem}",
                Extensions = { ["errors"] = new Dictionary<string, string[]> { [where] = [problem] } },
            },
        });
    });

    private static (string Where, string Problem)? Find(HttpRequest request)
    {
        if (StorableTextConverter.Problem(request.Path.Value ?? "") is { } inPath)
        {
            return ("path", inPath);
        }
        foreach (var (key, values) in request.Query)
        {
            foreach (var value in values)
            {
                if (StorableTextConverter.Problem(key + value) is { } inQuery)
                {
                    return (key, inQuery);
                }
            }
        }
        return null;
    }
}
