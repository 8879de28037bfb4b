using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace SkatingWorldCup.Api.Tests.Support;

// Load on an API while a test takes its database away and brings it back: four readers and one writer, each at most
// 2,000 requests and 60 s, every answer recorded with when it started and how long it took. The writer replaces one
// race's result list again and again, each time with times unique to that write, so the stored list tells which write
// it came from.
public sealed class OutageLoad
{
    public static readonly string[] Reads =
    [
        "/api/v1/seasons",
        "/api/v1/seasons/2012-13/standings?gender=women&distance=500",
        "/api/v1/seasons/2012-13/races?gender=women&distance=500",
        "/api/v1/skaters?name=sang&format=csv",
        "/api/v1/world-records/history",
    ];

    public sealed record Outcome(string Path, HttpStatusCode Status, TimeSpan Started, TimeSpan Elapsed, string? RetryAfter, string? ContentType);

    public sealed record Write(int Index, HttpStatusCode Status, long? DataVersion);

    private readonly HttpClient _client;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly CancellationTokenSource _stop = new(TimeSpan.FromSeconds(60));
    private readonly ConcurrentQueue<Outcome> _outcomes = new();
    private readonly ConcurrentQueue<Write> _writes = new();
    private readonly int _raceId;
    private readonly JsonArray _skaters;
    private Task[] _workers = [];

    private OutageLoad(HttpClient client, int raceId, JsonArray skaters) => (_client, _raceId, _skaters) = (client, raceId, skaters);

    public TimeSpan Now => _clock.Elapsed;
    public IReadOnlyList<Outcome> Outcomes => [.. _outcomes];
    public IReadOnlyList<Write> Writes => [.. _writes];

    // Warms every path (a first request's JIT and query compilation is not what an outage test is about), then starts.
    public static async Task<OutageLoad> StartAsync(HttpClient client)
    {
        foreach (var path in Reads)
        {
            using var warmUp = await client.GetAsync(path);
            warmUp.StatusCode.ShouldBe(HttpStatusCode.OK);
        }
        var raceId = (int)(await client.GetFromJsonAsync<JsonNode>("/api/v1/seasons/2012-13/races?gender=women&distance=500"))!["items"]![2]!["id"]!;
        var skaters = new JsonArray([.. (await client.GetFromJsonAsync<JsonNode>($"/api/v1/races/{raceId}"))!["results"]!.AsArray()
            .Select(r => r!["competitor"]!.DeepClone())]);
        var load = new OutageLoad(client, raceId, skaters);
        (await load.PutAsync(0, CancellationToken.None)).StatusCode.ShouldBe(HttpStatusCode.OK);
        load._workers = [Task.Run(load.WriteAsync), .. Enumerable.Range(0, 4).Select(worker => Task.Run(() => load.ReadAsync(worker)))];
        return load;
    }

    public async Task StopAsync()
    {
        await _stop.CancelAsync();
        await Task.WhenAll(_workers);
    }

    // Polls until a read answers 200; the time it did.
    public async Task<TimeSpan> WaitUntilServingAsync(TimeSpan atMost)
    {
        var from = Now;
        while (Now - from < atMost)
        {
            using var response = await _client.GetAsync("/api/v1/seasons");
            if (response.StatusCode == HttpStatusCode.OK)
            {
                break;
            }
            await Task.Delay(50);
        }
        return Now;
    }

    // Each write answered 2xx is in the audit trail under the version it reported, and the race holds one whole list: the
    // last one answered 2xx, or a later one whose answer was lost with the connection. Some writes met the outage.
    public async Task<string> AssertNoAcknowledgedWriteLostAsync()
    {
        var writes = Writes;
        var answered = writes.Where(w => w.Status == HttpStatusCode.OK).ToList();
        var changes = (await _client.GetFromJsonAsync<JsonNode>("/api/v1/changes?limit=500"))!["items"]!.AsArray()
            .Where(c => (string?)c!["action"] == "replace-results").Select(c => (long)c!["dataVersion"]!).ToHashSet();
        var stored = (await _client.GetFromJsonAsync<JsonNode>($"/api/v1/races/{_raceId}"))!["results"]!.AsArray().Select(r => (string?)r!["time"]).ToList();
        var storedWrite = writes.Select(w => w.Index).Where(i => Times(i).SequenceEqual(stored)).ToList();
        writes.Where(w => w.Status != HttpStatusCode.OK).ShouldNotBeEmpty("no write met the outage");
        answered.Where(w => w.Index > writes.Where(x => x.Status != HttpStatusCode.OK).Max(x => x.Index)).ShouldNotBeEmpty("no write went through after the restart");
        answered.ShouldAllBe(w => w.DataVersion != null && changes.Contains(w.DataVersion.Value));
        storedWrite.ShouldHaveSingleItem().ShouldBeGreaterThanOrEqualTo(answered.Max(w => w.Index));
        return $"writes: {string.Join(", ", writes.GroupBy(w => w.Status).Select(g => $"{(int)g.Key}: {g.Count()}"))}; the race holds write {storedWrite.Single()}";
    }

    public string Summary()
    {
        var all = Outcomes;
        var failures = all.Where(o => o.Status != HttpStatusCode.OK).ToList();
        return $"{all.Count} requests: {string.Join(", ", all.GroupBy(o => o.Status).Select(g => $"{(int)g.Key}: {g.Count()}"))}; "
            + $"slowest failure {(failures.Count == 0 ? 0 : failures.Max(f => f.Elapsed.TotalMilliseconds)):F0} ms";
    }

    private async Task WriteAsync()
    {
        for (var i = 1; i <= 2000 && !_stop.IsCancellationRequested; i++)
        {
            var started = Now;
            try
            {
                using var response = await PutAsync(i, CancellationToken.None);
                Record("PUT results", started, response);
                _writes.Enqueue(new Write(i, response.StatusCode,
                    response.Headers.TryGetValues("X-Data-Version", out var version) ? long.Parse(version.Single(), CultureInfo.InvariantCulture) : null));
            }
            catch (TaskCanceledException)
            {
                _outcomes.Enqueue(new Outcome("PUT results", 0, started, Now - started, null, null));
            }
            await Task.Delay(50, CancellationToken.None);
        }
    }

    private async Task ReadAsync(int worker)
    {
        for (var i = 0; i < 2000 && !_stop.IsCancellationRequested; i++)
        {
            var path = Reads[(worker + i) % Reads.Length];
            var started = Now;
            try
            {
                using var response = await _client.GetAsync(path, CancellationToken.None);
                await response.Content.ReadAsByteArrayAsync(CancellationToken.None);
                Record(path, started, response);
            }
            catch (TaskCanceledException)
            {
                _outcomes.Enqueue(new Outcome(path, 0, started, Now - started, null, null));
            }
            await Task.Delay(10, CancellationToken.None);
        }
    }

    private void Record(string path, TimeSpan started, HttpResponseMessage response) => _outcomes.Enqueue(new Outcome(path, response.StatusCode, started,
        Now - started, response.Headers.RetryAfter?.ToString(), response.Content.Headers.ContentType?.MediaType));

    private async Task<HttpResponseMessage> PutAsync(int write, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/races/{_raceId}/results") { Content = JsonContent.Create(new { results = ResultList(write) }) };
        request.Headers.Add("X-Api-Key", ApiFactory.AdminKey);
        return await _client.SendAsync(request, cancellationToken);
    }

    // Write i: the race's first six skaters with times unique to i.
    private object[] ResultList(int i) => [.. _skaters.Take(6).Select((s, k) => new
    {
        division = "a",
        rank = k + 1,
        skater = new { name = (string?)s!["name"], nationality = (string?)s["nationality"], sourceRef = (string?)s["sourceRef"] },
        time = Time(i, k),
    })];

    private IEnumerable<string?> Times(int i) => Enumerable.Range(0, Math.Min(6, _skaters.Count)).Select(k => (string?)Time(i, k));

    private static string Time(int write, int place) => (38m + (write * 0.01m) + place).ToString("F2", CultureInfo.InvariantCulture);
}
