using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;
using SkatingWorldCup.Api.Hosting;
using SkatingWorldCup.Api.Tests.Support;

namespace SkatingWorldCup.Api.Tests.Hosting;

public sealed class HealthAndLogsTests(DatabaseFixture database) : ApiTest(database)
{
    private async Task<(HttpStatusCode Status, JsonNode Body)> GetHealthAsync(string path)
    {
        using var response = await Client.GetAsync(path);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/json");
        response.Headers.CacheControl!.NoStore.ShouldBeTrue();
        return (response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync())!);
    }

    [Fact]
    public async Task Live_says_the_process_answers_without_checking_anything()
    {
        var (status, body) = await GetHealthAsync("/health/live");

        status.ShouldBe(HttpStatusCode.OK);
        ((string?)body["status"]).ShouldBe("healthy");
        body["checks"]!.AsObject().ShouldBeEmpty();
    }

    [Fact]
    public async Task Ready_checks_the_database_and_the_migrations()
    {
        var (status, body) = await GetHealthAsync("/health/ready");

        status.ShouldBe(HttpStatusCode.OK, body.ToJsonString());
        ((string?)body["status"]).ShouldBe("healthy");
        body["checks"]!.AsObject().Select(c => (c.Key, (string?)c.Value!["status"])).ShouldBe([("database", "healthy"), ("migrations", "healthy")]);
    }

    [Fact]
    public async Task Ready_is_a_503_while_a_migration_is_pending()
    {
        await using (var db = CreateContext())
        {
            await db.Database.ExecuteSqlRawAsync("""DELETE FROM "__EFMigrationsHistory" WHERE "MigrationId" LIKE '%InitialSchema'""");
        }

        var (status, body) = await GetHealthAsync("/health/ready");

        status.ShouldBe(HttpStatusCode.ServiceUnavailable);
        ((string?)body["status"]).ShouldBe("unhealthy");
        ((string?)body["checks"]!["database"]!["status"]).ShouldBe("healthy");
        ((string?)body["checks"]!["migrations"]!["status"]).ShouldBe("unhealthy");
        ((string?)body["checks"]!["migrations"]!["description"]).ShouldNotBeNull().ShouldContain("InitialSchema");
    }

    [Fact]
    public void Outside_Development_the_console_log_is_json()
    {
        Database.Api.Services.GetRequiredService<IOptionsMonitor<ConsoleLoggerOptions>>().CurrentValue.FormatterName.ShouldBe(ConsoleFormatterNames.Json);
    }

    [Fact]
    public async Task Every_request_is_logged_with_method_path_status_duration_and_the_trace_id_its_problem_carries()
    {
        var logs = new CapturedLogs();
        await using var api = Database.Api.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddSingleton<ILoggerProvider>(logs)));
        using var client = api.CreateClient();

        using var response = await client.GetAsync("/api/v1/seasons/1999-00");
        var traceId = (string?)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["traceId"];

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var line = logs.Entries.Where(e => e.Category == typeof(RequestLogMiddleware).FullName).ShouldHaveSingleItem();
        line.Level.ShouldBe(LogLevel.Information);
        line.Fields["Method"].ShouldBe("GET");
        line.Fields["Path"].ShouldBe("/api/v1/seasons/1999-00");
        line.Fields["StatusCode"].ShouldBe(404);
        line.Fields["DurationMs"].ShouldBeOfType<double>().ShouldBeGreaterThan(0);
        line.Fields["TraceId"].ShouldBe(traceId);
        traceId.ShouldNotBeNullOrEmpty();
    }
}
