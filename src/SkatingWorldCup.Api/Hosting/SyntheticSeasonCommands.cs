using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using SkatingWorldCup.Api.Writes;
using SkatingWorldCup.Api.Writes.Documents;

namespace SkatingWorldCup.Api.Hosting;

// `generate-seasons`: synthetic benchmark seasons, written out as import documents or imported one timed line each.
internal static class SyntheticSeasonCommands
{
    internal static int WriteSyntheticSeasons(Dictionary<string, string> options, TextWriter error)
    {
        if (SyntheticOptions(options) is not { } s)
        {
            return Commands.Fail(error, Commands.Usage, 2);
        }
        var folder = Directory.CreateDirectory(options["--out"]).FullName;
        foreach (var year in Enumerable.Range(s.FirstYear, s.Count))
        {
            var path = Path.Combine(folder, $"{SyntheticSeasons.SeasonId(year)}.json");
            File.WriteAllText(path, JsonSerializer.Serialize(SyntheticSeasons.Generate(year, s.Seed), ImportJson.Options));
            error.WriteLine(path);
        }
        return 0;
    }

    // One line per season, `season <id> imported in <ms> ms`, which bench/run.sh reads: the time of the importer's
    // transaction only (validation, upserts, commit), not of building the document or starting the process.
    internal static async Task<int> ImportSyntheticSeasonsAsync(IServiceProvider services, (int Count, int Seed, int FirstYear) s, TextWriter output, TextWriter error)
    {
        foreach (var year in Enumerable.Range(s.FirstYear, s.Count))
        {
            var document = SyntheticSeasons.Generate(year, s.Seed);
            await using var scope = services.CreateAsyncScope();
            var importer = scope.ServiceProvider.GetRequiredService<SeasonImporter>();
            var clock = Stopwatch.StartNew();
            var outcome = await importer.ImportAsync(document, Actors.Cli);
            clock.Stop();
            if (!outcome.Succeeded)
            {
                return Commands.Fail(error, $"season {document.Season} rejected: {string.Join("; ", outcome.Errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}"))}", 1);
            }
            var results = outcome.Summary!.Created.GetValueOrDefault("results");
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"season {document.Season} imported in {clock.Elapsed.TotalMilliseconds:F0} ms ({results} results)"));
        }
        return 0;
    }

    internal static (int Count, int Seed, int FirstYear)? SyntheticOptions(Dictionary<string, string> o)
    {
        var ok = int.TryParse(o.GetValueOrDefault("--count"), out var count) & int.TryParse(o.GetValueOrDefault("--seed", "1"), out var seed)
            & int.TryParse(o.GetValueOrDefault("--first-year", $"{SyntheticSeasons.FirstYear}"), out var firstYear);
        // Synthetic ids stay before the real seasons (2011-12 on), so they never overwrite real data.
        return ok && count is >= 1 and <= 30 && firstYear >= 1900 && firstYear + count <= 2010 ? (count, seed, firstYear) : null;
    }
}
