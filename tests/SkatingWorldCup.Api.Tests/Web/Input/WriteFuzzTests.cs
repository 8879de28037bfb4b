using System.Text;
using System.Text.Json;
using SkatingWorldCup.Api.Tests.Support;
using Xunit.Abstractions;

namespace SkatingWorldCup.Api.Tests.Web.Input;

// Hundreds of generated bad bodies and parameters against every write and read endpoint: none may answer 5xx, every
// error is problem+json, no write gets through, and the data is the same after as before.
public sealed class WriteFuzzTests(DatabaseFixture database, ITestOutputHelper output) : WriteTest(database)
{
    private const int Seed = 20261121;

    [Fact]
    public async Task Bad_bodies_and_parameters_never_answer_5xx_and_change_nothing()
    {
        var random = new Random(Seed);
        var bad = new BadInput(random);
        var (cal1, cal2) = (await RaceIdAsync("CAL1"), await RaceIdAsync("CAL2"));
        var before = await DumpAsync();
        List<FuzzRequest> requests = [.. Writes(bad, random, cal1, cal2), .. Reads(bad, random, cal1)];

        var failures = new List<string>();
        var statuses = new Dictionary<string, int>();
        foreach (var request in requests)
        {
            var (status, contentType, body) = await SendAsync(request);
            var bucket = $"{request.Method} {status}";
            statuses[bucket] = statuses.GetValueOrDefault(bucket) + 1;
            var isWrite = request.Method != HttpMethod.Get;
            if (status >= 500 || (isWrite && status < 400) || (status >= 400 && contentType != "application/problem+json"))
            {
                failures.Add($"{request.Method} {request.Url} key={request.Key is not null} → {status} {contentType}: {Shorten(body)}\n    body: {Shorten(request.Body ?? "")}");
            }
        }

        output.WriteLine($"{requests.Count} requests, {failures.Count} failures (seed {Seed}): {string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Key} ×{s.Value}"))}");
        requests.Count.ShouldBeGreaterThanOrEqualTo(500);
        failures.ShouldBeEmpty(string.Join("\n", failures.Take(20)));
        (await DumpAsync()).ShouldBe(before);
    }

    private IEnumerable<FuzzRequest> Writes(BadInput bad, Random random, int cal1, int cal2)
    {
        var bundled = JsonSerializer.Serialize(Bundled("2012-13"), Json);
        for (var i = 0; i < 150; i++)
        {
            yield return new(HttpMethod.Post, "/api/v1/imports", bad.Body(i % 15 == 0 ? bundled : SmallSeason), Key(random));
        }
        for (var i = 0; i < 110; i++)
        {
            var race = bad.Pick([$"{cal1}", $"{cal2}", $"{cal2}", "abc", "0", "-5", "99999999999", "%01", "1.5", "%EF%BC%91%EF%BC%92"]);
            yield return new(HttpMethod.Put, $"/api/v1/races/{race}/results", bad.Body(Results), Key(random));
        }
        // And systematically: every value of a race's result list, with every odd string or number the generator knows.
        foreach (var body in bad.Sweep(Results))
        {
            yield return new(HttpMethod.Put, $"/api/v1/races/{cal2}/results", body, Admin);
        }
        for (var i = 0; i < 90; i++)
        {
            var season = bad.Pick(["2012-13", "2012-13", "2011-12", "2099-00", "'%20OR%201%3D1--", "%01", "x"]);
            var number = bad.Pick(["1", "6", "10", "0", "100", "x", "99999999999", "-1"]);
            yield return new(HttpMethod.Put, $"/api/v1/seasons/{season}/occasions/{number}", bad.Body(Occasion), Key(random));
        }
        for (var i = 0; i < 60; i++)
        {
            yield return new(HttpMethod.Post, "/api/v1/keys", bad.Body(NewKey), Key(random));
        }
        foreach (var id in new[] { "1", "2", "0", "-1", "abc", "99999999999", "%01", "1;DROP%20TABLE%20api_keys" })
        {
            yield return new(HttpMethod.Delete, $"/api/v1/keys/{id}", null, Admin);
        }
    }

    private static IEnumerable<FuzzRequest> Reads(BadInput bad, Random random, int cal1)
    {
        for (var i = 0; i < 160; i++)
        {
            yield return new(HttpMethod.Get, bad.ReadUrl(cal1), null, random.Next(10) == 0 ? bad.Pick(["nonsense", Admin]) : null);
        }
        // And one odd value at a time in otherwise good reads, so the odd value reaches the query.
        foreach (var value in bad.ParameterSweep())
        {
            var name = value.Replace("%00", "%01", StringComparison.Ordinal);
            foreach (var url in new[]
            {
                $"/api/v1/skaters?name={value}", $"/api/v1/skaters?nationality={value}", $"/api/v1/seasons/{name}",
                $"/api/v1/seasons/2012-13/races?gender=women&distance=500&occasion={value}", $"/api/v1/world-records?gender=women&asOf={value}",
                $"/api/v1/changes?since={value}", $"/api/v1/seasons/2012-13/cups/{name}", $"/api/v1/seasons?limit={value}",
                $"/api/v1/seasons/2012-13/cups/{name}/standings", $"/api/v1/seasons/2012-13/standings?gender=women&distance={value}",
                $"/api/v1/seasons/2012-13/cups/women-500/standings?asOf={value}", $"/api/v1/seasons/2012-13/cups/women-500/standings?afterOccasion={value}&format={value}",
                $"/api/v1/seasons/2012-13/cups/{name}/medallists",
            })
            {
                yield return new(HttpMethod.Get, url, null, null);
            }
        }
    }

    private static string? Key(Random random) => random.Next(12) switch
    {
        0 => null,
        1 => "swc_not-a-real-key",
        _ => Admin,
    };

    private async Task<(int Status, string? ContentType, string Body)> SendAsync(FuzzRequest request)
    {
        using var message = new HttpRequestMessage(request.Method, request.Url);
        if (request.Body is not null)
        {
            message.Content = new StringContent(request.Body, Encoding.UTF8, "application/json");
        }
        if (request.Key is not null)
        {
            message.Headers.TryAddWithoutValidation("X-Api-Key", request.Key);
        }
        using var response = await Client.SendAsync(message);
        return ((int)response.StatusCode, response.Content.Headers.ContentType?.MediaType, await response.Content.ReadAsStringAsync());
    }

    private static string Shorten(string text) => text.Length > 300 ? text[..300] + "…" : text;

    private sealed record FuzzRequest(HttpMethod Method, string Url, string? Body, string? Key);

    private const string SmallSeason = """
        {"season": "2012-13", "name": "2012–13 ISU Speed Skating World Cup", "officialName": "Essent ISU World Cup Speed Skating 2012–2013",
         "startDate": "2012-11-16", "endDate": "2013-03-10", "pointsScheme": "isu-2012", "tieBreak": "none",
         "occasions": [{"number": 1, "city": "Heerenveen", "cityCode": "HVN", "country": "NED", "venue": "Thialf", "startDate": "2012-11-16",
           "endDate": "2012-11-18", "isFinal": false, "races": [{"gender": "women", "distance": "500", "order": 1, "date": "2012-11-16",
             "results": [{"division": "a", "rank": 1, "skater": {"name": "Lee Sang-hwa", "nationality": "KOR"}, "time": "37.85", "points": 100, "status": "finished"},
                         {"skater": {"sourceRef": "row 9", "nationality": "JPN"}, "points": 16}]},
             {"gender": "men", "distance": "team-pursuit", "order": 1, "results": [{"nation": "NED", "rank": 1, "time": "3:41.01"}]}]}],
         "championships": [{"name": "2013 European Speed Skating Championships", "city": "Heerenveen", "venue": "Thialf", "country": "NED",
           "startDate": "2013-01-11", "endDate": "2013-01-13", "afterOccasion": 5}],
         "worldRecords": [{"gender": "men", "distance": "500", "time": "34.03", "skaters": [{"name": "Jeremy Wotherspoon", "nationality": "CAN"}],
           "date": "2007-11-09", "venue": "Utah Olympic Oval", "city": "Salt Lake City"}],
         "publishedStandings": [{"cup": "men-500", "rows": [{"rank": 1, "skater": {"name": "Jan Smeekens", "nationality": "NED"}, "points": 1130}]}],
         "cups": [{"gender": "men", "distances": ["500"]}]}
        """;

    private const string Results = """
        {"results": [{"division": "a", "rank": 1, "skater": {"name": "Lee Sang-hwa", "nationality": "KOR"}, "time": "36.80", "status": "finished"},
                     {"division": "b", "rank": 1, "skater": {"sourceRef": "row 9", "nationality": "JPN"}, "time": "38.80", "points": 25},
                     {"skater": {"name": "Jenny Wolf", "nationality": "GER"}, "status": "dnf"}]}
        """;

    private const string Occasion = """
        {"city": "Calgary", "cityCode": "CAL", "country": "CAN", "venue": "Olympic Oval", "startDate": "2013-01-19", "endDate": "2013-01-20", "isFinal": false,
         "races": [{"gender": "women", "distance": "500", "order": 1, "date": "2013-01-19",
           "results": [{"division": "a", "rank": 1, "skater": {"name": "Lee Sang-hwa", "nationality": "KOR"}, "time": "36.99"}]},
           {"gender": "men", "distance": "1000", "order": 1, "date": "2013-01-20"}]}
        """;

    private const string NewKey = """{"name": "fuzz-desk", "scope": "write"}""";
}
