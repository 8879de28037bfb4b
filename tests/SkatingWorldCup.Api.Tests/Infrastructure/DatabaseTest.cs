using SkatingWorldCup.Api.Data;

namespace SkatingWorldCup.Api.Tests.Infrastructure;

// Base of tests that use the database: each starts on a fresh copy of the template.
[Collection("api")]
public abstract class DatabaseTest(DatabaseFixture database) : IAsyncLifetime
{
    protected DatabaseFixture Database { get; } = database;

    protected SkatingDbContext CreateContext() => Database.CreateContext();

    public virtual Task InitializeAsync() => Database.ResetAsync();

    public virtual Task DisposeAsync() => Task.CompletedTask;
}

// Base of tests that call the API over HTTP.
public abstract class ApiTest(DatabaseFixture database) : DatabaseTest(database)
{
    protected HttpClient Client { get; private set; } = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Client = Database.Api.CreateClient();
    }

    public override Task DisposeAsync()
    {
        Client.Dispose();
        return base.DisposeAsync();
    }
}
