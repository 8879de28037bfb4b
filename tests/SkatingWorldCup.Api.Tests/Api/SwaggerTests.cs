using System.Net;
using System.Text.Json.Nodes;
using SkatingWorldCup.Api.Tests.Infrastructure;

namespace SkatingWorldCup.Api.Tests.Api;

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
}
