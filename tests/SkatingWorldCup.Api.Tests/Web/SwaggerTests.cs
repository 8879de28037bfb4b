using System.Net;
using System.Text.Json.Nodes;
using SkatingWorldCup.Api.Tests.Support;

namespace SkatingWorldCup.Api.Tests.Web;

public sealed class SwaggerTests(DatabaseFixture database) : ApiTest(database)
{
    [Fact]
    public async Task The_v1_document_generates_with_every_endpoint()
    {
        using var response = await Client.GetAsync("/swagger/v1/swagger.json");
        var body = await response.Content.ReadAsStringAsync();

        response.StatusCode.ShouldBe(HttpStatusCode.OK, body);
        var paths = JsonNode.Parse(body)!["paths"]!.AsObject().Select(p => p.Key).ToList();
        paths.ShouldContain("/api/v1/seasons/{season}/cups/{cupId}/standings");
        paths.ShouldContain("/api/v1/seasons/{season}/standings");
        paths.ShouldContain("/api/v1/seasons/{season}/cups/{cupId}/medallists");
        paths.ShouldContain("/api/v1/seasons/{season}/occasions");
    }

    [Fact]
    public async Task Swagger_describes_every_operation_and_the_root_page_links_to_it()
    {
        var document = await GetJsonAsync("/swagger/v1/swagger.json");
        var operations = document.GetProperty("paths").EnumerateObject().SelectMany(p => p.Value.EnumerateObject()).ToList();
        operations.Count.ShouldBeGreaterThanOrEqualTo(12);
        operations.ShouldAllBe(o => !string.IsNullOrEmpty(o.Value.GetProperty("summary").GetString()));
        document.GetProperty("components").GetProperty("schemas").GetProperty("Distance").GetProperty("enum").EnumerateArray()
            .Select(e => e.GetString()).ShouldContain("mass-start");

        var root = await Database.Api.CreateClient(new() { AllowAutoRedirect = false }).GetAsync("/");
        root.StatusCode.ShouldBe(HttpStatusCode.OK);
        root.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
        root.Headers.GetValues("Content-Security-Policy").Single().ShouldStartWith("default-src 'self';");
        (await root.Content.ReadAsStringAsync()).ShouldContain("<a href=\"/swagger\">");
    }
}
