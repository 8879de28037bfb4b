using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using SkatingWorldCup.Api.Data;

namespace SkatingWorldCup.Api.Tests.Support;

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

    // A GET that must answer 200: its JSON body.
    protected async Task<JsonElement> GetJsonAsync(string path)
    {
        using var response = await Client.GetAsync(path);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    // The same, as a node to index into, and served as application/json.
    protected async Task<JsonNode> GetNodeAsync(string path)
    {
        using var response = await Client.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, body);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/json");
        return JsonNode.Parse(body)!;
    }
}
