using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SkatingWorldCup.Api.Data;
using SkatingWorldCup.Api.Writes;
using SkatingWorldCup.Api.Writes.Documents;

namespace SkatingWorldCup.Api.Hosting;

// The first import a process served took twice as long as the next ones (1.1 s against 0.55 s for a full season, see
// bench/README.md): EF compiles each query and update the first time it runs, FluentValidation builds its rules, the
// JIT compiles the rest. A results desk sends its first document right after a deploy, so once the server answers, the
// process rehearses one: a synthetic season read as a request body, applied and audited in a write transaction that is
// then rolled back. Nothing is written and the data version does not move; a write arriving meanwhile waits for it
// (about a second).
// `Imports:WarmUp=false` turns it off.
public sealed class ImportWarmup(IServiceScopeFactory scopes, IHostApplicationLifetime lifetime, IConfiguration configuration, ILogger<ImportWarmup> logger)
    : BackgroundService
{
    public const string Setting = "Imports:WarmUp";
    private const int Year = 1950; // before every real and benchmark season: its id is never in the data

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!configuration.GetValue(Setting, true))
        {
            return;
        }
        var started = new TaskCompletionSource();
        using (lifetime.ApplicationStarted.Register(started.SetResult))
        {
            await started.Task.WaitAsync(stoppingToken);
        }
        try
        {
            var timer = Stopwatch.StartNew();
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<SkatingDbContext>();
            // As POST /imports gets it: a body read with MVC's JSON options, whose serializer metadata is built on first use.
            var json = scope.ServiceProvider.GetRequiredService<IOptions<JsonOptions>>().Value.JsonSerializerOptions;
            var document = JsonSerializer.Deserialize<SeasonDocument>(JsonSerializer.SerializeToUtf8Bytes(SyntheticSeasons.Generate(Year, seed: 1), json), json)!;
            if (await db.Seasons.AnyAsync(s => s.Id == document.Season, stoppingToken))
            {
                return;
            }
            await using (var write = await db.BeginWriteAsync(stoppingToken)) // disposed uncommitted: rolled back
            {
                var outcome = await scope.ServiceProvider.GetRequiredService<SeasonImporter>().ApplyAsync(document, stoppingToken);
                if (outcome.Summary is not { } summary)
                {
                    throw new InvalidOperationException($"the synthetic season was refused: {string.Join("; ", outcome.Errors.Keys)}");
                }
                await write.RecordAsync(new ChangeEntry(Actors.System, "import", "season", summary.Season, summary), stoppingToken);
            }
            logger.LogInformation("Import path warmed up in {DurationMs} ms (a synthetic season applied and rolled back)", timer.ElapsedMilliseconds);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Only the first import's speed is at stake.
            logger.LogWarning("Import warm-up failed ({Message}): the first import will be slower", e.Message);
        }
    }
}
