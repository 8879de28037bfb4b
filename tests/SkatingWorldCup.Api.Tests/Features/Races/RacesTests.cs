using System.Text.Json;
using SkatingWorldCup.Api.Tests.Support;

namespace SkatingWorldCup.Api.Tests.Features.Races;

// Races and their results over HTTP, on the bundled seasons.
public sealed class RacesTests(DatabaseFixture database) : ApiTest(database)
{
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
}
