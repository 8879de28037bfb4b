using Microsoft.Playwright;
using SkatingWorldCup.Api.Tests.Support;
using Xunit.Abstractions;

namespace SkatingWorldCup.Api.Tests.Web;

// Swagger UI as a person uses it: open an operation, Try it out, fill in the parameters, Execute, read the answer.
public sealed class SwaggerUiTests(DatabaseFixture database, ITestOutputHelper output) : BrowserTest(database, output)
{
    [BrowserFact]
    public async Task Try_it_out_on_standings_by_gender_and_distance_shows_Lee_Sang_hwa_with_1055_points()
    {
        await Page.GotoAsync($"{BaseUrl}/swagger");
        var operation = Page.Locator(".opblock").Filter(new() { Has = Page.Locator(".opblock-summary-path[data-path='/api/v1/seasons/{season}/standings']") });
        await operation.Locator(".opblock-summary").ClickAsync();
        await operation.GetByRole(AriaRole.Button, new() { Name = "Try it out" }).ClickAsync();

        await SetParameterAsync(operation, "season", "2012-13");
        await SetParameterAsync(operation, "gender", "women");
        await SetParameterAsync(operation, "distance", "500");
        await operation.GetByRole(AriaRole.Button, new() { Name = "Execute" }).ClickAsync();

        var body = operation.Locator(".live-responses-table .response-col_description pre");
        await Assertions.Expect(body.First).ToContainTextAsync("Lee Sang-hwa");
        await Assertions.Expect(body.First).ToContainTextAsync("1055");
        await Assertions.Expect(operation.Locator(".live-responses-table .response .response-col_status").First).ToHaveTextAsync("200");
        // The filled-in parameters at the top of a tall window, the answer below them.
        await Page.SetViewportSizeAsync(1280, 1700);
        await operation.Locator(".parameters-container").EvaluateAsync("e => e.scrollIntoView()");
        await body.First.EvaluateAsync("""
            pre => {
                const at = pre.textContent.indexOf('"standings"');
                pre.scrollTop = pre.scrollHeight * at / pre.textContent.length - 20;
            }
            """);
        await ScreenshotAsync("swagger-ui-standings-women-500");
    }

    // Enum parameters are drop-downs, the others text boxes.
    private static async Task SetParameterAsync(ILocator operation, string name, string value)
    {
        var row = operation.Locator($"tr[data-param-name='{name}']");
        if (await row.Locator("select").CountAsync() > 0)
        {
            await row.Locator("select").SelectOptionAsync(value);
        }
        else
        {
            await row.Locator("input").FillAsync(value);
        }
    }
}
