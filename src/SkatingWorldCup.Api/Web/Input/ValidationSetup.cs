using FluentValidation;

namespace SkatingWorldCup.Api.Web.Input;

public static class ValidationSetup
{
    // Every validator of the assembly, as singletons (they hold no state between validations); FluentValidationFilter
    // runs them on action arguments. Child validators that need their parent (e.g. a race's dates within its weekend)
    // have no parameterless constructor: their parent creates them.
    public static IServiceCollection AddSkatingValidation(this IServiceCollection services) =>
        services.AddValidatorsFromAssemblyContaining<FluentValidationFilter>(ServiceLifetime.Singleton,
            filter: v => v.ValidatorType.GetConstructor(Type.EmptyTypes) is not null);
}
