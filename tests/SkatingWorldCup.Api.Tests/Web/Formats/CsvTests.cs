using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using SkatingWorldCup.Api.Tests.Support;

namespace SkatingWorldCup.Api.Tests.Web.Formats;

// CSV beside JSON for races, results, world records and skaters: the same rows under the same filters, read back with CsvHelper.
public sealed class CsvTests(DatabaseFixture database) : ApiTest(database)
{
    private async Task<(HttpResponseMessage Response, string Body)> GetAsync(string url, string? accept = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (accept is not null)
        {
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(accept));
        }
        var response = await Client.SendAsync(request);
        return (response, await response.Content.ReadAsStringAsync());
    }

    // Rows as dictionaries by header name: what a spreadsheet or a script would make of the file.
    private async Task<List<Dictionary<string, string>>> GetCsvAsync(string url, string? accept = null, string? fileName = null)
    {
        var (response, body) = await GetAsync(url, accept);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, body);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        response.Content.Headers.ContentType.CharSet.ShouldBe("utf-8");
        if (fileName is not null)
        {
            response.Content.Headers.ContentDisposition!.FileName.ShouldBe(fileName);
        }
        return CsvRows.ByHeader(body);
    }

    [Theory]
    [InlineData("/api/v1/seasons/2012-13/races?gender=women&distance=500", "2012-13-races.csv")]
    [InlineData("/api/v1/seasons/2011-12/races?occasion=2&limit=5&offset=3", "2011-12-races.csv")]
    [InlineData("/api/v1/world-records?gender=women&asOf=2012-12-01", "world-records.csv")]
    [InlineData("/api/v1/world-records/history?distance=500", "world-records-history.csv")]
    [InlineData("/api/v1/skaters?nationality=NOR", "skaters.csv")]
    public async Task Lists_answer_csv_with_the_rows_json_gives_under_the_same_filters(string url, string fileName)
    {
        var json = (await GetNodeAsync(url))["items"]!.AsArray().Select(i => (string)i!["id"]!.ToString()).ToList();

        var byQuery = await GetCsvAsync($"{url}&format=csv", fileName: fileName);
        var byAccept = await GetCsvAsync(url, accept: "text/csv");

        json.ShouldNotBeEmpty();
        byQuery.Select(r => r["id"]).ShouldBe(json);
        byAccept.Select(r => r["id"]).ShouldBe(json);
    }

    [Fact]
    public async Task Races_in_csv_carry_their_code_cup_and_podium()
    {
        var rows = await GetCsvAsync("/api/v1/seasons/2012-13/races?gender=women&distance=500&format=csv");

        rows.Count.ShouldBe(12);
        rows[0]["code"].ShouldBe("HVN1");
        rows[0]["cupId"].ShouldBe("women-500");
        rows[0]["gender"].ShouldBe("women");
        rows[0]["distance"].ShouldBe("500");
        rows[0]["date"].ShouldBe("2012-11-16");
        rows[0]["hasResults"].ShouldBe("true");
        (rows[0]["gold"], rows[0]["goldNationality"], rows[0]["goldTime"]).ShouldBe(("Lee Sang-hwa", "KOR", "37.85"));
    }

    [Fact]
    public async Task A_race_in_csv_has_a_row_per_result_with_division_rank_time_and_points()
    {
        var race = (await GetNodeAsync("/api/v1/seasons/2012-13/races?gender=women&distance=500"))["items"]![0]!;
        var id = (int)race["id"]!;
        var results = (await GetNodeAsync($"/api/v1/races/{id}"))["results"]!.AsArray();

        var rows = await GetCsvAsync($"/api/v1/races/{id}?format=csv", fileName: $"race-{id}.csv");

        rows.Count.ShouldBe(results.Count);
        rows.ShouldAllBe(r => r["raceId"] == $"{id}" && r["code"] == "HVN1");
        (rows[0]["division"], rows[0]["rank"], rows[0]["name"], rows[0]["time"], rows[0]["seconds"], rows[0]["status"], rows[0]["points"])
            .ShouldBe(("a", "1", "Lee Sang-hwa", "37.85", "37.85", "finished", "100"));
        rows.Select(r => r["name"]).ShouldBe(results.Select(r => (string?)r!["competitor"]!["name"] ?? ""));
    }

    [Fact]
    public async Task World_records_in_csv_name_their_holders_and_a_teams_nation()
    {
        var rows = await GetCsvAsync("/api/v1/world-records?asOf=2013-03-10&format=csv");

        var pursuit = rows.Single(r => r["gender"] == "men" && r["distance"] == "team-pursuit");
        pursuit["nationality"].ShouldBe("NED");
        pursuit["holders"].Split("; ").Length.ShouldBeGreaterThanOrEqualTo(3);
        var sprint = rows.Single(r => r["gender"] == "women" && r["distance"] == "500");
        (sprint["holders"], sprint["nationality"]).ShouldBe(("Lee Sang-hwa", "KOR"));
    }

    [Fact]
    public async Task Names_with_commas_quotes_and_non_ascii_letters_round_trip()
    {
        await using (var db = CreateContext())
        {
            await db.Competitors.Where(c => c.Name == "Jin Peiyu").ExecuteUpdateAsync(s => s.SetProperty(c => c.Name, "Jin, Peiyu \"Jade\""));
        }

        var (_, body) = await GetAsync("/api/v1/skaters?limit=500&format=csv");
        var rows = await GetCsvAsync("/api/v1/skaters?limit=500&format=csv");

        body.ShouldContain("\"Jin, Peiyu \"\"Jade\"\"\",CHN");
        rows.Select(r => r["name"]).ShouldContain("Håvard Bøkko");
        rows.Select(r => r["name"]).ShouldContain("Lee Sang-hwa");
        rows.Select(r => r["name"]).ShouldContain("Jin, Peiyu \"Jade\"");
        rows.Single(r => r["name"] == "Håvard Bøkko")["nationality"].ShouldBe("NOR");
        var json = (await GetNodeAsync("/api/v1/skaters?limit=500"))["items"]!.AsArray();
        rows.Select(r => r["name"]).ShouldBe(json.Select(s => (string?)s!["name"] ?? ""));
    }

    [Theory]
    [InlineData("seasons/2012-13/races?format=xml")]
    [InlineData("races/1?format=xml")]
    [InlineData("world-records?format=xml")]
    [InlineData("world-records/history?format=xml")]
    [InlineData("skaters?format=xml")]
    public async Task An_unknown_format_is_a_400_naming_format(string path)
    {
        var (response, body) = await GetAsync($"/api/v1/{path}");

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, body);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        JsonNode.Parse(body)!["errors"]!.AsObject().Select(e => e.Key).ShouldBe(["format"]);
    }
}
