using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace SkatingWorldCup.Api.Tests.Support;

// Debian's Chromium, driven by Playwright. Playwright's own browser download cannot work on this project's machines,
// so it is never run: the browser is the system one (SKATING_CHROMIUM, default /usr/bin/chromium), which .ci/run installs.
public static class Browser
{
    public static string ExecutablePath => Environment.GetEnvironmentVariable("SKATING_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    // Where screenshots go: SKATING_TEST_ARTIFACTS (.ci/run sets .ci/artifacts/screenshots), else TestResults/screenshots.
    public static string ScreenshotFolder => Path.GetFullPath(
        Environment.GetEnvironmentVariable("SKATING_TEST_ARTIFACTS") is { Length: > 0 } folder ? folder : Path.Combine("TestResults", "screenshots"));
}

public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute()
    {
        if (!File.Exists(Browser.ExecutablePath))
        {
            Skip = $"needs Chromium at {Browser.ExecutablePath}: apt-get install chromium (.ci/run does), or set SKATING_CHROMIUM to a Chromium binary";
        }
    }
}

// A browser needs a real socket, which WebApplicationFactory's in-memory TestServer is not: the app runs on Kestrel on a
// free loopback port, on the test database, and each test gets a fresh page in headless Chromium.
public abstract class BrowserTest(DatabaseFixture database, ITestOutputHelper output) : DatabaseTest(database)
{
    private ApiFactory? _server;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    protected string BaseUrl { get; private set; } = "";
    protected IPage Page { get; private set; } = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _server = new ApiFactory(Database.ConnectionString);
        _server.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        _server.StartServer();
        BaseUrl = _server.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Browser.ExecutablePath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
        });
        Page = await _browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        Page.SetDefaultTimeout(15_000);
    }

    // What the window shows (scroll first to what matters), or the whole page.
    protected async Task ScreenshotAsync(string name, bool fullPage = false)
    {
        Directory.CreateDirectory(Browser.ScreenshotFolder);
        var path = Path.Combine(Browser.ScreenshotFolder, $"{name}.png");
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = fullPage });
        output.WriteLine($"Screenshot: {path}");
    }

    public override async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }
        _playwright?.Dispose();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
        await base.DisposeAsync();
    }
}
