using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SkatingWorldCup.Api.Data;
using SkatingWorldCup.Api.Features.Imports;

namespace SkatingWorldCup.Api.Infrastructure;

// Command-line verbs of the API (`dotnet run --project src/SkatingWorldCup.Api -- <verb>`), run instead of the web host.
// `schema-script` and `generate-seasons --out` need no database; `generate-seasons` without --out imports into the
// database the web host would use (embedded PostgreSQL or ConnectionStrings__Skating), after the same migrations.
public static class Commands
{
    private const string Usage = """
        usage:
          schema-script                                   print the SQL of the EF model (for new migrations)
          generate-seasons --count N [--seed S] [--first-year 1980] [--out DIR]
                                                          synthetic benchmark seasons (SYNTHETIC 1980-81, …): written to DIR as
                                                          import documents, or imported into the database, one timed line each
        """;

    public static bool TryRun(string[] args, out int exitCode)
    {
        exitCode = 0;
        switch (args)
        {
            case ["schema-script"]:
                // Drafts the SQL of the EF model, to review and paste into a hand-written migration.
                var options = new DbContextOptionsBuilder<SkatingDbContext>().UseNpgsql("Host=unused").Options;
                using (var db = new SkatingDbContext(options))
                {
                    Console.WriteLine(db.Database.GenerateCreateScript());
                }
                return true;
            case ["generate-seasons", .. var rest] when Options(rest, "--count", "--seed", "--first-year", "--out") is { } o && o.ContainsKey("--out"):
                exitCode = WriteSyntheticSeasons(o, Console.Error);
                return true;
            case ["help" or "--help" or "-h", ..]:
                Console.WriteLine(Usage);
                return true;
            default:
                return false;
        }
    }

    public static bool IsDatabaseVerb(string[] args) => args is ["generate-seasons", ..];

    // The verbs print their results on stdout; the host's logging goes to stderr, warnings and worse only.
    public static void QuietLogging(ILoggingBuilder logging)
    {
        logging.ClearProviders();
        logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        logging.SetMinimumLevel(LogLevel.Warning);
    }

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter output, TextWriter error)
    {
        try
        {
            return args switch
            {
                ["generate-seasons", .. var rest] when Options(rest, "--count", "--seed", "--first-year") is { } o && SyntheticOptions(o) is { } s =>
                    await ImportSyntheticSeasonsAsync(services, s, output, error),
                _ => Fail(error, Usage, 2),
            };
        }
        finally
        {
            // A server this process started for the verb is stopped again; one the web host runs is left alone.
            if (services.GetService<LocalPostgres>() is { StartedHere: true } postgres)
            {
                await postgres.StopAsync();
            }
        }
    }

    private static int WriteSyntheticSeasons(Dictionary<string, string> options, TextWriter error)
    {
        if (SyntheticOptions(options) is not { } s)
        {
            return Fail(error, Usage, 2);
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
    private static async Task<int> ImportSyntheticSeasonsAsync(IServiceProvider services, (int Count, int Seed, int FirstYear) s, TextWriter output, TextWriter error)
    {
        foreach (var year in Enumerable.Range(s.FirstYear, s.Count))
        {
            var document = SyntheticSeasons.Generate(year, s.Seed);
            await using var scope = services.CreateAsyncScope();
            var importer = scope.ServiceProvider.GetRequiredService<SeasonImporter>();
            var clock = Stopwatch.StartNew();
            var outcome = await importer.ImportAsync(document);
            clock.Stop();
            if (!outcome.Succeeded)
            {
                return Fail(error, $"season {document.Season} rejected: {string.Join("; ", outcome.Errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}"))}", 1);
            }
            var results = outcome.Summary!.Created.GetValueOrDefault("results");
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"season {document.Season} imported in {clock.Elapsed.TotalMilliseconds:F0} ms ({results} results)"));
        }
        return 0;
    }

    private static (int Count, int Seed, int FirstYear)? SyntheticOptions(Dictionary<string, string> o)
    {
        var ok = int.TryParse(o.GetValueOrDefault("--count"), out var count) & int.TryParse(o.GetValueOrDefault("--seed", "1"), out var seed)
            & int.TryParse(o.GetValueOrDefault("--first-year", $"{SyntheticSeasons.FirstYear}"), out var firstYear);
        // Synthetic ids stay before the real seasons (2011-12 on), so they never overwrite real data.
        return ok && count is >= 1 and <= 30 && firstYear >= 1900 && firstYear + count <= 2010 ? (count, seed, firstYear) : null;
    }

    // --option value pairs; null when an option is unknown, repeated or has no value.
    private static Dictionary<string, string>? Options(string[] args, params string[] known)
    {
        var options = new Dictionary<string, string>();
        for (var i = 0; i < args.Length; i += 2)
        {
            if (!known.Contains(args[i]) || i + 1 >= args.Length || !options.TryAdd(args[i], args[i + 1]))
            {
                return null;
            }
        }
        return options;
    }

    private static int Fail(TextWriter error, string message, int exitCode)
    {
        error.WriteLine(message);
        return exitCode;
    }
}
