using FluentValidation;

namespace SkatingWorldCup.Api.Web.Input;

public static class ValidationSetup
{
    // FluentValidation.AspNetCore is not available: scan the assembly ourselves and run validators in a filter.
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
}
