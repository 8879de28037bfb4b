using Microsoft.Playwright;
using SkatingWorldCup.Api.Tests.Support;
using Xunit.Abstractions;

namespace SkatingWorldCup.Api.Tests.Web;

// The example frontend at /: choose a season and a cup, read the standings, see the top 10 drawn.
public sealed class ExamplePageTests(DatabaseFixture database, ITestOutputHelper output) : BrowserTest(database, output)
{
    [BrowserFact]
    public async Task The_womens_500m_of_2012_13_shows_Lee_Sang_hwa_first_with_1055_and_draws_the_top_10()
    {
        var problems = new List<string>();
        Page.Console += (_, message) =>
        {
            if (message.Type is "error" or "warning")
            {
                problems.Add(message.Text); // a Content-Security-Policy violation would show up here
            }
        };
        Page.PageError += (_, error) => problems.Add(error);

        var response = await Page.GotoAsync(BaseUrl);
        (await response!.HeaderValueAsync("content-security-policy")).ShouldNotBeNull().ShouldStartWith("default-src 'self';");
        await Page.Locator("#season").SelectOptionAsync("2012-13");
        await Assertions.Expect(Page.Locator("#cup option[value='women-500']")).ToHaveCountAsync(1);
        await Page.Locator("#cup").SelectOptionAsync("women-500");

        var leader = Page.Locator("#standings tbody tr").First;
        await Assertions.Expect(leader).ToContainTextAsync("Lee Sang-hwa");
        await Assertions.Expect(leader.Locator("td.points")).ToHaveTextAsync("1055");
        await Assertions.Expect(Page.Locator("#standings tbody tr")).ToHaveCountAsync(47);
        await Assertions.Expect(Page.Locator("#chart polyline")).ToHaveCountAsync(10);
        (await Page.Locator("#chart polyline").First.GetAttributeAsync("points")).ShouldNotBeNull().Split(' ').Length.ShouldBe(12);
        await Assertions.Expect(Page.Locator("#legend li").First).ToContainTextAsync("Lee Sang-hwa");
        Page.Url.ShouldEndWith("/?season=2012-13&cup=women-500");
        await ScreenshotAsync("example-page-2012-13-women-500", fullPage: true);

        await Page.GetByRole(AriaRole.Link, new() { Name = "API documentation (Swagger UI)" }).ClickAsync();
        await Assertions.Expect(Page).ToHaveTitleAsync("SkatingWorldCup API");
        problems.ShouldBeEmpty();
    }

    [BrowserFact]
    public async Task A_cup_known_only_from_its_published_standings_says_why_it_has_no_chart()
    {
        await Page.GotoAsync($"{BaseUrl}/?season=2012-13&cup=men-500");

        await Assertions.Expect(Page.Locator("#standings tbody tr").First).ToContainTextAsync("Jan Smeekens");
        await Assertions.Expect(Page.Locator("#chart")).ToContainTextAsync("published");
        await Assertions.Expect(Page.Locator("#chart polyline")).ToHaveCountAsync(0);
    }
}
