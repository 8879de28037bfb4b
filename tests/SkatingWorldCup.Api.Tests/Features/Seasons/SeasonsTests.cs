using SkatingWorldCup.Api.Tests.Support;

namespace SkatingWorldCup.Api.Tests.Features.Seasons;

// The seasons over HTTP, on the bundled seasons.
public sealed class SeasonsTests(DatabaseFixture database) : ApiTest(database)
{
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
}
