using FluentValidation;
using SkatingWorldCup.Api.Domain;
using SkatingWorldCup.Api.Domain.Rules;
using SkatingWorldCup.Api.Writes.Documents;

namespace SkatingWorldCup.Api.Writes.Validation;

public class RaceDocumentValidator : AbstractValidator<RaceDocument>
{
    public RaceDocumentValidator(SeasonDocument season, OccasionDocument occasion)
    {
        RuleFor(r => r.Gender).NotEmpty().Must(ValidationRules.Is<Gender>).WithMessage(ValidationRules.OneOf<Gender>());
        RuleFor(r => r.Distance).NotEmpty().Must(ValidationRules.Is<Distance>).WithMessage(ValidationRules.OneOf<Distance>());
        RuleFor(r => r.Distance).Must((r, d) => ApiName<Distance>.Parse(d!).IsSkatedBy(ApiName<Gender>.Parse(r.Gender!)))
            .When(r => ValidationRules.Is<Gender>(r.Gender) && ValidationRules.Is<Distance>(r.Distance))
            .WithMessage(r => $"{r.Gender} do not skate the {r.Distance} in the World Cup.");
        RuleFor(r => r.Order).NotNull().InclusiveBetween(1, 9);
        RuleFor(r => r.Date).Must(d => ValidationRules.Within(d, occasion.StartDate ?? season.StartDate, occasion.EndDate ?? season.EndDate))
            .WithMessage("date must be inside the weekend (and the season).");
        RuleForEach(r => r.Results).NotNull().WithMessage(ValidationRules.NoNullEntry).SetValidator(r => ResultDocumentValidator.For(r));
        RuleFor(r => r.Results).Must(ValidationRules.Distinct<ResultDocument, string?>(ValidationRules.CompetitorKey))
            .WithMessage("a competitor appears once in a race's results.");
        RuleFor(r => r.Results).Must(ValidationRules.Distinct<ResultDocument, (string?, int?)>(x => (x.Division, x.Rank), x => x.Rank is not null))
            .WithMessage("ranks must be unique within a division.");
    }
}
