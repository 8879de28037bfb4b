using FluentValidation;
using SkatingWorldCup.Api.Writes.Documents;

namespace SkatingWorldCup.Api.Writes.Validation;

public class PublishedStandingsDocumentValidator : AbstractValidator<PublishedStandingsDocument>
{
    public PublishedStandingsDocumentValidator()
    {
        RuleFor(p => p.Cup).NotEmpty().MaximumLength(40);
        RuleFor(p => p.Rows).NotEmpty();
        RuleForEach(p => p.Rows).NotNull().WithMessage(ValidationRules.NoNullEntry).ChildRules(row =>
        {
            row.RuleFor(r => r.Rank).NotNull().InclusiveBetween(1, 999);
            row.RuleFor(r => r.Points).NotNull().InclusiveBetween(0, 10000);
            row.RuleFor(r => r).Must(r => (r.Skater is null) != (r.Nation is null)).WithName("skater").WithMessage("give either skater or nation.");
            row.RuleFor(r => r.Skater!).SetValidator(SkaterDocumentValidator.Shared).When(r => r.Skater is not null);
            row.RuleFor(r => r.Nation).Matches(ValidationRules.ThreeLetterCode()).When(r => r.Nation is not null);
        });
        RuleFor(p => p.Rows).Must(ValidationRules.Distinct<PublishedRowDocument, string?>(r => ValidationRules.CompetitorKey(r.Skater, r.Nation)))
            .WithMessage("a competitor appears once in a cup's published standings.");
    }
}
