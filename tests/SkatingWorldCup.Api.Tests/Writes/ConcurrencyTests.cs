using System.Globalization;
using System.Net;
using System.Text.Json;
using SkatingWorldCup.Api.Tests.Support;
using SkatingWorldCup.Api.Writes.Documents;

namespace SkatingWorldCup.Api.Tests.Writes;

public sealed class ConcurrencyTests(DatabaseFixture database) : WriteTest(database)
{
    private const int Desks = 50;

    // List i: 10–29 of the race's skaters, ranked 1…n with times unique to the list, so a mix of two lists matches none.
    private static List<List<ResultDocument>> DifferentLists()
    {
        var skaters = BundledResults(6, 2).Select(r => r.Skater!).ToList();
        return [.. Enumerable.Range(0, Desks).Select(i => skaters.Take(10 + i % 20)
            .Select((s, k) => new ResultDocument { Division = "a", Rank = k + 1, Skater = s, Time = (37.00m + i * 0.2m + k * 0.01m).ToString("F2", CultureInfo.InvariantCulture) })
            .ToList())];
    }

    [Fact]
    public async Task Fifty_concurrent_PUTs_of_different_lists_leave_exactly_one_list_complete()
    {
        var raceId = await RaceIdAsync("CAL2");
        var lists = DifferentLists();

        var responses = await Task.WhenAll(lists.Select(async list =>
        {
            using var response = await PutResultsAsync(raceId, list);
            return (response.StatusCode, Body: await response.Content.ReadAsStringAsync());
        }));

        responses.ShouldAllBe(r => r.StatusCode == HttpStatusCode.OK);
        var stored = await StoredAsync(raceId);
        lists.Select(Key).Count(list => list.SequenceEqual(stored)).ShouldBe(1, "the race must hold exactly one of the lists, whole");
        // The writes took turns: each replaced the whole list of the one before and moved the race's version once.
        (await Client.GetAsync($"/api/v1/races/{raceId}")).Headers.ETag!.Tag.ShouldMatch($"^\"race-{raceId}-{1 + Desks}(-wr[0-9]+)*\"$");
        var changes = await GetJsonAsync("/api/v1/changes?limit=500");
        changes.GetProperty("items").EnumerateArray().Count(c => c.GetProperty("action").GetString() == "replace-results").ShouldBe(Desks);
    }

    [Fact]
    public async Task Fifty_concurrent_PUTs_with_the_same_If_Match_let_exactly_one_through()
    {
        var raceId = await RaceIdAsync("CAL2");
        var etag = (await Client.GetAsync($"/api/v1/races/{raceId}")).Headers.ETag!.Tag;
        var lists = DifferentLists();

        var statuses = await Task.WhenAll(lists.Select(async (list, i) =>
        {
            using var response = await PutResultsAsync(raceId, list, ifMatch: etag);
            return (Index: i, response.StatusCode);
        }));

        var winner = statuses.Where(s => s.StatusCode == HttpStatusCode.OK).ShouldHaveSingleItem();
        statuses.Count(s => s.StatusCode == HttpStatusCode.PreconditionFailed).ShouldBe(Desks - 1);
        (await StoredAsync(raceId)).ShouldBe(Key(lists[winner.Index]));
    }

    private async Task<List<string>> StoredAsync(int raceId) =>
        [.. (await GetJsonAsync($"/api/v1/races/{raceId}")).GetProperty("results").EnumerateArray()
            .Select(r => $"{Who(r.GetProperty("competitor"))} {r.GetProperty("rank").GetInt32()} {r.GetProperty("time").GetString()}")
            .Order(StringComparer.Ordinal)];

    private static List<string> Key(List<ResultDocument> list) =>
        [.. list.Select(r => $"{r.Skater!.Name ?? r.Skater.SourceRef}|{r.Skater.Nationality} {r.Rank} {r.Time}").Order(StringComparer.Ordinal)];

    private static string Who(JsonElement competitor) =>
        $"{competitor.GetProperty("name").GetString() ?? competitor.GetProperty("sourceRef").GetString()}|{competitor.GetProperty("nationality").GetString()}";
}
