using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SkatingWorldCup.Api.Tests.Infrastructure;

namespace SkatingWorldCup.Api.Tests.Features;

// The read API v1 over HTTP, on the bundled seasons.
public class ReadApiTests(DatabaseFixture database) : ApiTest(database)
{
    private async Task<JsonElement> GetJsonAsync(string path)
    {
        var response = await Client.GetAsync(path);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    [Fact]
    public async Task Seasons_are_listed_newest_first_with_paging_fields()
    {
        var page = await GetJsonAsync("/api/v1/seasons");
        page.GetProperty("items").EnumerateArray().Select(s => s.GetProperty("id").GetString()).ShouldBe(["2012-13", "2011-12"]);
        page.GetProperty("total").GetInt32().ShouldBe(2);
        page.GetProperty("limit").GetInt32().ShouldBe(50);
        page.GetProperty("offset").GetInt32().ShouldBe(0);
    }

    [Theory]
    [InlineData("2012-13", 9, 3, 82)]
    [InlineData("2011-12", 7, 4, 76)]
    public async Task A_season_counts_its_weekends_championships_races_and_cups(string season, int occasions, int championships, int races)
    {
        var counts = (await GetJsonAsync($"/api/v1/seasons/{season}")).GetProperty("counts");
        counts.GetProperty("occasions").GetInt32().ShouldBe(occasions);
        counts.GetProperty("championships").GetInt32().ShouldBe(championships);
        counts.GetProperty("races").GetInt32().ShouldBe(races);
        counts.GetProperty("cups").GetInt32().ShouldBe(12);
    }

    [Fact]
    public async Task The_2012_13_calendar_has_nine_weekends_in_order_and_three_championships_between_them()
    {
        var items = (await GetJsonAsync("/api/v1/seasons/2012-13/occasions")).GetProperty("items").EnumerateArray().ToList();
        var weekends = items.Where(i => i.GetProperty("kind").GetString() == "world-cup").ToList();
        weekends.Select(w => w.GetProperty("number").GetInt32()).ShouldBe([1, 2, 3, 4, 5, 6, 7, 8, 9]);
        weekends[0].GetProperty("city").GetString().ShouldBe("Heerenveen");
        weekends[0].GetProperty("venue").GetString().ShouldBe("Thialf");
        weekends[0].GetProperty("startDate").GetString().ShouldBe("2012-11-16");
        weekends[3].GetProperty("startDate").ValueKind.ShouldBe(JsonValueKind.Null); // Nagano: no source states the dates
        weekends.Select(w => w.GetProperty("isFinal").GetBoolean()).ShouldBe([false, false, false, false, false, false, false, false, true]);

        var championships = items.Where(i => i.GetProperty("isChampionship").GetBoolean()).ToList();
        championships.Count.ShouldBe(3);
        championships.ShouldAllBe(c => c.GetProperty("number").ValueKind == JsonValueKind.Null);
        // The European Championships (January 2013) sit between weekend 5 (Harbin) and weekend 6 (Calgary).
        var order = items.Select(i => i.GetProperty("kind").GetString() == "world-cup" ? $"#{i.GetProperty("number").GetInt32()}" : "C").ToList();
        string.Join(" ", order).ShouldBe("#1 #2 #3 #4 #5 C #6 C #7 C #8 #9");
    }

    [Fact]
    public async Task Twelve_womens_500m_races_in_2012_13_the_first_won_by_Lee_Sang_hwa_in_37_85()
    {
        var page = await GetJsonAsync("/api/v1/seasons/2012-13/races?gender=women&distance=500");
        page.GetProperty("total").GetInt32().ShouldBe(12);
        var races = page.GetProperty("items").EnumerateArray().ToList();
        races.Select(r => r.GetProperty("code").GetString()).ShouldBe(["HVN1", "HVN2", "NAG1", "NAG2", "HAR1", "HAR2", "CAL1", "CAL2", "ERF1", "ERF2", "HVN3", "HVN4"]);
        var gold = races[0].GetProperty("podium")[0];
        gold.GetProperty("competitor").GetProperty("name").GetString().ShouldBe("Lee Sang-hwa");
        gold.GetProperty("time").GetString().ShouldBe("37.85");
        gold.GetProperty("seconds").GetDecimal().ShouldBe(37.85m);
        races[0].GetProperty("cupId").GetString().ShouldBe("women-500");
    }

    [Fact]
    public async Task A_race_keeps_thousandths_where_they_were_recorded_and_flags_its_world_record()
    {
        var races = (await GetJsonAsync("/api/v1/seasons/2012-13/races?gender=women&distance=500")).GetProperty("items").EnumerateArray().ToList();
        var erfurt2 = await GetJsonAsync($"/api/v1/races/{races[9].GetProperty("id").GetInt32()}");
        erfurt2.GetProperty("results").EnumerateArray().Take(3).Select(r => r.GetProperty("time").GetString()).ShouldBe(["38.15", "38.215", "38.217"]);

        var calgary2 = await GetJsonAsync($"/api/v1/races/{races[7].GetProperty("id").GetInt32()}");
        var winner = calgary2.GetProperty("results")[0];
        winner.GetProperty("time").GetString().ShouldBe("36.80");
        winner.GetProperty("record").GetString().ShouldBe("WR");
        calgary2.GetProperty("results")[1].GetProperty("record").ValueKind.ShouldBe(JsonValueKind.Null);
        // Every start of the race is there, unnamed skaters included, with their published points.
        var results = calgary2.GetProperty("results").EnumerateArray().ToList();
        results.Count.ShouldBe(35);
        results.ShouldContain(r => r.GetProperty("competitor").GetProperty("name").ValueKind == JsonValueKind.Null
            && r.GetProperty("competitor").GetProperty("sourceRef").GetString()!.StartsWith("2012-13 women's 500 m standings, row"));
    }

    [Theory]
    [InlineData("2011-12-01", "37.00")]
    [InlineData("2012-12-01", "36.94")]
    [InlineData("2013-02-01", "36.80")]
    public async Task The_womens_500m_world_record_in_force_on_a_date(string asOf, string time)
    {
        var items = (await GetJsonAsync($"/api/v1/world-records?gender=women&distance=500&asOf={asOf}")).GetProperty("items");
        items.GetArrayLength().ShouldBe(1);
        items[0].GetProperty("time").GetString().ShouldBe(time);
    }

    [Fact]
    public async Task The_womens_500m_progression_lists_the_four_records_oldest_first()
    {
        var items = (await GetJsonAsync("/api/v1/world-records/history?gender=women&distance=500")).GetProperty("items").EnumerateArray();
        items.Select(r => r.GetProperty("time").GetString()).ShouldBe(["37.00", "36.94", "36.99", "36.80"]);
    }

    [Fact]
    public async Task Records_in_force_cover_every_distance_and_team_records_name_their_nation()
    {
        var items = (await GetJsonAsync("/api/v1/world-records?asOf=2012-06-01")).GetProperty("items").EnumerateArray().ToList();
        items.Count.ShouldBe(12);
        var pursuit = items.Single(r => r.GetProperty("gender").GetString() == "men" && r.GetProperty("distance").GetString() == "team-pursuit");
        pursuit.GetProperty("nation").GetProperty("name").GetString().ShouldBe("Netherlands");
        pursuit.GetProperty("holders").GetArrayLength().ShouldBe(3);
        pursuit.GetProperty("seconds").GetDecimal().ShouldBe(217.8m);
    }

    [Fact]
    public async Task Skaters_are_found_by_part_of_the_name_and_a_skater_shows_results_and_personal_bests()
    {
        var found = (await GetJsonAsync("/api/v1/skaters?name=SANG&nationality=kor")).GetProperty("items");
        found.GetArrayLength().ShouldBe(1);
        var lee = await GetJsonAsync($"/api/v1/skaters/{found[0].GetProperty("id").GetInt32()}");
        lee.GetProperty("results").GetArrayLength().ShouldBe(10);
        var best = lee.GetProperty("personalBests")[0];
        (best.GetProperty("distance").GetString(), best.GetProperty("time").GetString()).ShouldBe(("500", "36.80"));
    }

    [Fact]
    public async Task The_cups_are_the_twelve_with_their_distances_and_points_scheme()
    {
        var cups = (await GetJsonAsync("/api/v1/seasons/2012-13/cups")).GetProperty("items").EnumerateArray().ToList();
        cups.Select(c => c.GetProperty("id").GetString()).ShouldBe([
            "men-500", "men-1000", "men-1500", "men-5000-10000", "men-mass-start", "men-team-pursuit",
            "women-500", "women-1000", "women-1500", "women-3000-5000", "women-mass-start", "women-team-pursuit"]);
        cups.ShouldAllBe(c => c.GetProperty("pointsScheme").GetString() == "isu-2012");
        cups[3].GetProperty("distances").EnumerateArray().Select(d => d.GetString()).ShouldBe(["5000", "10000"]);
    }

    [Theory]
    [InlineData("/api/v1/seasons/2012-13/races?gender=xyz", "gender")]
    [InlineData("/api/v1/seasons/2012-13/races?gender=0", "gender")]
    [InlineData("/api/v1/seasons/2012-13/races?distance=400", "distance")]
    [InlineData("/api/v1/seasons/2012-13/races?occasion=0", "occasion")]
    [InlineData("/api/v1/seasons?limit=-1", "limit")]
    [InlineData("/api/v1/seasons?limit=501", "limit")]
    [InlineData("/api/v1/seasons?limit=abc", "limit")]
    [InlineData("/api/v1/seasons?offset=-5", "offset")]
    [InlineData("/api/v1/world-records?asOf=notadate", "asOf")]
    [InlineData("/api/v1/world-records/history?gender=boys", "gender")]
    [InlineData("/api/v1/skaters?nationality=KOREA", "nationality")]
    [InlineData("/api/v1/races/abc", "raceId")]
    [InlineData("/api/v1/races/99999999999", "raceId")]
    public async Task Bad_query_values_are_400_problems_naming_the_parameter(string path, string parameter)
    {
        var response = await Client.GetAsync(path);
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("status").GetInt32().ShouldBe(400);
        problem.GetProperty("traceId").GetString().ShouldNotBeNullOrEmpty();
        problem.GetProperty("errors").TryGetProperty(parameter, out _).ShouldBeTrue(problem.ToString());
    }

    [Theory]
    [InlineData("/api/v1/seasons/2030-31")]
    [InlineData("/api/v1/seasons/2030-31/occasions")]
    [InlineData("/api/v1/seasons/nonsense/races")]
    [InlineData("/api/v1/seasons/2012-13/occasions/77")]
    [InlineData("/api/v1/seasons/2012-13/cups/women-400")]
    [InlineData("/api/v1/races/999999")]
    [InlineData("/api/v1/skaters/999999")]
    [InlineData("/api/v1/no-such-thing")]
    public async Task Unknown_ids_are_404_problems(string path)
    {
        var response = await Client.GetAsync(path);
        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("detail").GetString().ShouldNotBeNullOrEmpty();
        problem.GetProperty("traceId").GetString().ShouldNotBeNullOrEmpty();
    }

    [Fact]
    public async Task An_unknown_version_is_a_404_naming_the_supported_ones_and_every_api_response_says_which_exist()
    {
        var response = await Client.GetAsync("/api/v9/seasons");
        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString()!.ShouldContain("v1");
        response.Headers.GetValues("api-supported-versions").Single().ShouldBe("1.0");

        var ok = await Client.GetAsync("/api/v1/seasons");
        ok.Headers.GetValues("api-supported-versions").Single().ShouldBe("1.0");
    }

    [Fact]
    public async Task Swagger_describes_every_operation_and_the_root_page_links_to_it()
    {
        var document = await GetJsonAsync("/swagger/v1/swagger.json");
        var operations = document.GetProperty("paths").EnumerateObject().SelectMany(p => p.Value.EnumerateObject()).ToList();
        operations.Count.ShouldBeGreaterThanOrEqualTo(12);
        operations.ShouldAllBe(o => !string.IsNullOrEmpty(o.Value.GetProperty("summary").GetString()));
        document.GetProperty("components").GetProperty("schemas").GetProperty("Distance").GetProperty("enum").EnumerateArray()
            .Select(e => e.GetString()).ShouldContain("mass-start");

        var root = await Database.Api.CreateClient(new() { AllowAutoRedirect = false }).GetAsync("/");
        root.StatusCode.ShouldBe(HttpStatusCode.OK);
        root.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
        root.Headers.GetValues("Content-Security-Policy").Single().ShouldStartWith("default-src 'self';");
        (await root.Content.ReadAsStringAsync()).ShouldContain("<a href=\"/swagger\">");
    }

    [Fact]
    public async Task No_endpoint_answers_500_to_odd_input()
    {
        string[] values = ["", "-1", "0", "2147483648", "1e9", "%00", "'; DROP TABLE results; --", "ÅÄÖ漢字", new string('x', 3000), "null", "[]", "{}"];
        string[] templates = ["/api/v1/seasons/{0}", "/api/v1/seasons/{0}/occasions", "/api/v1/seasons/2012-13/occasions/{0}", "/api/v1/seasons/2012-13/races?gender={0}",
            "/api/v1/seasons/2012-13/races?distance={0}&occasion={0}", "/api/v1/races/{0}", "/api/v1/seasons/2012-13/cups/{0}", "/api/v1/world-records?asOf={0}",
            "/api/v1/world-records/history?distance={0}", "/api/v1/skaters?name={0}", "/api/v1/skaters/{0}", "/api/v1/seasons?limit={0}&offset={0}"];
        foreach (var template in templates)
        {
            foreach (var value in values)
            {
                var path = string.Format(System.Globalization.CultureInfo.InvariantCulture, template, Uri.EscapeDataString(value));
                var response = await Client.GetAsync(path);
                ((int)response.StatusCode).ShouldBeLessThan(500, path);
            }
        }
        (await GetJsonAsync("/api/v1/seasons/2012-13")).GetProperty("counts").GetProperty("results").GetInt32().ShouldBe(382);
    }
}
