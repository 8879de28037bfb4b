using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using SkatingWorldCup.Api.Hosting;

namespace SkatingWorldCup.Api.Tests.Support;

// The real app in memory, on the test database. Its startup migrates (a no-op on a copy of the migrated
// template) and seeds only an empty seasons table.
public sealed class ApiFactory(string connectionString) : WebApplicationFactory<Program>
{
    public const string Environment = "Testing";

    // The admin key of the test host (Auth:BootstrapKey); tests create narrower keys with it.
    public const string AdminKey = "test-bootstrap-admin-key-0123456789";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(Environment);
        builder.UseSetting("ConnectionStrings:Skating", connectionString);
        builder.UseSetting("Auth:BootstrapKey", AdminKey);
        // Each test recreates the database under the same host: a data version trusted for a second could outlive that.
        builder.UseSetting("Caching:DataVersionSeconds", "0");
        // Its rolled-back write would queue the tests' writes and add commands to those they count; ImportWarmupTests turn it on.
        builder.UseSetting(ImportWarmup.Setting, "false");
        // Every test shares one client address: room for all their requests; RateLimitTests set tiny limits of their own.
        builder.UseSetting("RateLimits:AnonymousPerMinute", "1000000");
        builder.UseSetting("RateLimits:KeyPerMinute", "1000000");
    }
}
