using System.Globalization;
using System.Text.RegularExpressions;

namespace SkatingWorldCup.Api.Domain.Rules;

// A race time is kept as exact decimal seconds whose scale is the precision that was recorded:
// 36.80 stays 36.80 and 38.215 keeps its thousandths. Never a float.
public static partial class RaceTime
{
    // [0-9], not \d: \d also matches other scripts' digits (e.g. "３６.８０"), which int.Parse rejects.
    [GeneratedRegex(@"^(?:(?<m>[0-9]{1,2}):(?<s>[0-5][0-9])|(?<s>[0-9]{1,3}))(?:\.(?<f>[0-9]{1,3}))?$")]
    private static partial Regex Pattern();

    public static bool TryParse(string? text, out decimal seconds)
    {
        seconds = 0;
        if (text is null)
        {
            return false;
        }
        var match = Pattern().Match(text.Trim());
        if (!match.Success)
        {
            return false;
        }
        var minutes = match.Groups["m"].Success ? int.Parse(match.Groups["m"].Value, CultureInfo.InvariantCulture) : 0;
        var whole = int.Parse(match.Groups["s"].Value, CultureInfo.InvariantCulture);
        var fraction = match.Groups["f"].Success ? match.Groups["f"].Value : "";
        var total = minutes * 60 + whole;
        seconds = decimal.Parse(fraction.Length == 0 ? $"{total}" : $"{total}.{fraction}", CultureInfo.InvariantCulture);
        return seconds > 0;
    }

    public static decimal Parse(string text) =>
        TryParse(text, out var seconds) ? seconds : throw new FormatException($"'{text}' is not a race time (ss.fff or m:ss.fff).");

    public static string Format(decimal seconds)
    {
        var scale = seconds.Scale;
        var minutes = (int)(seconds / 60);
        var rest = seconds - minutes * 60;
        var restText = rest.ToString("F" + scale, CultureInfo.InvariantCulture);
        if (minutes == 0)
        {
            return restText;
        }
        return $"{minutes}:{(rest < 10 ? "0" : "")}{restText}";
    }

    // JSON `seconds` is a plain number: 36.8, not 36.80.
    public static decimal Normalize(decimal seconds) => seconds / 1.000000000000000000000000000000000m;
}
