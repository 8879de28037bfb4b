using System.Text.RegularExpressions;
using FluentValidation;
using SkatingWorldCup.Api.Domain;
using SkatingWorldCup.Api.Domain.Rules;
using SkatingWorldCup.Api.Writes.Documents;

namespace SkatingWorldCup.Api.Writes.Validation;

public partial class SeasonDocumentValidator : AbstractValidator<SeasonDocument>
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

// Small predicates shared by the validators of every write body.
public static partial class ValidationRules
{
    public const string NoNullEntry = "an entry of this list must not be null.";

    [GeneratedRegex("^[A-Z]{3}$")]
    public static partial Regex ThreeLetterCode();

    [GeneratedRegex(@"^([0-9]{4})-([0-9]{2})$")]
    private static partial Regex SeasonPattern();

    public static bool IsSeasonId(string? id)
    {
        var match = id is null ? null : SeasonPattern().Match(id);
        return match is { Success: true } && (int.Parse(match.Groups[1].Value) + 1) % 100 == int.Parse(match.Groups[2].Value);
    }

    public static bool Is<T>(string? value) where T : struct, Enum => ApiName<T>.TryParse(value, out _);

    public static string OneOf<T>() where T : struct, Enum => $"'{{PropertyValue}}' is not one of: {string.Join(", ", ApiName<T>.All)}.";

    public static bool Within(DateOnly? date, DateOnly? from, DateOnly? to) =>
        date is null || ((from is null || date >= from) && (to is null || date <= to));

    public static Func<List<T>?, bool> Distinct<T, TKey>(Func<T, TKey> key, Func<T, bool>? applies = null) =>
        items => items is null || items.Where(i => i is not null && (applies?.Invoke(i) ?? true)).GroupBy(key).All(g => g.Count() == 1);

    public static string? CompetitorKey(ResultDocument result) => CompetitorKey(result.Skater, result.Nation);

    public static string? CompetitorKey(SkaterDocument? skater, string? nation) =>
        nation is not null ? $"nation:{nation}" : skater is null ? null : $"skater:{skater.Name ?? skater.SourceRef}:{skater.Nationality}";

    // Generous bounds around real times: catches a 500 m typed as 5 s or 5 minutes, never a real result.
    public static bool IsPlausible(decimal seconds, Distance distance) => distance switch
    {
        Distance.Metres500 => seconds is >= 33 and <= 60,
        Distance.Metres1000 => seconds is >= 64 and <= 110,
        Distance.Metres1500 => seconds is >= 98 and <= 160,
        Distance.Metres3000 => seconds is >= 210 and <= 330,
        Distance.Metres5000 => seconds is >= 355 and <= 560,
        Distance.Metres10000 => seconds is >= 740 and <= 1100,
        Distance.MassStart => seconds is >= 280 and <= 720,
        Distance.TeamPursuit => seconds is >= 160 and <= 300,
        Distance.TeamSprint => seconds is >= 75 and <= 120,
        _ => false,
    };
}
