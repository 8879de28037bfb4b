using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using SkatingWorldCup.Api.Tests.Support;

namespace SkatingWorldCup.Api.Tests.Web;

// Reads from any origin; writes only from the origins configured for them (none by default).
public sealed class CorsTests(DatabaseFixture database) : ApiTest(database)
{
    private const string Frontend = "https://results.example";
    private const string Stranger = "https://elsewhere.example";

    private static HttpRequestMessage Preflight(string method, string path, string origin) => new(HttpMethod.Options, path)
    {
        Headers = { { "Origin", origin }, { "Access-Control-Request-Method", method }, { "Access-Control-Request-Headers", "x-api-key,content-type" } },
    };

    private static string? AllowedOrigin(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Access-Control-Allow-Origin", out var values) ? values.Single() : null;

    private WebApplicationFactory<Program> WithWriteOrigins(string origins) =>
        Database.Api.WithWebHostBuilder(b => b.UseSetting("Cors:WriteOrigins", origins));

    [Theory]
    [InlineData(Frontend)]
    [InlineData(Stranger)]
    public async Task Any_origin_may_read(string origin)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/seasons") { Headers = { { "Origin", origin } } };
        using var response = await Client.SendAsync(request);
        using var preflight = await Client.SendAsync(Preflight("GET", "/api/v1/seasons", origin));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        AllowedOrigin(response).ShouldBe("*");
        response.Headers.GetValues("Access-Control-Expose-Headers").Single().ShouldContain("ETag");
        preflight.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        AllowedOrigin(preflight).ShouldBe("*");
    }

    [Theory]
    [InlineData("POST", "/api/v1/imports")]
    [InlineData("PUT", "/api/v1/races/1/results")]
    public async Task By_default_no_origin_may_write(string method, string path)
    {
        using var preflight = await Client.SendAsync(Preflight(method, path, Frontend));
        using var request = new HttpRequestMessage(new HttpMethod(method), path) { Headers = { { "Origin", Frontend } } };
        using var response = await Client.SendAsync(request);

        AllowedOrigin(preflight).ShouldBeNull();
        AllowedOrigin(response).ShouldBeNull();
    }

    [Theory]
    [InlineData("POST", "/api/v1/imports")]
    [InlineData("PUT", "/api/v1/races/1/results")]
    public async Task Only_a_configured_origin_may_write(string method, string path)
    {
        await using var api = WithWriteOrigins($"{Frontend}, https://admin.example");
        using var client = api.CreateClient();

        using var allowed = await client.SendAsync(Preflight(method, path, Frontend));
        using var refused = await client.SendAsync(Preflight(method, path, Stranger));
        using var frontendsRequest = new HttpRequestMessage(new HttpMethod(method), path) { Headers = { { "Origin", Frontend } } };
        using var frontendsWrite = await client.SendAsync(frontendsRequest);
        using var strangersRequest = new HttpRequestMessage(new HttpMethod(method), path) { Headers = { { "Origin", Stranger } } };
        using var strangersWrite = await client.SendAsync(strangersRequest);

        allowed.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        AllowedOrigin(allowed).ShouldBe(Frontend);
        allowed.Headers.GetValues("Access-Control-Allow-Methods").Single().ShouldContain(method);
        allowed.Headers.GetValues("Access-Control-Allow-Headers").Single().ShouldContain("x-api-key", Case.Insensitive);
        AllowedOrigin(frontendsWrite).ShouldBe(Frontend);
        AllowedOrigin(refused).ShouldBeNull();
        AllowedOrigin(strangersWrite).ShouldBeNull();
    }

    [Fact]
    public async Task A_write_from_a_configured_origin_succeeds_and_its_answer_is_readable_there()
    {
        await using var api = WithWriteOrigins(Frontend);
        using var client = api.CreateClient();
        HttpRequestMessage CreateKey(string origin) => new(HttpMethod.Post, "/api/v1/keys")
        {
            Headers = { { "Origin", origin }, { "X-Api-Key", ApiFactory.AdminKey } },
            Content = System.Net.Http.Json.JsonContent.Create(new { name = $"from-{new Uri(origin).Host}", scope = "read" }),
        };

        using var fromFrontend = await client.SendAsync(CreateKey(Frontend));
        using var fromStranger = await client.SendAsync(CreateKey(Stranger));

        fromFrontend.StatusCode.ShouldBe(HttpStatusCode.Created);
        AllowedOrigin(fromFrontend).ShouldBe(Frontend);
        // The server cannot stop the stranger's request (CORS is the browser's rule), but without the header its page cannot read the answer.
        AllowedOrigin(fromStranger).ShouldBeNull();
    }
}
