using System.Globalization;
using System.Text.RegularExpressions;

namespace SkatingWorldCup.Api.Tests.Support;

// The tables of data/sources/2012-13-women-500m.txt (copied to Sources/ by the test project), read as printed.
public static partial class WomensSprintPage
{
    public sealed record StandingRow(int Position, int? PrintedRank, string? Name, string Nationality, IReadOnlyList<int?> Cells, int Total);

    public sealed record Medal(string Name, string Nationality, string Time);

    public sealed record MedalRace(string Date, Medal Gold, Medal Silver, Medal Bronze);

    public static string Path { get; } = System.IO.Path.Combine(AppContext.BaseDirectory, "Sources", "2012-13-women-500m.txt");

    [GeneratedRegex("^[A-Z]{3}$")]
    private static partial Regex NationCode();

    [GeneratedRegex(@"^\d{1,2} [A-Z][a-z]+$")]
    private static partial Regex DayAndMonth();

    [GeneratedRegex(@"^(?<name>.+) (?<nat>[A-Z]{3})$")]
    private static partial Regex NameAndNation();

    public static IReadOnlyList<string> Codes => Header("== Standings ==")[3..^1];

    public static IReadOnlyList<StandingRow> Standings()
    {
        var rows = new List<StandingRow>();
        foreach (var cells in Rows("== Standings =="))
        {
            // Rows printed as ties lack the rank and the name cell: their cells sit one to the left (see data/README.md).
            var shifted = !NationCode().IsMatch(cells[2]);
            var (name, nationality, values) = shifted ? ("", cells[1], cells[2..15]) : (cells[1], cells[2], cells[3..16]);
            rows.Add(new StandingRow(rows.Count + 1, cells[0].Length == 0 ? null : int.Parse(cells[0], CultureInfo.InvariantCulture), name.Length == 0 ? null : name,
                nationality, values[..12].Select(v => v == "–" ? (int?)null : int.Parse(v, CultureInfo.InvariantCulture)).ToList(),
                int.Parse(values[12], CultureInfo.InvariantCulture)));
        }
        return rows;
    }

    public static IReadOnlyList<MedalRace> Medallists() => Rows("== Race medallists ==").Select(cells =>
    {
        // The second race of a weekend leaves out the occasion and location cells, so find the date.
        var at = Array.FindIndex(cells, c => DayAndMonth().IsMatch(c));
        Medal Medal(int i)
        {
            var who = NameAndNation().Match(cells[at + i]);
            return new Medal(who.Groups["name"].Value, who.Groups["nat"].Value, cells[at + i + 1].Replace(" WR", "", StringComparison.Ordinal));
        }
        return new MedalRace(cells[at], Medal(1), Medal(3), Medal(5));
    }).ToList();

    private static string[] Header(string section) => Table(section).First();

    private static IEnumerable<string[]> Rows(string section) => Table(section).Skip(1);

    private static IEnumerable<string[]> Table(string section) => File.ReadLines(Path)
        .SkipWhile(l => l.Trim() != section).Skip(1)
        .TakeWhile(l => !l.StartsWith("==", StringComparison.Ordinal))
        .Where(l => l.StartsWith('|'))
        .Select(l => l.Trim().Trim('|').Split('|').Select(c => c.Trim()).ToArray());
}
