using SkatingWorldCup.Api.Tests.Support;

namespace SkatingWorldCup.Api.Tests.Features.Skaters;

// Skaters over HTTP, on the bundled seasons.
public sealed class SkatersTests(DatabaseFixture database) : ApiTest(database)
{
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
}
