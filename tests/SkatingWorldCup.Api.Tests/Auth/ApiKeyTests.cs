using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SkatingWorldCup.Api.Tests.Support;

namespace SkatingWorldCup.Api.Tests.Auth;

public sealed class ApiKeyTests(DatabaseFixture database) : WriteTest(database)
{
    private static readonly object s_noResults = new { results = Array.Empty<object>() };

    [Fact]
    public async Task A_write_without_a_key_is_401_problem_json_with_WWW_Authenticate()
    {
        var before = await DumpAsync();
        using var response = await SendAsync(HttpMethod.Put, $"/api/v1/races/{await RaceIdAsync("CAL2")}/results", s_noResults, key: null);

        var problem = await ProblemAsync(response, 401);
        response.Headers.WwwAuthenticate.ToString().ShouldBe("ApiKey header=\"X-Api-Key\"");
        problem["detail"]!.GetValue<string>().ShouldContain("X-Api-Key");
        (await DumpAsync()).ShouldBe(before);
    }

    [Theory]
    [InlineData("not-a-key")]
    [InlineData("swc_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public async Task A_wrong_key_is_401(string key)
    {
        using var response = await SendAsync(HttpMethod.Post, "/api/v1/imports", "{}", key: key);

        var problem = await ProblemAsync(response, 401);
        problem["detail"]!.GetValue<string>().ShouldContain("unknown or revoked");
        response.Headers.WwwAuthenticate.ShouldNotBeEmpty();
    }

    [Fact]
    public async Task A_read_key_is_403_a_write_key_writes_and_a_revoked_key_is_401()
    {
        var reader = await CreateKeyAsync("dashboard", "read");
        var writer = await CreateKeyAsync("results-desk", "write");
        var raceId = await RaceIdAsync("CAL2");

        using (var response = await SendAsync(HttpMethod.Put, $"/api/v1/races/{raceId}/results", s_noResults, key: reader))
        {
            (await ProblemAsync(response, 403))["detail"]!.GetValue<string>().ShouldContain("'write'");
        }
        using (var response = await SendAsync(HttpMethod.Put, $"/api/v1/races/{raceId}/results", s_noResults, key: writer))
        {
            response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        }
        // A write key is not an admin key.
        using (var response = await SendAsync(HttpMethod.Get, "/api/v1/keys", key: writer))
        {
            await ProblemAsync(response, 403);
        }

        var keys = await GetKeysAsync();
        var id = keys.Single(k => k.GetProperty("name").GetString() == "results-desk").GetProperty("id").GetInt32();
        using (var revoke = await SendAsync(HttpMethod.Delete, $"/api/v1/keys/{id}"))
        {
            revoke.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        }
        using (var response = await SendAsync(HttpMethod.Put, $"/api/v1/races/{raceId}/results", s_noResults, key: writer))
        {
            await ProblemAsync(response, 401);
        }
    }

    [Fact]
    public async Task Reads_stay_anonymous()
    {
        using var response = await SendAsync(HttpMethod.Get, $"/api/v1/races/{await RaceIdAsync("CAL2")}", key: null);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Headers.ETag.ShouldNotBeNull();
        response.Headers.GetValues("X-Data-Version").Single().ShouldNotBeEmpty();
    }

    [Fact]
    public async Task Keys_are_kept_hashed_and_listed_without_the_key()
    {
        var key = await CreateKeyAsync("results-desk", "write");

        await using (var db = CreateContext())
        {
            var stored = await db.ApiKeys.SingleAsync(k => k.Name == "results-desk");
            stored.Hash.ShouldBe(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
        }
        (await DumpAsync()).ShouldNotContain(key);
        var listed = (await GetKeysAsync()).Single(k => k.GetProperty("name").GetString() == "results-desk");
        listed.GetProperty("scope").GetString().ShouldBe("write");
        listed.TryGetProperty("key", out _).ShouldBeFalse();
        key.ShouldStartWith(listed.GetProperty("prefix").GetString()!);
    }

    [Fact]
    public async Task A_second_active_key_of_the_same_name_is_409_and_a_bad_request_is_400()
    {
        await CreateKeyAsync("results-desk", "write");

        using (var again = await SendAsync(HttpMethod.Post, "/api/v1/keys", new { name = "results-desk", scope = "read" }))
        {
            await ProblemAsync(again, 409);
        }
        using var bad = await SendAsync(HttpMethod.Post, "/api/v1/keys", new { name = "bootstrap", scope = "root" });
        var errors = Errors(await ProblemAsync(bad, 400));
        errors.Keys.ShouldBe(["name", "scope"], ignoreOrder: true);
    }

    [Fact]
    public async Task Writes_are_audited_with_the_key_name()
    {
        var key = await CreateKeyAsync("results-desk", "write");
        using (var response = await SendAsync(HttpMethod.Put, $"/api/v1/races/{await RaceIdAsync("CAL2")}/results", s_noResults, key: key))
        {
            response.EnsureSuccessStatusCode();
        }

        var changes = (await GetJsonAsync("/api/v1/changes")).GetProperty("items").EnumerateArray().ToList();
        changes.Select(c => (c.GetProperty("key").GetString(), c.GetProperty("action").GetString())).ShouldBe(
        [
            ("bundled", "import"), ("bundled", "import"), ("bootstrap", "create-key"), ("results-desk", "replace-results"),
        ]);
    }

    private async Task<List<JsonElement>> GetKeysAsync()
    {
        using var response = await SendAsync(HttpMethod.Get, "/api/v1/keys");
        response.EnsureSuccessStatusCode();
        return [.. (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("items").EnumerateArray()];
    }
}
