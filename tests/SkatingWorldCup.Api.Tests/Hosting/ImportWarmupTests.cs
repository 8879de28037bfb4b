using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SkatingWorldCup.Api.Hosting;
using SkatingWorldCup.Api.Tests.Support;

namespace SkatingWorldCup.Api.Tests.Hosting;

public sealed class ImportWarmupTests(DatabaseFixture database) : WriteTest(database)
{
    [Fact]
    public async Task At_start_up_a_synthetic_season_is_applied_and_rolled_back_leaving_every_table_and_the_data_version_as_they_were()
    {
        var before = await DumpAsync();
        var logs = new CapturedLogs();
        await using var api = Database.Api.WithWebHostBuilder(b => b
            .UseSetting(ImportWarmup.Setting, "true")
            .ConfigureServices(s => s.AddSingleton<ILoggerProvider>(logs)));
        using var client = api.CreateClient();

        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!logs.Entries.Any(e => e.Category == typeof(ImportWarmup).FullName) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        var line = logs.Entries.Where(e => e.Category == typeof(ImportWarmup).FullName).ShouldHaveSingleItem();
        line.Level.ShouldBe(LogLevel.Information, line.Message);
        line.Message.ShouldContain("rolled back");
        (await DumpAsync()).ShouldBe(before); // data_version included
        using var seasons = await client.GetAsync("/api/v1/seasons/1950-51");
        seasons.StatusCode.ShouldBe(System.Net.HttpStatusCode.NotFound);
    }
}
