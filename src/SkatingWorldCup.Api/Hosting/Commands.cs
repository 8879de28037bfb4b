using Microsoft.EntityFrameworkCore;

namespace SkatingWorldCup.Api.Hosting;

// Command-line verbs of the API (`dotnet run --project src/SkatingWorldCup.Api -- <verb>`), run instead of the web host.
// `generate-seasons --out` needs no database; `keys`, `import` and `generate-seasons` run on the
// database the web host would use (embedded PostgreSQL or ConnectionStrings__Skating), after the same migrations,
// and write as the actor "cli".
public static class Commands
{
    internal const string Usage = """
        usage:
          keys create --name NAME --scope read|write|admin   create a key and print it (the only time it is shown)
          keys list                                          list keys (never the keys themselves)
          keys revoke --name NAME | --id ID                  revoke a key
          import FILE...                                     import season documents, one transaction each
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
            case ["generate-seasons", .. var rest] when Options(rest, "--count", "--seed", "--first-year", "--out") is { } o && o.ContainsKey("--out"):
                exitCode = SyntheticSeasonCommands.WriteSyntheticSeasons(o, Console.Error);
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
                    await KeyCommands.CreateKeyAsync(services, o["--name"], o["--scope"], output, error),
                ["keys", "list"] => await KeyCommands.ListKeysAsync(services, output),
                ["keys", "revoke", .. var rest] when Options(rest, "--name", "--id") is { Count: 1 } o =>
                    await KeyCommands.RevokeKeyAsync(services, o.GetValueOrDefault("--name"), o.GetValueOrDefault("--id"), output, error),
                ["import", .. var files] when files.Length > 0 => await ImportCommands.ImportAsync(services, files, output, error),
                ["generate-seasons", .. var rest] when Options(rest, "--count", "--seed", "--first-year") is { } o && SyntheticSeasonCommands.SyntheticOptions(o) is { } s =>
                    await SyntheticSeasonCommands.ImportSyntheticSeasonsAsync(services, s, output, error),
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

    // --option value pairs; null when an option is unknown, repeated or has no value.
    internal static Dictionary<string, string>? Options(string[] args, params string[] known)
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

    internal static int Fail(TextWriter error, string message, int exitCode)
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
