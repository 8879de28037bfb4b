using FluentValidation;
using SkatingWorldCup.Api.Writes.Documents;

namespace SkatingWorldCup.Api.Writes.Validation;

public class OccasionDocumentValidator : AbstractValidator<OccasionDocument>
{
    public OccasionDocumentValidator(SeasonDocument season)
    {
        RuleFor(o => o.Number).NotNull().InclusiveBetween(1, 99);
        RuleFor(o => o.City).NotEmpty().MaximumLength(100);
        RuleFor(o => o.CityCode).NotEmpty().Matches(ValidationRules.ThreeLetterCode()).WithMessage("cityCode must be 3 capital letters (e.g. HVN).");
        RuleFor(o => o.Country).NotEmpty().Matches(ValidationRules.ThreeLetterCode()).WithMessage("country must be a 3-letter code (e.g. NED).");
        RuleFor(o => o.Venue).NotEmpty().MaximumLength(200);
        RuleFor(o => o.EndDate).GreaterThanOrEqualTo(o => o.StartDate).When(o => o.StartDate is not null && o.EndDate is not null);
        RuleFor(o => o.StartDate).Must(d => ValidationRules.Within(d, season.StartDate, season.EndDate)).WithMessage("startDate must be inside the season.");
        RuleFor(o => o.EndDate).Must(d => ValidationRules.Within(d, season.StartDate, season.EndDate)).WithMessage("endDate must be inside the season.");
        // FluentValidation asks for a race validator per race; one per weekend does (it depends on the weekend's dates only).
        (OccasionDocument? For, RaceDocumentValidator? Validator) races = default;
        RuleForEach(o => o.Races).NotNull().WithMessage(ValidationRules.NoNullEntry).SetValidator(o =>
        {
            if (!ReferenceEquals(races.For, o))
            {
                races = (o, new RaceDocumentValidator(season, o));
            }
            return races.Validator!;
        });
        RuleFor(o => o.Races).Must(ValidationRules.Distinct<RaceDocument, (string?, string?, int?)>(r => (r.Gender, r.Distance, r.Order)))
            .WithMessage("a weekend has one race per gender, distance and order.");
    }
}
