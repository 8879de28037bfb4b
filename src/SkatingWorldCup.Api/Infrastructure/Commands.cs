using Microsoft.EntityFrameworkCore;
using SkatingWorldCup.Api.Data;

namespace SkatingWorldCup.Api.Infrastructure;

// Command-line verbs of the API (`dotnet run --project src/SkatingWorldCup.Api -- <verb>`), run instead of the web host.
public static class Commands
{
    public static bool TryRun(string[] args, out int exitCode)
    {
        exitCode = 0;
        switch (args)
        {
            case ["schema-script"]:
                // Drafts the SQL of the EF model, to review and paste into a hand-written migration.
                var options = new DbContextOptionsBuilder<SkatingDbContext>().UseNpgsql("Host=unused").Options;
                using (var db = new SkatingDbContext(options))
                {
                    Console.WriteLine(db.Database.GenerateCreateScript());
                }
                return true;
            case ["healthcheck", .. var url]:
                // The container's HEALTHCHECK: the aspnet image has no curl or wget, so the app asks itself.
                exitCode = HealthCheck(url is [var given] ? given : "http://localhost:8080/health/ready");
                return true;
            default:
                return false;
        }
    }

    private static int HealthCheck(string url)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(3) };
        try
        {
            using var response = http.GetAsync(url).GetAwaiter().GetResult();
            Console.WriteLine($"{url}: {(int)response.StatusCode}");
            return response.IsSuccessStatusCode ? 0 : 1;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            Console.Error.WriteLine($"{url}: {e.Message}");
            return 1;
        }
    }
}
