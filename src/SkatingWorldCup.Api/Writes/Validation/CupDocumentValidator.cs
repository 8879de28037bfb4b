using FluentValidation;
using SkatingWorldCup.Api.Domain;
using SkatingWorldCup.Api.Writes.Documents;

namespace SkatingWorldCup.Api.Writes.Validation;

public class CupDocumentValidator : AbstractValidator<CupDocument>
{
    public CupDocumentValidator()
    {
        RuleFor(c => c.Gender).NotEmpty().Must(ValidationRules.Is<Gender>).WithMessage(ValidationRules.OneOf<Gender>());
        RuleFor(c => c.Distances).NotEmpty();
        RuleForEach(c => c.Distances).Must(ValidationRules.Is<Distance>).WithMessage(ValidationRules.OneOf<Distance>());
        RuleFor(c => c.Distances).Must((c, d) => Cup.SlugFor(ApiName<Gender>.Parse(c.Gender!), d!.Select(ApiName<Distance>.Parse).Distinct()).Length <= 40)
            .When(c => ValidationRules.Is<Gender>(c.Gender) && c.Distances is { Count: > 0 } && c.Distances.All(ValidationRules.Is<Distance>))
            .WithMessage("a cup's id (gender and distances) must fit 40 characters: group fewer distances.");
    }
}
