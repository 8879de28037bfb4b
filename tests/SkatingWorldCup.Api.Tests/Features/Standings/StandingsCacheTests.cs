using System.Net;
using Microsoft.EntityFrameworkCore;
using SkatingWorldCup.Api.Tests.Support;
using SkatingWorldCup.Api.Writes;
using static SkatingWorldCup.Api.Tests.Support.StandingsJson;

namespace SkatingWorldCup.Api.Tests.Features.Standings;

// Cached standings: never stale after a write, and byte for byte what computing them again sends.
public sealed class StandingsCacheTests(DatabaseFixture database) : ApiTest(database)
{
    [Fact]
    public async Task Standings_served_after_a_change_to_the_data_show_the_change_not_the_cached_answer()
    {
        ((int)Row(await GetNodeAsync(WomenSprint), "Lee Sang-hwa")["points"]!).ShouldBe(1055);
        // A write as every writer makes one: in a WriteTransaction, which moves the data version the cache is keyed by.
        await using (var db = CreateContext())
        {
            await using var write = await db.BeginWriteAsync(CancellationToken.None);
            var lee = await db.Competitors.SingleAsync(c => c.Name == "Lee Sang-hwa");
            (await db.Results.Where(r => r.CompetitorId == lee.Id && r.Points == 100 && r.Race.Occasion.SeasonId == "2012-13" && r.Race.Occasion.Number == 1
                && r.Race.Order == 1).ExecuteUpdateAsync(s => s.SetProperty(r => r.Points, 0))).ShouldBe(1);
            await write.CommitAsync(new ChangeEntry(Actors.System, "test", "result", "lee", new { }), CancellationToken.None);
        }

        ((int)Row(await GetNodeAsync(WomenSprint), "Lee Sang-hwa")["points"]!).ShouldBe(955);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("utf-16")]
    public async Task A_cached_answer_is_sent_byte_for_byte_as_computing_it_again_would_send_it(string? charset)
    {
        await using var uncachedApi = Database.Api.WithWebHostBuilder(b => b.UseSetting("Caching:Standings", "false"));
        using var uncached = uncachedApi.CreateClient();
        async Task<(string? ContentType, byte[] Body)> GetAsync(HttpClient client)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, WomenSprint + "&include=progression");
            if (charset is not null)
            {
                request.Headers.AcceptCharset.ParseAdd(charset);
            }
            using var response = await client.SendAsync(request);
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            return (response.Content.Headers.ContentType?.ToString(), await response.Content.ReadAsByteArrayAsync());
        }

        var computed = await GetAsync(uncached);
        var first = await GetAsync(Client);
        var kept = await GetAsync(Client); // the bytes kept by the first

        computed.ContentType.ShouldBe($"application/json; charset={charset ?? "utf-8"}");
        (first.ContentType, kept.ContentType).ShouldBe((computed.ContentType, computed.ContentType));
        first.Body.ShouldBe(computed.Body);
        kept.Body.ShouldBe(computed.Body);
        // Escaped as MVC escapes: relaxed, so "women's" in a source reference is not written "women\u0027s".
        System.Text.Encoding.GetEncoding(charset ?? "utf-8").GetString(kept.Body).ShouldContain("women's 500 m standings");
    }
}
