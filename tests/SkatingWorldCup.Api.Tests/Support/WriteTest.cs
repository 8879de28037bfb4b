using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Npgsql;
using SkatingWorldCup.Api.Tests.Features.Imports;
using SkatingWorldCup.Api.Writes.Documents;

namespace SkatingWorldCup.Api.Tests.Support;

// Helpers of the write tests: keys, requests with X-Api-Key and If-Match, and a dump of every table to prove that a
// refused write changed nothing.
public abstract class WriteTest(DatabaseFixture database) : ApiTest(database)
{
    protected const string Admin = ApiFactory.AdminKey;

    protected static JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web);

    protected static SeasonDocument Bundled(string season) => BundledSeasons.Load().Single(s => s.Name == season).Document;

    // The results of a bundled race, by its weekend number and order (women's 500 m is the only event with results).
    protected static List<ResultDocument> BundledResults(int occasion, int order) => Bundled("2012-13").Occasions!.Single(o => o.Number == occasion)
        .Races!.Single(r => r.Gender == "women" && r.Distance == "500" && r.Order == order).Results!;

    protected async Task<HttpResponseMessage> SendAsync(HttpMethod method, string url, object? body = null, string? key = Admin, string? ifMatch = null)
    {
        using var request = new HttpRequestMessage(method, url);
        if (body is not null)
        {
            request.Content = body switch
            {
                string raw => new StringContent(raw, Encoding.UTF8, "application/json"),
                StringContentBody raw => new StringContent(raw.Text, Encoding.UTF8, "application/json"),
                _ => JsonContent.Create(body, body.GetType(), options: Json),
            };
        }
        if (key is not null)
        {
            request.Headers.TryAddWithoutValidation("X-Api-Key", key);
        }
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }
        return await Client.SendAsync(request);
    }

    protected Task<HttpResponseMessage> PutResultsAsync(int raceId, IEnumerable<object> results, string? key = Admin, string? ifMatch = null) =>
        SendAsync(HttpMethod.Put, $"/api/v1/races/{raceId}/results", new { results }, key, ifMatch);

    protected async Task<string> CreateKeyAsync(string name, string scope)
    {
        using var response = await SendAsync(HttpMethod.Post, "/api/v1/keys", new { name, scope });
        response.StatusCode.ShouldBe(System.Net.HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("key").GetString()!;
    }

    protected async Task<int> RaceIdAsync(string code)
    {
        var races = await GetJsonAsync("/api/v1/seasons/2012-13/races?gender=women&distance=500");
        return races.GetProperty("items").EnumerateArray().Single(r => r.GetProperty("code").GetString() == code).GetProperty("id").GetInt32();
    }

    // Asserts the answer is problem+json with that status, and returns its body.
    protected static async Task<JsonObject> ProblemAsync(HttpResponseMessage response, int status)
    {
        var text = await response.Content.ReadAsStringAsync();
        ((int)response.StatusCode).ShouldBe(status, text);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json", text);
        var problem = JsonNode.Parse(text)!.AsObject();
        problem["status"]!.GetValue<int>().ShouldBe(status);
        problem["traceId"].ShouldNotBeNull();
        return problem;
    }

    protected static Dictionary<string, string[]> Errors(JsonObject problem) =>
        problem["errors"]!.AsObject().ToDictionary(e => e.Key, e => e.Value!.AsArray().Select(m => m!.GetValue<string>()).ToArray());

    // Every row of every table, sorted, as text: equal dumps mean no write happened (sequences aside).
    protected async Task<string> DumpAsync()
    {
        await using var connection = new NpgsqlConnection(Database.ConnectionString);
        await connection.OpenAsync();
        var tables = await PublicTables.ListAsync(connection);
        var dump = new StringBuilder();
        foreach (var table in tables)
        {
            await using var rows = new NpgsqlCommand($"SELECT coalesce(string_agg(t::text, E'\\n' ORDER BY t::text), '') FROM \"{table}\" t", connection);
            dump.Append("-- ").AppendLine(table).AppendLine((string)(await rows.ExecuteScalarAsync())!);
        }
        return dump.ToString();
    }
}
