using FluentValidation;
using SkatingWorldCup.Api.Domain;
using SkatingWorldCup.Api.Writes.Documents;

namespace SkatingWorldCup.Api.Writes.Validation;

public class SeasonDocumentValidator : AbstractValidator<SeasonDocument>
{
    public SeasonDocumentValidator()
    {
        RuleFor(d => d.Season).NotEmpty().Must(ValidationRules.IsSeasonId).WithMessage("season must look like 2012-13 (first year, hyphen, last two digits of the next year).");
        RuleFor(d => d.Name).NotEmpty().MaximumLength(200);
        RuleFor(d => d.OfficialName).MaximumLength(200);
        RuleFor(d => d.StartDate).NotNull();
        RuleFor(d => d.EndDate).NotNull().GreaterThanOrEqualTo(d => d.StartDate).When(d => d.StartDate is not null);
        RuleFor(d => d.PointsScheme).NotEmpty().MaximumLength(40);
        RuleFor(d => d.TieBreak).Must(ValidationRules.Is<TieBreakRule>).When(d => d.TieBreak is not null).WithMessage(ValidationRules.OneOf<TieBreakRule>());

        RuleForEach(d => d.Occasions).NotNull().WithMessage(ValidationRules.NoNullEntry).SetValidator(d => new OccasionDocumentValidator(d));
        RuleFor(d => d.Occasions).Must(ValidationRules.Distinct<OccasionDocument, int?>(o => o.Number)).WithMessage("occasion numbers must be unique.");
        RuleFor(d => d.Occasions).Must(o => o is null || o.Count(x => x?.IsFinal == true) <= 1).WithMessage("at most one occasion is the final.");
        RuleForEach(d => d.Championships).NotNull().WithMessage(ValidationRules.NoNullEntry).SetValidator(new ChampionshipDocumentValidator());
        RuleFor(d => d.Championships).Must(ValidationRules.Distinct<ChampionshipDocument, string?>(c => c.Name)).WithMessage("championship names must be unique.");
        RuleForEach(d => d.WorldRecords).NotNull().WithMessage(ValidationRules.NoNullEntry).SetValidator(new WorldRecordDocumentValidator());
        RuleForEach(d => d.Cups).NotNull().WithMessage(ValidationRules.NoNullEntry).SetValidator(new CupDocumentValidator());
        RuleForEach(d => d.PublishedStandings).NotNull().WithMessage(ValidationRules.NoNullEntry).SetValidator(new PublishedStandingsDocumentValidator());
    }
}
