using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SkatingWorldCup.Api.Tests.Support;

namespace SkatingWorldCup.Api.Tests.Web.Caching;

// Every read has an ETag made of the data version, so a repeated GET is a 304 until a write changes the data.
public sealed class ConditionalGetTests(DatabaseFixture database) : WriteTest(database)
{
    private const string Standings = "/api/v1/seasons/2012-13/standings?gender=women&distance=500";

    private async Task<HttpResponseMessage> GetAsync(string url, string? ifNoneMatch = null, string? accept = null, HttpClient? client = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (ifNoneMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-None-Match", ifNoneMatch);
        }
        if (accept is not null)
        {
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(accept));
        }
        return await (client ?? Client).SendAsync(request);
    }

    [Theory]
    [InlineData(Standings)]
    [InlineData("/api/v1/seasons")]
    [InlineData("/api/v1/seasons/2012-13/races?gender=women&distance=500&format=csv")]
    [InlineData("/api/v1/skaters?name=sang")]
    [InlineData("/api/v1/world-records")]
    [InlineData("/api/v1/changes")]
    public async Task A_repeated_GET_with_the_ETag_is_a_304_without_a_body(string url)
    {
        using var first = await GetAsync(url);
        var etag = first.Headers.ETag!;

        using var again = await GetAsync(url, ifNoneMatch: etag.ToString());

        first.StatusCode.ShouldBe(HttpStatusCode.OK);
        etag.IsWeak.ShouldBeTrue();
        etag.Tag.ShouldStartWith($"\"{first.Headers.GetValues("X-Data-Version").Single()}-");
        first.Headers.CacheControl!.ToString().ShouldBe("public, max-age=10");
        first.Headers.Vary.ShouldContain("Accept");
        again.StatusCode.ShouldBe(HttpStatusCode.NotModified);
        again.Headers.ETag.ShouldBe(etag);
        again.Headers.CacheControl!.ToString().ShouldBe("public, max-age=10");
        (await again.Content.ReadAsByteArrayAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task The_304_is_answered_from_the_data_version_alone_before_any_controller_runs()
    {
        var logs = new CapturedLogs();
        await using var api = Database.Api.WithWebHostBuilder(b => b
            .UseSetting("Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Command", "Information")
            .ConfigureServices(s => s.AddSingleton<ILoggerProvider>(logs)));
        using var client = api.CreateClient();
        using var first = await GetAsync(Standings, client: client);
        var commandsForTheBody = Commands(logs).Count;

        using var again = await GetAsync(Standings, ifNoneMatch: first.Headers.ETag!.ToString(), client: client);

        again.StatusCode.ShouldBe(HttpStatusCode.NotModified);
        commandsForTheBody.ShouldBeGreaterThan(2);
        Commands(logs).Skip(commandsForTheBody).ShouldHaveSingleItem().ShouldContain("FROM data_version");
    }

    [Fact]
    public async Task A_write_gives_every_read_a_fresh_ETag()
    {
        var raceId = await RaceIdAsync("CAL2");
        using var before = await GetAsync(Standings);
        using var raceBefore = await GetAsync($"/api/v1/races/{raceId}");
        var results = BundledResults(6, 2).Take(5).Select((r, i) => new { division = "a", rank = i + 1, skater = r.Skater, time = $"37.{10 + i}" });

        using var write = await PutResultsAsync(raceId, results, ifMatch: raceBefore.Headers.ETag!.ToString());
        using var after = await GetAsync(Standings, ifNoneMatch: before.Headers.ETag!.ToString());
        using var afterAgain = await GetAsync(Standings, ifNoneMatch: after.Headers.ETag!.ToString());

        write.StatusCode.ShouldBe(HttpStatusCode.OK, await write.Content.ReadAsStringAsync());
        after.StatusCode.ShouldBe(HttpStatusCode.OK);
        after.Headers.ETag.ShouldNotBe(before.Headers.ETag);
        long.Parse(after.Headers.GetValues("X-Data-Version").Single()).ShouldBe(long.Parse(before.Headers.GetValues("X-Data-Version").Single()) + 1);
        (await after.Content.ReadAsStringAsync()).ShouldContain("\"points\"");
        afterAgain.StatusCode.ShouldBe(HttpStatusCode.NotModified);
    }

    [Fact]
    public async Task Json_and_csv_of_one_resource_have_different_ETags()
    {
        using var json = await GetAsync(Standings);
        using var csv = await GetAsync(Standings, accept: "text/csv");
        using var csvWithJsonTag = await GetAsync(Standings, ifNoneMatch: json.Headers.ETag!.ToString(), accept: "text/csv");

        csv.Headers.ETag.ShouldNotBe(json.Headers.ETag);
        csvWithJsonTag.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_race_keeps_its_own_ETag_the_one_If_Match_takes_and_answers_304_to_it()
    {
        var raceId = await RaceIdAsync("CAL2");
        using var race = await GetAsync($"/api/v1/races/{raceId}");
        using var again = await GetAsync($"/api/v1/races/{raceId}", ifNoneMatch: race.Headers.ETag!.ToString());

        race.Headers.ETag!.Tag.ShouldStartWith($"\"race-{raceId}-");
        race.Headers.CacheControl!.ToString().ShouldBe("public, max-age=10");
        again.StatusCode.ShouldBe(HttpStatusCode.NotModified);
    }

    [Fact]
    public async Task Errors_have_no_ETag_and_keyed_reads_are_not_for_shared_caches()
    {
        using var missing = await GetAsync("/api/v1/seasons/1999-00");
        using var keys = await SendAsync(HttpMethod.Get, "/api/v1/keys");

        missing.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        missing.Headers.ETag.ShouldBeNull();
        keys.StatusCode.ShouldBe(HttpStatusCode.OK);
        (keys.Headers.CacheControl!.Private, keys.Headers.CacheControl.NoCache, keys.Headers.CacheControl.Public).ShouldBe((true, true, false));
        keys.Headers.Vary.ShouldContain("X-Api-Key");
    }

    private static List<string> Commands(CapturedLogs logs) =>
        [.. logs.Entries.Where(e => e.Category == "Microsoft.EntityFrameworkCore.Database.Command" && e.Message.StartsWith("Executed DbCommand", StringComparison.Ordinal)).Select(e => e.Message)];
}
