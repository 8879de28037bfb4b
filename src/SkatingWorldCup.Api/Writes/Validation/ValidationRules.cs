using System.Text.RegularExpressions;
using FluentValidation;
using SkatingWorldCup.Api.Domain;
using SkatingWorldCup.Api.Writes.Documents;

namespace SkatingWorldCup.Api.Writes.Validation;

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
        nation is not null ? Competitor.KeyOf(CompetitorType.Nation, null, null, nation)
        : skater is null ? null : Competitor.KeyOf(CompetitorType.Skater, skater.Name, skater.SourceRef, skater.Nationality ?? "");

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
