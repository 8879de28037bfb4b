using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc.Testing;
using SkatingWorldCup.Api.Auth;
using SkatingWorldCup.Api.Domain;
using SkatingWorldCup.Api.Tests.Support;

namespace SkatingWorldCup.Api.Tests.Web;

public sealed class RateLimitTests(DatabaseFixture database) : ApiTest(database)
{
    private WebApplicationFactory<Program> WithLimits(int anonymous, int key) => Database.Api.WithWebHostBuilder(b => b
        .UseSetting("RateLimits:AnonymousPerMinute", $"{anonymous}")
        .UseSetting("RateLimits:KeyPerMinute", $"{key}"));

    private static string Header(HttpResponseMessage response, string name) => response.Headers.GetValues(name).Single();

    private static async Task<HttpResponseMessage> GetAsync(HttpClient client, string path, string? key = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (key is not null)
        {
            request.Headers.Add("X-Api-Key", key);
        }
        return await client.SendAsync(request);
    }

    // Windows are clock minutes: start a test that counts on one window early enough in it.
    private static async Task AwayFromTheMinutesEndAsync()
    {
        var left = 60 - DateTimeOffset.UtcNow.ToUnixTimeSeconds() % 60;
        if (left < 10)
        {
            await Task.Delay(TimeSpan.FromSeconds(left + 0.2));
        }
    }

    [Fact]
    public async Task Over_the_anonymous_limit_is_a_429_problem_with_retry_after_and_the_ratelimit_headers()
    {
        await using var api = WithLimits(anonymous: 3, key: 5);
        using var client = api.CreateClient();
        await AwayFromTheMinutesEndAsync();

        var remaining = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            using var ok = await GetAsync(client, "/api/v1/seasons");
            ok.StatusCode.ShouldBe(HttpStatusCode.OK);
            Header(ok, "RateLimit-Limit").ShouldBe("3");
            remaining.Add(Header(ok, "RateLimit-Remaining"));
        }
        using var refused = await GetAsync(client, "/api/v1/seasons");
        var problem = JsonNode.Parse(await refused.Content.ReadAsStringAsync())!;

        remaining.ShouldBe(["2", "1", "0"]);
        refused.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        refused.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        ((int)problem["status"]!).ShouldBe(429);
        ((string?)problem["detail"]).ShouldNotBeNull().ShouldContain("3 API requests a minute");
        ((string?)problem["traceId"]).ShouldNotBeNullOrEmpty();
        Header(refused, "RateLimit-Limit").ShouldBe("3");
        Header(refused, "RateLimit-Remaining").ShouldBe("0");
        var reset = int.Parse(Header(refused, "RateLimit-Reset"), System.Globalization.CultureInfo.InvariantCulture);
        reset.ShouldBeInRange(1, 60);
        refused.Headers.RetryAfter!.Delta.ShouldBe(TimeSpan.FromSeconds(reset));
    }

    [Fact]
    public async Task Each_key_is_counted_apart_with_more_room_guessed_keys_count_as_anonymous_and_health_probes_are_not_counted()
    {
        string readKey;
        await using (var db = CreateContext())
        {
            readKey = (await ApiKeys.CreateAsync(db, "rate-limit-reader", ApiKeyScope.Read, "test", CancellationToken.None))!.Secret;
        }
        await using var api = WithLimits(anonymous: 1, key: 4);
        using var client = api.CreateClient();
        await AwayFromTheMinutesEndAsync();

        (await GetAsync(client, "/api/v1/seasons")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await GetAsync(client, "/api/v1/seasons")).StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        using var guessed = await GetAsync(client, "/api/v1/seasons", key: "not-a-key-anyone-was-given");
        var keyed = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            keyed.Add((await GetAsync(client, "/api/v1/seasons", key: readKey)).StatusCode);
        }
        using var otherKey = await GetAsync(client, "/api/v1/seasons", key: ApiFactory.AdminKey);
        using var health = await GetAsync(client, "/health/ready");

        guessed.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        keyed.ShouldBe([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests]);
        otherKey.StatusCode.ShouldBe(HttpStatusCode.OK);
        Header(otherKey, "RateLimit-Limit").ShouldBe("4");
        Header(otherKey, "RateLimit-Remaining").ShouldBe("3");
        health.StatusCode.ShouldBe(HttpStatusCode.OK);
        health.Headers.Contains("RateLimit-Limit").ShouldBeFalse();
    }

    [Fact]
    public async Task The_limits_can_be_switched_off()
    {
        await using var api = Database.Api.WithWebHostBuilder(b => b.UseSetting("RateLimits:Enabled", "false").UseSetting("RateLimits:AnonymousPerMinute", "1"));
        using var client = api.CreateClient();

        for (var i = 0; i < 3; i++)
        {
            using var response = await GetAsync(client, "/api/v1/seasons");
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            response.Headers.Contains("RateLimit-Limit").ShouldBeFalse();
        }
    }
}
