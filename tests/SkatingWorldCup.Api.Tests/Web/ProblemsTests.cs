using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SkatingWorldCup.Api.Tests.Support;

namespace SkatingWorldCup.Api.Tests.Web;

// Bad input and unknown ids on every read: problem+json, never a 500.
public sealed class ProblemsTests(DatabaseFixture database) : ApiTest(database)
{
    [Theory]
    [InlineData("/api/v1/seasons/2012-13/races?gender=xyz", "gender")]
    [InlineData("/api/v1/seasons/2012-13/races?gender=0", "gender")]
    [InlineData("/api/v1/seasons/2012-13/races?distance=400", "distance")]
    [InlineData("/api/v1/seasons/2012-13/races?occasion=0", "occasion")]
    [InlineData("/api/v1/seasons?limit=-1", "limit")]
    [InlineData("/api/v1/seasons?limit=501", "limit")]
    [InlineData("/api/v1/seasons?limit=abc", "limit")]
    [InlineData("/api/v1/seasons?offset=-5", "offset")]
    [InlineData("/api/v1/world-records?asOf=notadate", "asOf")]
    [InlineData("/api/v1/world-records/history?gender=boys", "gender")]
    [InlineData("/api/v1/skaters?nationality=KOREA", "nationality")]
    [InlineData("/api/v1/races/abc", "raceId")]
    [InlineData("/api/v1/races/99999999999", "raceId")]
    public async Task Bad_query_values_are_400_problems_naming_the_parameter(string path, string parameter)
    {
        var response = await Client.GetAsync(path);
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("status").GetInt32().ShouldBe(400);
        problem.GetProperty("traceId").GetString().ShouldNotBeNullOrEmpty();
        problem.GetProperty("errors").TryGetProperty(parameter, out _).ShouldBeTrue(problem.ToString());
    }

    [Theory]
    [InlineData("/api/v1/seasons/2030-31")]
    [InlineData("/api/v1/seasons/2030-31/occasions")]
    [InlineData("/api/v1/seasons/nonsense/races")]
    [InlineData("/api/v1/seasons/2012-13/occasions/77")]
    [InlineData("/api/v1/seasons/2012-13/cups/women-400")]
    [InlineData("/api/v1/races/999999")]
    [InlineData("/api/v1/skaters/999999")]
    [InlineData("/api/v1/no-such-thing")]
    public async Task Unknown_ids_are_404_problems(string path)
    {
        var response = await Client.GetAsync(path);
        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("detail").GetString().ShouldNotBeNullOrEmpty();
        problem.GetProperty("traceId").GetString().ShouldNotBeNullOrEmpty();
    }

    [Fact]
    public async Task No_endpoint_answers_500_to_odd_input()
    {
        string[] values = ["", "-1", "0", "2147483648", "1e9", "%00", "'; DROP TABLE results; --", "ÅÄÖ漢字", new string('x', 3000), "null", "[]", "{}"];
        string[] templates = ["/api/v1/seasons/{0}", "/api/v1/seasons/{0}/occasions", "/api/v1/seasons/2012-13/occasions/{0}", "/api/v1/seasons/2012-13/races?gender={0}",
            "/api/v1/seasons/2012-13/races?distance={0}&occasion={0}", "/api/v1/races/{0}", "/api/v1/seasons/2012-13/cups/{0}", "/api/v1/world-records?asOf={0}",
            "/api/v1/world-records/history?distance={0}", "/api/v1/skaters?name={0}", "/api/v1/skaters/{0}", "/api/v1/seasons?limit={0}&offset={0}"];
        foreach (var template in templates)
        {
            foreach (var value in values)
            {
                var path = string.Format(System.Globalization.CultureInfo.InvariantCulture, template, Uri.EscapeDataString(value));
                var response = await Client.GetAsync(path);
                ((int)response.StatusCode).ShouldBeLessThan(500, path);
            }
        }
        (await GetJsonAsync("/api/v1/seasons/2012-13")).GetProperty("counts").GetProperty("results").GetInt32().ShouldBe(382);
    }
}
