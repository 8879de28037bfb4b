using FluentValidation;
using SkatingWorldCup.Api.Domain;
using SkatingWorldCup.Api.Domain.Rules;
using SkatingWorldCup.Api.Writes.Documents;

namespace SkatingWorldCup.Api.Writes.Validation;

public class WorldRecordDocumentValidator : AbstractValidator<WorldRecordDocument>
{
    public WorldRecordDocumentValidator()
    {
        RuleFor(w => w.Gender).NotEmpty().Must(ValidationRules.Is<Gender>).WithMessage(ValidationRules.OneOf<Gender>());
        RuleFor(w => w.Distance).NotEmpty().Must(ValidationRules.Is<Distance>).WithMessage(ValidationRules.OneOf<Distance>());
        RuleFor(w => w.Time).NotEmpty().Must(t => RaceTime.TryParse(t, out _)).WithMessage("time must be ss.fff or m:ss.fff, e.g. 36.80 or 1:06.42.");
        RuleFor(w => w.Time).Must((w, t) => ValidationRules.IsPlausible(RaceTime.Parse(t!), ApiName<Distance>.Parse(w.Distance!)))
            .When(w => ValidationRules.Is<Distance>(w.Distance) && RaceTime.TryParse(w.Time, out _)).WithMessage(w => $"{w.Time} is not a plausible time for the {w.Distance}.");
        RuleFor(w => w.Date).NotNull();
        RuleFor(w => w.Skaters).NotEmpty().WithMessage("a world record names its holder(s).");
        RuleForEach(w => w.Skaters).NotNull().WithMessage(ValidationRules.NoNullEntry).SetValidator(SkaterDocumentValidator.Shared);
        RuleFor(w => w.Nation).NotEmpty().When(w => w.Distance is "team-pursuit" or "team-sprint").WithMessage("a team record names its nation.");
        RuleFor(w => w.Nation).Matches(ValidationRules.ThreeLetterCode()).When(w => w.Nation is not null);
        RuleFor(w => w.Venue).MaximumLength(200);
        RuleFor(w => w.City).MaximumLength(100);
    }
}
