using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SkatingWorldCup.Api.Auth;
using SkatingWorldCup.Api.Data;
using SkatingWorldCup.Api.Domain;
using SkatingWorldCup.Api.Writes;
using SkatingWorldCup.Api.Writes.Documents;

namespace SkatingWorldCup.Api.Hosting;

// Command-line verbs of the API (`dotnet run --project src/SkatingWorldCup.Api -- <verb>`), run instead of the web host.
// `schema-script` and `generate-seasons --out` need no database; `keys`, `import` and `generate-seasons` run on the
// database the web host would use (embedded PostgreSQL or ConnectionStrings__Skating), after the same migrations,
// and write as the actor "cli".
public static class Commands
{
    private const string Usage = """
        usage:
          keys create --name NAME --scope read|write|admin   create a key and print it (the only time it is shown)
          keys list                                          list keys (never the keys themselves)
          keys revoke --name NAME | --id ID                  revoke a key
          import FILE...                                     import season documents, one transaction each
          schema-script                                      print the SQL of the EF model (for new migrations)
          healthcheck [URL]                                  exit 0 when URL (default http://localhost:8080/health/ready) answers 2xx
          generate-seasons --count N [--seed S] [--first-year 1980] [--out DIR]
                                                             synthetic benchmark seasons (SYNTHETIC 1980-81, …): written to DIR
                                                             as import documents, or imported, one timed line each
        """;

    public static bool TryRunOffline(string[] args, out int exitCode)
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
            case ["healthcheck", .. var url]:
                // The container's HEALTHCHECK: the aspnet image has no curl or wget, so the app asks itself.
                exitCode = HealthCheck(url is [var given] ? given : "http://localhost:8080/health/ready");
                return true;
            default:
                return false;
        }
    }

    public static bool IsDatabaseVerb(string[] args) => args is ["keys" or "import" or "generate-seasons", ..];

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
                ["keys", "create", .. var rest] when Options(rest, "--name", "--scope") is { } o && o.ContainsKey("--name") && o.ContainsKey("--scope") =>
                    await CreateKeyAsync(services, o["--name"], o["--scope"], output, error),
                ["keys", "list"] => await ListKeysAsync(services, output),
                ["keys", "revoke", .. var rest] when Options(rest, "--name", "--id") is { Count: 1 } o =>
                    await RevokeKeyAsync(services, o.GetValueOrDefault("--name"), o.GetValueOrDefault("--id"), output, error),
                ["import", .. var files] when files.Length > 0 => await ImportAsync(services, files, output, error),
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

    private static async Task<int> CreateKeyAsync(IServiceProvider services, string name, string scopeText, TextWriter output, TextWriter error)
    {
        if (ApiKeys.NameProblem(name) is { } problem)
        {
            return Fail(error, problem, 2);
        }
        if (!ApiName<ApiKeyScope>.TryParse(scopeText, out var scope))
        {
            return Fail(error, $"--scope must be one of {string.Join(", ", ApiName<ApiKeyScope>.All)}.", 2);
        }
        await using var serviceScope = services.CreateAsyncScope();
        var created = await ApiKeys.CreateAsync(serviceScope.ServiceProvider.GetRequiredService<SkatingDbContext>(), name, scope, Actors.Cli, CancellationToken.None);
        if (created is null)
        {
            return Fail(error, $"An active key is already named '{name}': revoke it first, or choose another name.", 1);
        }
        output.WriteLine(created.Secret);
        error.WriteLine($"Created key {created.Key.Id} '{created.Key.Name}' ({created.Key.Scope.ToApi()}). Send it as the X-Api-Key header; it is not shown again.");
        return 0;
    }

    private static async Task<int> ListKeysAsync(IServiceProvider services, TextWriter output)
    {
        await using var scope = services.CreateAsyncScope();
        var keys = await ApiKeys.ListAsync(scope.ServiceProvider.GetRequiredService<SkatingDbContext>(), CancellationToken.None);
        output.WriteLine($"{"id",4}  {"name",-24} {"scope",-6} {"prefix",-9} {"created",-20} revoked");
        foreach (var k in keys)
        {
            output.WriteLine($"{k.Id,4}  {k.Name,-24} {k.Scope.ToApi(),-6} {k.Prefix,-9} {k.CreatedAt:yyyy-MM-dd HH:mm:ss}  {k.RevokedAt?.ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture) ?? "-"}");
        }
        return 0;
    }

    private static async Task<int> RevokeKeyAsync(IServiceProvider services, string? name, string? idText, TextWriter output, TextWriter error)
    {
        int? id = null;
        if (idText is not null)
        {
            if (!int.TryParse(idText, out var parsed))
            {
                return Fail(error, "--id must be a key id (keys list shows them).", 2);
            }
            id = parsed;
        }
        await using var scope = services.CreateAsyncScope();
        var revoked = await ApiKeys.RevokeAsync(scope.ServiceProvider.GetRequiredService<SkatingDbContext>(), id, name, Actors.Cli, CancellationToken.None);
        if (revoked is null)
        {
            return Fail(error, $"No active key {(name is null ? $"has id {id}" : $"is named '{name}'")}.", 1);
        }
        output.WriteLine($"Revoked key {revoked.Id} '{revoked.Name}'.");
        return 0;
    }

    // Each file is one season document and one all-or-nothing transaction; every file is tried, and any error fails the run.
    private static async Task<int> ImportAsync(IServiceProvider services, string[] files, TextWriter output, TextWriter error)
    {
        var failed = 0;
        foreach (var file in files)
        {
            SeasonDocument? document;
            try
            {
                await using var stream = File.OpenRead(FromShell(file));
                document = await JsonSerializer.DeserializeAsync<SeasonDocument>(stream, ImportJson.Options);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
            {
                failed++;
                error.WriteLine($"{file}: {(e is JsonException ? "invalid JSON: " : "")}{e.Message}");
                continue;
            }
            if (document is null)
            {
                failed++;
                error.WriteLine($"{file}: the file holds no season document.");
                continue;
            }
            await using var scope = services.CreateAsyncScope();
            var outcome = await scope.ServiceProvider.GetRequiredService<SeasonImporter>().ImportAsync(document, Actors.Cli);
            if (outcome.Summary is { } summary)
            {
                output.WriteLine($"{file}: season {summary.Season}: {(summary.Changed ? "changed" : "no change")}; "
                    + $"created {Counts(summary.Created)}; updated {Counts(summary.Updated)}; deleted {Counts(summary.Deleted)}; unchanged {Counts(summary.Unchanged)}");
                continue;
            }
            failed++;
            error.WriteLine($"{file}: rejected, nothing written ({outcome.Errors.Sum(e => e.Value.Length)} errors):");
            foreach (var (path, messages) in outcome.Errors)
            {
                foreach (var message in messages)
                {
                    error.WriteLine($"  {(path.Length == 0 ? "(document)" : path)}: {message}");
                }
            }
        }
        return failed == 0 ? 0 : 1;
    }

    // `dotnet run` starts the app in the project's folder; a relative path means the caller's folder, which PWD still names.
    private static string FromShell(string path) =>
        Path.GetFullPath(path, Environment.GetEnvironmentVariable("PWD") is { Length: > 0 } pwd ? pwd : Environment.CurrentDirectory);

    private static string Counts(IReadOnlyDictionary<string, int> counts) =>
        counts.Count == 0 ? "nothing" : string.Join(", ", counts.Select(c => $"{c.Value} {c.Key}"));

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
            var outcome = await importer.ImportAsync(document, Actors.Cli);
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

    private static int HealthCheck(string url)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(3) };
        try
        {
            using var response = http.GetAsync(url).GetAwaiter().GetResult();
            Console.WriteLine($"{url}: {(int)response.StatusCode}");
            return response.IsSuccessStatusCode ? 0 : 1;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            Console.Error.WriteLine($"{url}: {e.Message}");
            return 1;
        }
    }
}
