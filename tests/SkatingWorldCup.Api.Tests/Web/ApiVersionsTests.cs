using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SkatingWorldCup.Api.Tests.Support;

namespace SkatingWorldCup.Api.Tests.Web;

// URL-segment versioning.
public sealed class ApiVersionsTests(DatabaseFixture database) : ApiTest(database)
{
    [Fact]
    public async Task An_unknown_version_is_a_404_naming_the_supported_ones_and_every_api_response_says_which_exist()
    {
        var response = await Client.GetAsync("/api/v9/seasons");
        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString()!.ShouldContain("v1");
        response.Headers.GetValues("api-supported-versions").Single().ShouldBe("1.0");

        var ok = await Client.GetAsync("/api/v1/seasons");
        ok.Headers.GetValues("api-supported-versions").Single().ShouldBe("1.0");
    }
}
