using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SkatingWorldCup.Api.Writes;
using SkatingWorldCup.Api.Writes.Documents;

namespace SkatingWorldCup.Api.Hosting;

// `import FILE...`: one all-or-nothing transaction per season document, as the actor "cli".
internal static class ImportCommands
{
    // Each file is one season document and one all-or-nothing transaction; every file is tried, and any error fails the run.
    internal static async Task<int> ImportAsync(IServiceProvider services, string[] files, TextWriter output, TextWriter error)
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
}
