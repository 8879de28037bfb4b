using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SkatingWorldCup.Api.Tests.Support;
using SkatingWorldCup.Api.Web;
using Xunit.Abstractions;

namespace SkatingWorldCup.Api.Tests.Hosting;

// PostgreSQL stops under load and comes back: requests answer 503 quickly meanwhile (never 500, never hang), readiness
// says so, the same host serves again soon after the restart, and every write is either kept whole or not there at all.
public sealed class DatabaseOutageTests(DatabaseFixture database, ITestOutputHelper output) : ApiTest(database)
{
    private static readonly TimeSpan s_maxFailureTime = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan s_maxRecoveryTime = TimeSpan.FromSeconds(5);

    private static readonly string[] s_reads =
    [
        "/api/v1/seasons",
        "/api/v1/seasons/2012-13/standings?gender=women&distance=500",
        "/api/v1/seasons/2012-13/races?gender=women&distance=500",
        "/api/v1/skaters?name=sang&format=csv",
        "/api/v1/world-records/history",
    ];

    private sealed record Outcome(string Path, HttpStatusCode Status, TimeSpan Started, TimeSpan Elapsed, string? RetryAfter, string? ContentType);

    private sealed record Write(int Index, HttpStatusCode Status, long? DataVersion);

    // Write i: the race's first six skaters with times unique to i, so the stored list tells which write it came from.
    private static object[] ResultList(JsonArray skaters, int i) => [.. skaters.Take(6).Select((s, k) => new
    {
        division = "a",
        rank = k + 1,
        skater = new { name = (string?)s!["name"], nationality = (string?)s["nationality"], sourceRef = (string?)s["sourceRef"] },
        time = (38m + (i * 0.01m) + k).ToString("F2", CultureInfo.InvariantCulture),
    })];

    [LocalServerFact]
    public async Task Requests_answer_503_while_PostgreSQL_is_down_and_200_again_within_5_s_of_its_return()
    {
        var logs = new CapturedLogs();
        await using var api = Database.Api.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddSingleton<ILoggerProvider>(logs)));
        using var client = api.CreateClient();
        client.Timeout = TimeSpan.FromSeconds(15); // a hung request fails the test instead of stalling it
        foreach (var path in s_reads)
        {
            // Warm: a first request's JIT and query compilation is not what the 2 s bound is about.
            using var warmUp = await client.GetAsync(path);
            warmUp.StatusCode.ShouldBe(HttpStatusCode.OK);
        }
        var clock = Stopwatch.StartNew();
        var outcomes = new ConcurrentQueue<Outcome>();
        using var stopLoad = new CancellationTokenSource(TimeSpan.FromSeconds(60));

        var raceId = (int)(await client.GetFromJsonAsync<JsonNode>("/api/v1/seasons/2012-13/races?gender=women&distance=500"))!["items"]![2]!["id"]!;
        var skaters = new JsonArray([.. (await client.GetFromJsonAsync<JsonNode>($"/api/v1/races/{raceId}"))!["results"]!.AsArray()
            .Select(r => r!["competitor"]!.DeepClone())]);
        var writes = new ConcurrentQueue<Write>();
        using (var warmUp = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/races/{raceId}/results") { Content = JsonContent.Create(new { results = ResultList(skaters, 0) }) })
        {
            warmUp.Headers.Add("X-Api-Key", ApiFactory.AdminKey);
            (await client.SendAsync(warmUp)).StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        // Four readers and one writer, each at most 2,000 requests and 60 s, stopped by the test when it is done.
        var writer = Task.Run(async () =>
        {
            for (var i = 1; i <= 2000 && !stopLoad.IsCancellationRequested; i++)
            {
                var started = clock.Elapsed;
                using var request = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/races/{raceId}/results") { Content = JsonContent.Create(new { results = ResultList(skaters, i) }) };
                request.Headers.Add("X-Api-Key", ApiFactory.AdminKey);
                try
                {
                    using var response = await client.SendAsync(request, CancellationToken.None);
                    outcomes.Enqueue(new Outcome("PUT results", response.StatusCode, started, clock.Elapsed - started,
                        response.Headers.RetryAfter?.ToString(), response.Content.Headers.ContentType?.MediaType));
                    writes.Enqueue(new Write(i, response.StatusCode,
                        response.Headers.TryGetValues("X-Data-Version", out var version) ? long.Parse(version.Single(), CultureInfo.InvariantCulture) : null));
                }
                catch (TaskCanceledException)
                {
                    outcomes.Enqueue(new Outcome("PUT results", 0, started, clock.Elapsed - started, null, null));
                }
                await Task.Delay(50, CancellationToken.None);
            }
        });

        var load = Enumerable.Range(0, 4).Select(worker => Task.Run(async () =>
        {
            for (var i = 0; i < 2000 && !stopLoad.IsCancellationRequested; i++)
            {
                var path = s_reads[(worker + i) % s_reads.Length];
                var started = clock.Elapsed;
                try
                {
                    using var response = await client.GetAsync(path, CancellationToken.None);
                    await response.Content.ReadAsByteArrayAsync(CancellationToken.None);
                    outcomes.Enqueue(new Outcome(path, response.StatusCode, started, clock.Elapsed - started,
                        response.Headers.RetryAfter?.ToString(), response.Content.Headers.ContentType?.MediaType));
                }
                catch (TaskCanceledException)
                {
                    outcomes.Enqueue(new Outcome(path, 0, started, clock.Elapsed - started, null, null));
                }
                await Task.Delay(10, CancellationToken.None);
            }
        })).ToArray();

        await Task.Delay(1000);
        var stopping = clock.Elapsed;
        await Database.Server.StopAsync();
        var stopped = clock.Elapsed;
        var (readyWhileDown, readyBody) = await ReadinessAsync(client);
        await Task.Delay(1500);

        await Database.Server.RestartAsync();
        var restarted = clock.Elapsed;
        HttpStatusCode status;
        do
        {
            using var response = await client.GetAsync("/api/v1/seasons");
            status = response.StatusCode;
            if (status != HttpStatusCode.OK)
            {
                await Task.Delay(50);
            }
        }
        while (status != HttpStatusCode.OK && clock.Elapsed - restarted < s_maxRecoveryTime + TimeSpan.FromSeconds(5));
        var recovered = clock.Elapsed;
        var (readyAfter, _) = await ReadinessAsync(client);
        await Task.Delay(2000);
        await stopLoad.CancelAsync();
        await Task.WhenAll([.. load, writer]);

        var all = outcomes.ToList();
        var failures = all.Where(o => o.Status != HttpStatusCode.OK).ToList();
        output.WriteLine($"stop {stopping.TotalSeconds:F2}-{stopped.TotalSeconds:F2} s, restart done {restarted.TotalSeconds:F2} s, serving again {recovered.TotalSeconds:F2} s; "
            + $"{all.Count} requests: {string.Join(", ", all.GroupBy(o => o.Status).Select(g => $"{(int)g.Key}: {g.Count()}"))}; "
            + $"slowest 503 {(failures.Count == 0 ? 0 : failures.Max(f => f.Elapsed.TotalMilliseconds)):F0} ms");

        // Writes: each one answered 2xx is in the audit trail under the version it reported, and the race holds one whole list,
        // the last one answered 2xx or a later one whose answer was lost with the connection.
        var answered = writes.Where(w => w.Status == HttpStatusCode.OK).ToList();
        var changes = (await client.GetFromJsonAsync<JsonNode>("/api/v1/changes?limit=500"))!["items"]!.AsArray()
            .Where(c => (string?)c!["action"] == "replace-results").Select(c => (long)c!["dataVersion"]!).ToHashSet();
        var stored = (await client.GetFromJsonAsync<JsonNode>($"/api/v1/races/{raceId}"))!["results"]!.AsArray().Select(r => (string?)r!["time"]).ToList();
        var storedWrite = writes.Select(w => w.Index).Where(i => ResultList(skaters, i).Select(r => ((dynamic)r).time).Cast<string?>().SequenceEqual(stored)).ToList();
        output.WriteLine($"writes: {string.Join(", ", writes.GroupBy(w => w.Status).Select(g => $"{(int)g.Key}: {g.Count()}"))}; the race holds write {string.Join(",", storedWrite)}");
        writes.Where(w => w.Status != HttpStatusCode.OK).ShouldNotBeEmpty("no write met the outage");
        answered.Where(w => w.Index > writes.Where(x => x.Status != HttpStatusCode.OK).Max(x => x.Index)).ShouldNotBeEmpty("no write went through after the restart");
        answered.ShouldAllBe(w => w.DataVersion != null && changes.Contains(w.DataVersion.Value));
        storedWrite.ShouldHaveSingleItem().ShouldBeGreaterThanOrEqualTo(answered.Max(w => w.Index));

        all.Select(o => o.Status).Distinct().ShouldBeSubsetOf([HttpStatusCode.OK, HttpStatusCode.ServiceUnavailable]);
        failures.ShouldNotBeEmpty("the load never met the outage");
        failures.ShouldAllBe(f => f.Elapsed < s_maxFailureTime);
        failures.ShouldAllBe(f => f.RetryAfter == "5" && f.ContentType == "application/problem+json");
        readyWhileDown.ShouldBe(HttpStatusCode.ServiceUnavailable);
        ((string?)readyBody["checks"]!["database"]!["status"]).ShouldBe("unhealthy");
        (recovered - restarted).ShouldBeLessThan(s_maxRecoveryTime);
        readyAfter.ShouldBe(HttpStatusCode.OK);
        all.Where(o => o.Started > recovered).ShouldAllBe(o => o.Status == HttpStatusCode.OK);
        // No unhandled exception (the exception handler's error with a stack trace, i.e. a 500) and no error of the app's own:
        // each failure is one warning of DatabaseUnavailableHandler.
        logs.Entries.Where(e => e.Level >= LogLevel.Error && (e.Category.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal) || e.Category.StartsWith("SkatingWorldCup", StringComparison.Ordinal)))
            .Select(e => $"{e.Category}: {e.Message}").ShouldBeEmpty();
        logs.Entries.ShouldContain(e => e.Category == typeof(DatabaseUnavailableHandler).FullName && e.Level == LogLevel.Warning);
    }

    [Fact]
    public void Unavailable_is_what_503_is_for()
    {
        var refused = new Npgsql.NpgsqlException("Failed to connect to 127.0.0.1:5432", new System.Net.Sockets.SocketException(111));
        DatabaseFaults.IsUnavailable(refused).ShouldBeTrue();
        DatabaseFaults.IsUnavailable(new InvalidOperationException("transient", refused)).ShouldBeTrue();
        DatabaseFaults.IsUnavailable(new Microsoft.EntityFrameworkCore.DbUpdateException("save", refused)).ShouldBeTrue();
        DatabaseFaults.IsUnavailable(new TimeoutException()).ShouldBeTrue();
        DatabaseFaults.IsUnavailable(new InvalidOperationException("a bug")).ShouldBeFalse();
    }

    [Theory]
    [InlineData("Host=db;Database=skating", 2, 5)]
    [InlineData("Host=db;Database=skating;Timeout=10", 10, 5)]
    [InlineData("Host=db;Database=skating;Command Timeout=60", 2, 60)]
    [InlineData("Host=db;Database=skating;timeout=0;commandtimeout=0", 0, 0)]
    public void The_connection_string_gets_short_timeouts_unless_it_sets_its_own(string given, int timeout, int commandTimeout)
    {
        var used = new Npgsql.NpgsqlConnectionStringBuilder(SkatingWorldCup.Api.Hosting.Database.WithTimeouts(given));

        (used.Host, used.Database, used.Timeout, used.CommandTimeout).ShouldBe(("db", "skating", timeout, commandTimeout));
    }

    private static async Task<(HttpStatusCode Status, JsonNode Body)> ReadinessAsync(HttpClient client)
    {
        using var response = await client.GetAsync("/health/ready");
        return (response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync())!);
    }
}
