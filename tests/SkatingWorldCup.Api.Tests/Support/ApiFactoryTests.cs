using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using SkatingWorldCup.Api.Data;

namespace SkatingWorldCup.Api.Tests.Support;

// The wiring every HTTP test relies on: the in-memory app runs as "Testing" on the database the fixture resets.
public sealed class ApiFactoryTests(DatabaseFixture database) : ApiTest(database)
{
    [Fact]
    public void The_app_is_given_the_test_database_and_the_Testing_environment()
    {
        var services = Database.Api.Services;

        services.GetRequiredService<IConfiguration>().GetConnectionString("Skating").ShouldBe(Database.ConnectionString);
        services.GetRequiredService<IHostEnvironment>().EnvironmentName.ShouldBe(ApiFactory.Environment);
    }

    // Twice, so the second run uses the host (and its pooled connections) after a reset dropped the database
    // under it. Fails if the app connects through a data source of its own that NpgsqlConnection.ClearAllPools
    // does not reach (AddNpgsqlDataSource, or MapEnum in UseNpgsql): ResetAsync would then have to clear that too.
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public async Task The_apps_DbContext_works_on_each_tests_fresh_database(int run)
    {
        using var scope = Database.Api.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SkatingDbContext>();

        new NpgsqlConnectionStringBuilder(db.Database.GetConnectionString()).Database.ShouldBe(DatabaseFixture.TestDatabase, $"run {run}");
        (await db.PointsSchemes.AnyAsync(p => p.Name == "isu-2012")).ShouldBeTrue();
    }

    [Fact]
    public async Task Requests_go_through_the_app_in_memory()
    {
        using var response = await Client.GetAsync("/no-such-route");

        response.StatusCode.ShouldBe(System.Net.HttpStatusCode.NotFound);
    }
}
