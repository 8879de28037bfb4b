using FluentValidation;
using SkatingWorldCup.Api.Writes.Documents;

namespace SkatingWorldCup.Api.Writes.Validation;

public class SkaterDocumentValidator : AbstractValidator<SkaterDocument>
{
    private static (object? Names, object? DisplayNames, SkaterDocumentValidator Validator)? s_shared;

    // One instance for every skater of every document (see ResultDocumentValidator.For on why it depends on the resolvers).
    public static SkaterDocumentValidator Shared
    {
        get
        {
            var (names, displayNames) = (ValidatorOptions.Global.PropertyNameResolver, ValidatorOptions.Global.DisplayNameResolver);
            if (s_shared is not { } shared || shared.Names != (object?)names || shared.DisplayNames != (object?)displayNames)
            {
                s_shared = shared = (names, displayNames, new SkaterDocumentValidator());
            }
            return shared.Validator;
        }
    }

    public SkaterDocumentValidator()
    {
        RuleFor(s => s.Name).MaximumLength(100).Must(n => n is null || n.Trim().Length > 0).WithMessage("name must not be blank.");
        RuleFor(s => s.Name).NotNull().When(s => s.SourceRef is null).WithMessage("name is required (or sourceRef for a skater the sources do not name).");
        RuleFor(s => s.SourceRef).MaximumLength(200);
        RuleFor(s => s.Nationality).NotEmpty().Matches(ValidationRules.ThreeLetterCode()).WithMessage("nationality must be a 3-letter code (e.g. KOR).");
    }
}
