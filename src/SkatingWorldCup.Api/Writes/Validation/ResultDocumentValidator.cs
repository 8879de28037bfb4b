using FluentValidation;
using SkatingWorldCup.Api.Domain;
using SkatingWorldCup.Api.Domain.Rules;
using SkatingWorldCup.Api.Writes.Documents;

namespace SkatingWorldCup.Api.Writes.Validation;

public class ResultDocumentValidator : AbstractValidator<ResultDocument>
{
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(object?, object?, string), ResultDocumentValidator> s_byDistance = new();

    // Building a validator builds all its rules, and FluentValidation asks for one per result: a season of 2,400
    // results spent most of its validation here. It depends on the race's distance only, so one per distance serves
    // every race of it (validators hold no state between validations). Property names are fixed when a validator is
    // built, by the resolvers AddSkatingValidation sets: one is reused only under the resolvers it was built with.
    public static ResultDocumentValidator For(RaceDocument race) =>
        race.Distance is { } text && ApiName<Distance>.TryParse(text, out var distance) && distance.ToApi() == text
            ? s_byDistance.GetOrAdd((ValidatorOptions.Global.PropertyNameResolver, ValidatorOptions.Global.DisplayNameResolver, text), _ => new ResultDocumentValidator(race))
            : new ResultDocumentValidator(race);

    public ResultDocumentValidator(RaceDocument race)
    {
        var distance = ValidationRules.Is<Distance>(race.Distance) ? ApiName<Distance>.Parse(race.Distance!) : (Distance?)null;
        RuleFor(r => r).Must(r => (r.Skater is null) != (r.Nation is null)).WithName("skater").WithMessage("give either skater or nation.");
        RuleFor(r => r.Nation).NotNull().When(_ => distance?.IsTeamEvent() == true).WithMessage("team events' results are nations.");
        RuleFor(r => r.Skater).NotNull().When(_ => distance is { } d && !d.IsTeamEvent()).WithMessage("an individual event's results are skaters.");
        RuleFor(r => r.Skater!).SetValidator(SkaterDocumentValidator.Shared).When(r => r.Skater is not null);
        RuleFor(r => r.Nation).Matches(ValidationRules.ThreeLetterCode()).When(r => r.Nation is not null).WithMessage("nation must be a 3-letter code (e.g. NED).");
        RuleFor(r => r.Division).Must(ValidationRules.Is<Division>).When(r => r.Division is not null).WithMessage(ValidationRules.OneOf<Division>());
        RuleFor(r => r.Status).Must(ValidationRules.Is<ResultStatus>).When(r => r.Status is not null).WithMessage(ValidationRules.OneOf<ResultStatus>());
        RuleFor(r => r.Rank).InclusiveBetween(1, 999);
        RuleFor(r => r.Points).InclusiveBetween(0, 1000);
        RuleFor(r => r.Time).Must(t => RaceTime.TryParse(t, out _)).When(r => r.Time is not null)
            .WithMessage("time must be ss.fff or m:ss.fff, e.g. 37.85 or 1:06.42.");
        RuleFor(r => r.Time).Must(t => ValidationRules.IsPlausible(RaceTime.Parse(t!), distance!.Value))
            .When(r => distance is not null && RaceTime.TryParse(r.Time, out _))
            .WithMessage(r => $"{r.Time} is not a plausible time for the {race.Distance}.");
        When(r => r.Status is "dnf" or "dq" or "dns", () =>
        {
            RuleFor(r => r.Rank).Null().WithMessage("a dnf, dq or dns result has no rank.");
            RuleFor(r => r.Points).Must(p => p is null or 0).WithMessage("a dnf, dq or dns result has no points.");
        });
    }
}
