using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using SkatingWorldCup.Api.Tests.Support;

namespace SkatingWorldCup.Api.Tests.Features.Standings;

// The standings' CSV form and their problem answers.
public sealed class StandingsCsvAndProblemTests(DatabaseFixture database) : ApiTest(database)
{
    private const string Header = "rank,tied,competitorType,competitorId,name,nationality,points";

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

    [Theory]
    [InlineData("/api/v1/seasons/2012-13/cups/women-500/standings?format=csv", null)]
    [InlineData("/api/v1/seasons/2012-13/cups/women-500/standings", "text/csv")]
    [InlineData("/api/v1/seasons/2012-13/standings?gender=women&distance=500&format=csv", null)]
    public async Task Standings_answer_as_csv_with_one_row_per_competitor_and_a_column_per_race(string url, string? accept)
    {
        var (response, body) = await GetAsync(url, accept);

        response.StatusCode.ShouldBe(HttpStatusCode.OK, body);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        response.Content.Headers.ContentDisposition!.FileName.ShouldBe("2012-13-women-500-standings.csv");
        body.ShouldStartWith($"{Header},{string.Join(',', WomensSprintPage.Codes)}\r\n");
        var rows = CsvRows.Records(body);
        rows.Count.ShouldBe(1 + 47);
        rows[1][..7].ShouldBe(["1", "false", "skater", rows[1][3], "Lee Sang-hwa", "KOR", "1055"]);
        rows[1][7..].ShouldBe(["100", "100", "100", "100", "100", "100", "100", "100", "", "", "105", "150"]); // empty: did not start
        var row19 = WomensSprintPage.Standings()[18];
        rows.Single(r => r[6] == "150")[7..].ShouldBe(row19.Cells.Select(c => c?.ToString(CultureInfo.InvariantCulture) ?? "")); // 0 stays 0
        rows.Where(r => r[6] == "274").ShouldAllBe(r => r[0] == "13" && r[1] == "true");
    }

    [Fact]
    public async Task Csv_keeps_commas_quotes_and_non_ascii_names_intact()
    {
        await using (var db = CreateContext())
        {
            await db.Competitors.Where(c => c.Name == "Bart Swings").ExecuteUpdateAsync(s => s.SetProperty(c => c.Name, "Swings, Bart \"the\" Belgian"));
        }

        var (response, body) = await GetAsync("/api/v1/seasons/2012-13/cups/men-1500/standings?format=csv");

        response.Content.Headers.ContentType!.CharSet.ShouldBe("utf-8");
        body.ShouldContain("\"Swings, Bart \"\"the\"\" Belgian\"");
        var rows = CsvRows.Records(body);
        rows[0].ShouldBe([.. Header.Split(','), "HVN1", "KOL", "AST", "INZ", "ERF", "HVN2"]);
        rows.Skip(1).Select(r => (r[0], r[4], r[5], r[6])).ShouldBe([
            ("1", "Zbigniew Bródka", "POL", "460"),
            ("2", "Swings, Bart \"the\" Belgian", "BEL", "336"),
            ("3", "Håvard Bøkko", "NOR", "329"),
        ]);
        rows[1][7..].ShouldAllBe(cell => cell == ""); // published rows have no race points
    }

    [Fact]
    public async Task Team_cups_in_csv_are_nations()
    {
        var (_, body) = await GetAsync("/api/v1/seasons/2011-12/standings?gender=men&distance=team-pursuit&format=csv");

        CsvRows.Records(body)[1][..7].ShouldBe(["1", "false", "nation", CsvRows.Records(body)[1][3], "Netherlands", "NED", "374"]);
    }

    [Theory]
    [InlineData("/api/v1/seasons/1999-00/cups/women-500/standings", "1999-00")]
    [InlineData("/api/v1/seasons/1999-00/standings?gender=women&distance=500", "1999-00")]
    [InlineData("/api/v1/seasons/2012-13/cups/women-10000/standings", "no cup 'women-10000'")]
    [InlineData("/api/v1/seasons/2012-13/cups/women-10000/medallists", "no cup 'women-10000'")]
    [InlineData("/api/v1/seasons/1999-00/cups/women-500/medallists", "1999-00")]
    [InlineData("/api/v1/seasons/2012-13/standings?gender=women&distance=10000", "women do not skate the 10000 m")]
    [InlineData("/api/v1/seasons/2012-13/standings?gender=men&distance=3000", "men do not skate the 3000 m")]
    [InlineData("/api/v1/seasons/2012-13/standings?gender=men&distance=team-sprint", "demonstration event")]
    public async Task Unknown_seasons_cups_and_distances_without_a_cup_are_404_problems(string url, string detail)
    {
        var (response, body) = await GetAsync(url);

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound, body);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var problem = JsonNode.Parse(body)!;
        ((int)problem["status"]!).ShouldBe(404);
        ((string?)problem["detail"]).ShouldNotBeNull().ShouldContain(detail);
        ((string?)problem["traceId"]).ShouldNotBeNullOrEmpty();
    }

    [Theory]
    [InlineData("cups/women-500/standings?afterOccasion=0", "afterOccasion")]
    [InlineData("cups/women-500/standings?afterOccasion=abc", "afterOccasion")]
    [InlineData("cups/women-500/standings?asOf=notadate", "asOf")]
    [InlineData("cups/women-500/standings?asOf=2013-02-30", "asOf")]
    [InlineData("cups/women-500/standings?include=xyz", "include")]
    [InlineData("cups/women-500/standings?format=xml", "format")]
    [InlineData("standings?gender=xyz&distance=500", "gender")]
    [InlineData("standings?gender=women&distance=400", "distance")]
    [InlineData("standings?distance=500", "gender")]
    [InlineData("standings?gender=women", "distance")]
    [InlineData("standings?gender=women&distance=500&afterOccasion=-1", "afterOccasion")]
    public async Task Bad_parameters_are_400_problems_naming_the_parameter(string path, string parameter)
    {
        var (response, body) = await GetAsync($"/api/v1/seasons/2012-13/{path}", accept: "text/csv");

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, body);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        JsonNode.Parse(body)!["errors"]!.AsObject().Select(e => e.Key).ShouldBe([parameter]);
    }

    [Fact]
    public async Task Standings_before_the_end_of_a_cup_known_only_from_its_published_podium_are_empty_and_say_why()
    {
        var (response, body) = await GetAsync("/api/v1/seasons/2012-13/cups/men-500/standings?afterOccasion=3");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var json = JsonNode.Parse(body)!;
        ((string?)json["source"]).ShouldBe("computed");
        json["standings"]!.AsArray().ShouldBeEmpty();
        json["warnings"]!.AsArray().ShouldHaveSingleItem()!.ToString().ShouldContain("published end-of-season standings");
    }

    [Fact]
    public async Task As_of_a_date_that_cannot_place_an_undated_weekend_leaves_it_out_and_warns()
    {
        var (_, body) = await GetAsync("/api/v1/seasons/2012-13/cups/men-500/standings?asOf=2013-01-01");

        var json = JsonNode.Parse(body)!;
        json["races"]!.AsArray().Select(r => (string?)r!["code"]).ShouldBe(["HVN1", "HVN2"]);
        json["warnings"]!.AsArray().Select(w => w!.ToString()).ShouldContain(w => w.Contains("weekend 4 (Nagano)", StringComparison.Ordinal));
    }
}
