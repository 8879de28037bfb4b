using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SkatingWorldCup.Api.Tests.Support;
using SkatingWorldCup.Api.Web;
using Xunit.Abstractions;

namespace SkatingWorldCup.Api.Tests.Hosting;

// PostgreSQL stops under load and comes back: requests answer 503 quickly meanwhile (never 500, never hang), readiness
// says so, the same host serves again soon after the restart, and every write is either kept whole or not there at all.
public sealed class DatabaseOutageTests(DatabaseFixture database, ITestOutputHelper output) : ApiTest(database)
{
    private static readonly TimeSpan s_maxFailureTime = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan s_maxRecoveryTime = TimeSpan.FromSeconds(5);

    [LocalServerFact]
    public async Task Requests_answer_503_while_PostgreSQL_is_down_and_200_again_within_5_s_of_its_return()
    {
        var logs = new CapturedLogs();
        await using var api = Database.Api.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddSingleton<ILoggerProvider>(logs)));
        using var client = api.CreateClient();
        client.Timeout = TimeSpan.FromSeconds(15); // a hung request fails the test instead of stalling it
        var load = await OutageLoad.StartAsync(client);

        await Task.Delay(1000);
        var stopping = load.Now;
        await Database.Server.StopAsync();
        var (readyWhileDown, readyBody) = await ReadinessAsync(client);
        await Task.Delay(1500);
        await Database.Server.RestartAsync();
        var restarted = load.Now;
        var recovered = await load.WaitUntilServingAsync(s_maxRecoveryTime + TimeSpan.FromSeconds(5));
        var (readyAfter, _) = await ReadinessAsync(client);
        await Task.Delay(2000);
        await load.StopAsync();

        output.WriteLine($"stop at {stopping.TotalSeconds:F2} s, restart done {restarted.TotalSeconds:F2} s, serving again {recovered.TotalSeconds:F2} s; {load.Summary()}");
        output.WriteLine(await load.AssertNoAcknowledgedWriteLostAsync());
        var failures = load.Outcomes.Where(o => o.Status != HttpStatusCode.OK).ToList();
        load.Outcomes.Select(o => o.Status).Distinct().ShouldBeSubsetOf([HttpStatusCode.OK, HttpStatusCode.ServiceUnavailable]);
        failures.ShouldNotBeEmpty("the load never met the outage");
        failures.ShouldAllBe(f => f.Elapsed < s_maxFailureTime);
        failures.ShouldAllBe(f => f.RetryAfter == "5" && f.ContentType == "application/problem+json");
        readyWhileDown.ShouldBe(HttpStatusCode.ServiceUnavailable);
        ((string?)readyBody["checks"]!["database"]!["status"]).ShouldBe("unhealthy");
        (recovered - restarted).ShouldBeLessThan(s_maxRecoveryTime);
        readyAfter.ShouldBe(HttpStatusCode.OK);
        load.Outcomes.Where(o => o.Started > recovered).ShouldAllBe(o => o.Status == HttpStatusCode.OK);
        // No unhandled exception (the exception handler's error with a stack trace, i.e. a 500) and no error of the app's own:
        // each failure is one warning of DatabaseUnavailableHandler.
        logs.Entries.Where(e => e.Level >= LogLevel.Error && (e.Category.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal) || e.Category.StartsWith("SkatingWorldCup", StringComparison.Ordinal)))
            .Select(e => $"{e.Category}: {e.Message}").ShouldBeEmpty();
        logs.Entries.ShouldContain(e => e.Category == typeof(DatabaseUnavailableHandler).FullName && e.Level == LogLevel.Warning);
    }

    [Fact]
    public void Unavailable_is_what_503_is_for()
    {
        var refused = new Npgsql.NpgsqlException("Failed to connect to 127.0.0.1:5432", new System.Net.Sockets.SocketException(111));
        DatabaseFaults.IsUnavailable(refused).ShouldBeTrue();
        DatabaseFaults.IsUnavailable(new InvalidOperationException("transient", refused)).ShouldBeTrue();
        DatabaseFaults.IsUnavailable(new Microsoft.EntityFrameworkCore.DbUpdateException("save", refused)).ShouldBeTrue();
        DatabaseFaults.IsUnavailable(new TimeoutException()).ShouldBeTrue();
        DatabaseFaults.IsUnavailable(new InvalidOperationException("a bug")).ShouldBeFalse();
    }

    [Theory]
    [InlineData("Host=db;Database=skating", 2, 5)]
    [InlineData("Host=db;Database=skating;Timeout=10", 10, 5)]
    [InlineData("Host=db;Database=skating;Command Timeout=60", 2, 60)]
    [InlineData("Host=db;Database=skating;timeout=0;commandtimeout=0", 0, 0)]
    public void The_connection_string_gets_short_timeouts_unless_it_sets_its_own(string given, int timeout, int commandTimeout)
    {
        var used = new Npgsql.NpgsqlConnectionStringBuilder(SkatingWorldCup.Api.Hosting.Database.WithTimeouts(given));

        (used.Host, used.Database, used.Timeout, used.CommandTimeout).ShouldBe(("db", "skating", timeout, commandTimeout));
    }

    private static async Task<(HttpStatusCode Status, JsonNode Body)> ReadinessAsync(HttpClient client)
    {
        using var response = await client.GetAsync("/health/ready");
        return (response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync())!);
    }
}
