using SkatingWorldCup.Api.Tests.Support;

namespace SkatingWorldCup.Api.Tests.Features.Cups;

// Cups over HTTP, on the bundled seasons.
public sealed class CupsTests(DatabaseFixture database) : ApiTest(database)
{
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
}
