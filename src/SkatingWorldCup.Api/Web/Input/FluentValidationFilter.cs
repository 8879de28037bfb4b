using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.Infrastructure;

namespace SkatingWorldCup.Api.Web.Input;

// An action whose arguments its own code validates, with the same validators (e.g. POST /imports: SeasonImporter validates
// every document, whether it comes from HTTP, the CLI or the bundled seasons): the filter leaves them alone, so a season
// document is not validated twice (a fifth of an import's time).
[AttributeUsage(AttributeTargets.Method)]
public sealed class ValidatedByActionAttribute : Attribute;

public sealed class FluentValidationFilter(IServiceProvider services, ProblemDetailsFactory problems) : IAsyncActionFilter
{
    public async Task OnActionExecutionAsync(ActionExecutingContext context, ActionExecutionDelegate next)
    {
        var validatedByAction = context.ActionDescriptor.EndpointMetadata.Any(m => m is ValidatedByActionAttribute);
        foreach (var argument in validatedByAction ? [] : context.ActionArguments.Values)
        {
            if (argument is null || services.GetService(typeof(IValidator<>).MakeGenericType(argument.GetType())) is not IValidator validator)
            {
                continue;
            }
            var result = await validator.ValidateAsync(new ValidationContext<object>(argument), context.HttpContext.RequestAborted);
            foreach (var error in result.Errors)
            {
                context.ModelState.AddModelError(error.PropertyName, error.ErrorMessage);
            }
        }
        if (!context.ModelState.IsValid)
        {
            var problem = problems.CreateValidationProblemDetails(context.HttpContext, context.ModelState, 400);
            context.Result = new BadRequestObjectResult(problem) { ContentTypes = { "application/problem+json" } };
            return;
        }
        await next();
    }
}
