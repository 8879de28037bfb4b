using FluentValidation;
using SkatingWorldCup.Api.Writes.Documents;

namespace SkatingWorldCup.Api.Writes.Validation;

public class ChampionshipDocumentValidator : AbstractValidator<ChampionshipDocument>
{
    public ChampionshipDocumentValidator()
    {
        RuleFor(c => c.Name).NotEmpty().MaximumLength(200);
        RuleFor(c => c.City).NotEmpty().MaximumLength(100);
        RuleFor(c => c.Venue).NotEmpty().MaximumLength(200);
        RuleFor(c => c.Country).NotEmpty().Matches(ValidationRules.ThreeLetterCode()).WithMessage("country must be a 3-letter code (e.g. NED).");
        RuleFor(c => c.EndDate).GreaterThanOrEqualTo(c => c.StartDate).When(c => c.StartDate is not null && c.EndDate is not null);
        RuleFor(c => c.AfterOccasion).InclusiveBetween(0, 99);
    }
}
