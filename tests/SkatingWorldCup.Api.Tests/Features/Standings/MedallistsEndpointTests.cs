using SkatingWorldCup.Api.Tests.Support;

namespace SkatingWorldCup.Api.Tests.Features.Standings;

// Each race of a cup with its Division A podium.
public sealed class MedallistsEndpointTests(DatabaseFixture database) : ApiTest(database)
{
    [Fact]
    public async Task Team_pursuit_podiums_are_nations()
    {
        var json = await GetNodeAsync("/api/v1/seasons/2012-13/cups/women-team-pursuit/standings");

        var first = json["standings"]![0]!["competitor"]!;
        ((string?)first["type"], (string?)first["nationality"], (string?)first["name"]).ShouldBe(("nation", "NED", "Netherlands"));
    }

    [Fact]
    public async Task Medallists_match_the_documents_race_medallists_table()
    {
        var page = WomensSprintPage.Medallists();
        var json = await GetNodeAsync("/api/v1/seasons/2012-13/cups/women-500/medallists");

        var races = json["races"]!.AsArray().Select(r => r!).ToList();
        races.Select(r => (string?)r["code"]).ShouldBe(WomensSprintPage.Codes);
        races.Count.ShouldBe(page.Count);
        for (var i = 0; i < page.Count; i++)
        {
            foreach (var (medal, printed) in new[] { ("gold", page[i].Gold), ("silver", page[i].Silver), ("bronze", page[i].Bronze) })
            {
                var served = races[i][medal]!;
                var because = $"{races[i]["code"]} {medal}";
                ((string?)served["competitor"]!["name"]).ShouldBe(printed.Name, because);
                ((string?)served["competitor"]!["nationality"]).ShouldBe(printed.Nationality, because);
                ((string?)served["time"]).ShouldBe(printed.Time, because);
                ((decimal)served["seconds"]!).ShouldBe(decimal.Parse(printed.Time, System.Globalization.CultureInfo.InvariantCulture), because);
            }
        }
        ((int)races[11]["gold"]!["points"]!).ShouldBe(150); // the final pays its own table
        ((string?)races[9]["silver"]!["time"]).ShouldBe("38.215");
    }

    [Fact]
    public async Task A_cup_without_results_lists_its_races_with_no_medals()
    {
        var json = await GetNodeAsync("/api/v1/seasons/2012-13/cups/men-500/medallists");

        json["races"]!.AsArray().Count.ShouldBe(12);
        json["races"]!.AsArray().ShouldAllBe(r => r!["gold"] == null && r["silver"] == null && r["bronze"] == null);
    }
}
