using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Reflection;
using System.Text.Json.Serialization;

namespace SkatingWorldCup.Api.Domain;

// One source of truth for an enum's public string: JSON, query strings, CSV and database columns all use it.
public static class ApiName<T> where T : struct, Enum
{
    private static readonly FrozenDictionary<T, string> s_names = Enum.GetValues<T>().ToFrozenDictionary(
        v => v,
        v => typeof(T).GetField(v.ToString())!.GetCustomAttribute<JsonStringEnumMemberNameAttribute>()?.Name
             ?? v.ToString().ToLowerInvariant());

    private static readonly FrozenDictionary<string, T> s_values =
        s_names.ToFrozenDictionary(p => p.Value, p => p.Key, StringComparer.OrdinalIgnoreCase);

    public static IReadOnlyList<string> All { get; } = Enum.GetValues<T>().Select(v => s_names[v]).ToArray();

    public static string Of(T value) => s_names[value];

    public static bool TryParse(string? text, out T value)
    {
        if (text is not null && s_values.TryGetValue(text.Trim(), out value))
        {
            return true;
        }
        value = default;
        return false;
    }

    public static T Parse(string text) =>
        TryParse(text, out var value) ? value : throw new FormatException($"'{text}' is not one of {string.Join(", ", All)}.");
}

public static class ApiName
{
    private static readonly ConcurrentDictionary<Type, Func<Enum, string>> s_of = new();

    // The same name as ApiName<T>.Of, for an enum value whose type is known only when it runs (a CSV cell).
    public static string Of(Enum value) => s_of.GetOrAdd(value.GetType(), type => typeof(ApiName).GetMethod(nameof(OfBoxed), BindingFlags.NonPublic | BindingFlags.Static)!
        .MakeGenericMethod(type).CreateDelegate<Func<Enum, string>>())(value);

    private static string OfBoxed<T>(Enum value) where T : struct, Enum => ApiName<T>.Of((T)value);
}

public static class ApiNameExtensions
{
    public static string ToApi(this Gender value) => ApiName<Gender>.Of(value);
    public static string ToApi(this Distance value) => ApiName<Distance>.Of(value);
    public static string ToApi(this Division value) => ApiName<Division>.Of(value);
    public static string ToApi(this ResultStatus value) => ApiName<ResultStatus>.Of(value);
    public static string ToApi(this CompetitorType value) => ApiName<CompetitorType>.Of(value);
    public static string ToApi(this TieBreakRule value) => ApiName<TieBreakRule>.Of(value);
    public static string ToApi(this PointsTableKind value) => ApiName<PointsTableKind>.Of(value);
    public static string ToApi(this RecordSource value) => ApiName<RecordSource>.Of(value);
    public static string ToApi(this ApiKeyScope value) => ApiName<ApiKeyScope>.Of(value);
}
