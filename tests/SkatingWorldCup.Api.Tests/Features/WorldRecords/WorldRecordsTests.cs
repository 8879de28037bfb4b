using SkatingWorldCup.Api.Tests.Support;

namespace SkatingWorldCup.Api.Tests.Features.WorldRecords;

// World records over HTTP, on the bundled seasons.
public sealed class WorldRecordsTests(DatabaseFixture database) : ApiTest(database)
{
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
}
