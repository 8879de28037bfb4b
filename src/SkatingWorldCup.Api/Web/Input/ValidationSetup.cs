using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.Infrastructure;

namespace SkatingWorldCup.Api.Web.Input;

public static class ValidationSetup
{
    // FluentValidation.AspNetCore is not available: scan the assembly ourselves and run validators in a filter.
    // Errors are keyed by JSON path (occasions[0].cityCode), wherever a validator runs: the web host, the CLI, a test
    // calling the importer. Set when the assembly loads, so no validator can run before it.
    [System.Runtime.CompilerServices.ModuleInitializer]
    internal static void UseJsonNames()
    {
        ValidatorOptions.Global.PropertyNameResolver = (_, member, _) => member is null ? null : JsonName(member.Name);
        ValidatorOptions.Global.DisplayNameResolver = (_, member, _) => member is null ? null : JsonName(member.Name);
    }

    public static IServiceCollection AddSkatingValidation(this IServiceCollection services)
    {
        // Child validators that need their parent (e.g. a race's dates within its weekend) are created by their parent, not DI.
        foreach (var result in AssemblyScanner.FindValidatorsInAssembly(typeof(ValidationSetup).Assembly)
                     .Where(r => r.ValidatorType.GetConstructor(Type.EmptyTypes) is not null))
        {
            services.AddSingleton(result.InterfaceType, result.ValidatorType);
        }
        return services;
    }

    private static string JsonName(string name) => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(name);
}

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

public static class ValidationProblems
{
    // A 400 ValidationProblemDetails from errors found outside model binding (e.g. by the importer), keyed by JSON path.
    public static ActionResult InvalidProblem(this ControllerBase controller, IReadOnlyDictionary<string, string[]> errors)
    {
        foreach (var (path, messages) in errors)
        {
            foreach (var message in messages)
            {
                controller.ModelState.AddModelError(path, message);
            }
        }
        return controller.ValidationProblem(controller.ModelState);
    }
}
