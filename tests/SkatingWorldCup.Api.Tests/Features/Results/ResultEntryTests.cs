using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SkatingWorldCup.Api.Tests.Support;
using SkatingWorldCup.Api.Writes;
using SkatingWorldCup.Api.Writes.Documents;

namespace SkatingWorldCup.Api.Tests.Features.Results;

public sealed class ResultEntryTests(DatabaseFixture database) : WriteTest(database)
{
    private static ResultDocument Skater(string name, string nationality, int rank, string time, string division = "a") =>
        new() { Division = division, Rank = rank, Skater = new SkaterDocument { Name = name, Nationality = nationality }, Time = time };

    private static readonly ResultDocument[] s_corrected =
    [
        Skater("Lee Sang-hwa", "KOR", 1, "37.01"),
        Skater("Jenny Wolf", "GER", 2, "37.32"),
        Skater("Wang Beixing", "CHN", 3, "37.40"),
        Skater("Vanessa Bittner", "AUT", 1, "38.90", "b"),
        new() { Skater = new SkaterDocument { Name = "Yu Jing", Nationality = "CHN" }, Status = "dq" },
    ];

    [Fact]
    public async Task A_corrected_result_list_replaces_the_race_s_results_with_points_computed_from_rank_and_division()
    {
        var raceId = await RaceIdAsync("CAL1");

        using var response = await PutResultsAsync(raceId, s_corrected);

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var race = await GetJsonAsync($"/api/v1/races/{raceId}");
        var results = race.GetProperty("results").EnumerateArray()
            .Select(r => (r.GetProperty("competitor").GetProperty("name").GetString(), r.GetProperty("division").GetString(), r.GetProperty("time").GetString(),
                r.GetProperty("points").GetInt32(), r.GetProperty("status").GetString()))
            .ToList();
        results.ShouldBe(
        [
            ("Lee Sang-hwa", "a", "37.01", 100, "finished"),
            ("Jenny Wolf", "a", "37.32", 80, "finished"),
            ("Wang Beixing", "a", "37.40", 70, "finished"),
            ("Vanessa Bittner", "b", "38.90", 25, "finished"),
            ("Yu Jing", null, null, 0, "dq"),
        ]);
    }

    [Fact]
    public async Task A_corrected_result_list_shows_in_the_cup_standings_on_the_next_read()
    {
        static async Task<Dictionary<string, (int Points, int? Cal1)>> StandingsAsync(HttpClient client)
        {
            var standings = await client.GetFromJsonAsync<JsonElement>("/api/v1/seasons/2012-13/cups/women-500/standings");
            return standings.GetProperty("standings").EnumerateArray()
                .Where(r => r.GetProperty("competitor").GetProperty("name").GetString() is not null)
                .ToDictionary(r => r.GetProperty("competitor").GetProperty("name").GetString()!,
                    r => (r.GetProperty("points").GetInt32(), r.GetProperty("racePoints").GetProperty("CAL1").ValueKind == JsonValueKind.Number ? r.GetProperty("racePoints").GetProperty("CAL1").GetInt32() : (int?)null));
        }
        var before = await StandingsAsync(Client);
        before["Olga Fatkulina"].Cal1.ShouldNotBeNull();

        // Wolf wins instead of Lee; Lee is disqualified.
        using var response = await PutResultsAsync(await RaceIdAsync("CAL1"), [Skater("Jenny Wolf", "GER", 1, "37.02"), new ResultDocument { Skater = new() { Name = "Lee Sang-hwa", Nationality = "KOR" }, Status = "dq" }]);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);

        var after = await StandingsAsync(Client);
        after["Jenny Wolf"].ShouldBe((before["Jenny Wolf"].Points - before["Jenny Wolf"].Cal1!.Value + 100, 100));
        after["Lee Sang-hwa"].ShouldBe((before["Lee Sang-hwa"].Points - before["Lee Sang-hwa"].Cal1!.Value, 0));
        after["Olga Fatkulina"].Cal1.ShouldBeNull(); // not in the corrected list: no start
    }

    [Fact]
    public async Task A_stale_If_Match_is_412_and_nothing_is_written()
    {
        var raceId = await RaceIdAsync("CAL1");
        var read = await Client.GetAsync($"/api/v1/races/{raceId}");
        var etag = read.Headers.ETag!.Tag;
        using (var first = await PutResultsAsync(raceId, s_corrected, ifMatch: etag))
        {
            first.StatusCode.ShouldBe(HttpStatusCode.OK);
            first.Headers.ETag!.Tag.ShouldNotBe(etag);
            (await Client.GetAsync($"/api/v1/races/{raceId}")).Headers.ETag!.Tag.ShouldBe(first.Headers.ETag.Tag);
        }
        var before = await DumpAsync();

        using var second = await PutResultsAsync(raceId, s_corrected.Take(2), ifMatch: etag);

        (await ProblemAsync(second, 412))["detail"]!.GetValue<string>().ShouldContain("changed since you read it");
        (await DumpAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task The_current_ETag_or_star_passes_If_Match_and_If_None_Match_gives_304()
    {
        var raceId = await RaceIdAsync("CAL1");
        var etag = (await Client.GetAsync($"/api/v1/races/{raceId}")).Headers.ETag!.Tag;

        using (var star = await PutResultsAsync(raceId, s_corrected, ifMatch: "*"))
        {
            star.StatusCode.ShouldBe(HttpStatusCode.OK);
            etag = star.Headers.ETag!.Tag;
        }
        using (var current = await PutResultsAsync(raceId, s_corrected.Take(3), ifMatch: etag))
        {
            current.StatusCode.ShouldBe(HttpStatusCode.OK);
            etag = current.Headers.ETag!.Tag;
        }
        using var conditional = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/races/{raceId}");
        conditional.Headers.TryAddWithoutValidation("If-None-Match", etag);
        (await Client.SendAsync(conditional)).StatusCode.ShouldBe(HttpStatusCode.NotModified);
    }

    [Fact]
    public async Task The_same_list_again_changes_nothing_not_even_the_ETag_or_the_data_version()
    {
        var raceId = await RaceIdAsync("CAL1");
        using var first = await PutResultsAsync(raceId, s_corrected);
        var before = await DumpAsync();

        using var again = await PutResultsAsync(raceId, s_corrected);

        (await again.Content.ReadFromJsonAsync<ImportSummary>(Json))!.Changed.ShouldBeFalse();
        again.Headers.ETag!.Tag.ShouldBe(first.Headers.ETag!.Tag);
        (await DumpAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task Result_errors_are_named_by_their_path_in_the_body()
    {
        var raceId = await RaceIdAsync("CAL1");
        var before = await DumpAsync();

        using var response = await PutResultsAsync(raceId,
        [
            Skater("Lee Sang-hwa", "KOR", 1, "3:10.00"),
            Skater("Jenny Wolf", "GER", 1, "37.32"),
            new ResultDocument { Nation = "NED", Rank = 3 },
            Skater("", "kor", 0, "37.5x"),
        ]);

        var errors = Errors(await ProblemAsync(response, 400));
        errors.Keys.ShouldBe(["results", "results[0].time", "results[2].skater", "results[3].rank", "results[3].skater.name", "results[3].skater.nationality", "results[3].time"], ignoreOrder: true);
        errors["results"].ShouldContain("ranks must be unique within a division.");
        (await DumpAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task An_unknown_race_is_404_and_a_missing_list_is_400()
    {
        using (var unknown = await PutResultsAsync(999999, s_corrected))
        {
            await ProblemAsync(unknown, 404);
        }
        using var missing = await SendAsync(HttpMethod.Put, $"/api/v1/races/{await RaceIdAsync("CAL1")}/results", new { });
        Errors(await ProblemAsync(missing, 400)).Keys.ShouldBe(["results"]);
    }

    [Fact]
    public async Task A_new_weekend_is_created_then_updated_and_races_without_results_keep_theirs()
    {
        var weekend = new OccasionDocument
        {
            City = "Inzell", CityCode = "INZ", Country = "GER", Venue = "Max Aicher Arena", StartDate = new(2013, 2, 23), EndDate = new(2013, 2, 24),
            Races =
            [
                new RaceDocument { Gender = "women", Distance = "500", Order = 1, Date = new(2013, 2, 23), Results = [.. s_corrected.Take(3)] },
                new RaceDocument { Gender = "men", Distance = "team-pursuit", Order = 1, Date = new(2013, 2, 24), Results = [new() { Nation = "NED", Rank = 1, Time = "3:40.12", Points = 100 }] },
            ],
        };

        string etag;
        using (var created = await SendAsync(HttpMethod.Put, "/api/v1/seasons/2012-13/occasions/10", weekend))
        {
            created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
            created.Headers.Location!.ToString().ShouldBe("/api/v1/seasons/2012-13/occasions/10");
            etag = created.Headers.ETag!.Tag;
        }
        var read = await Client.GetAsync("/api/v1/seasons/2012-13/occasions/10");
        read.Headers.ETag!.Tag.ShouldBe(etag);

        // The venue changes; the first race comes without results (it keeps its three), the second is not named (it stays).
        var update = weekend with { Venue = "Max Aicher Arena Inzell", Races = [weekend.Races[0] with { Results = null }] };
        using (var updated = await SendAsync(HttpMethod.Put, "/api/v1/seasons/2012-13/occasions/10", update, ifMatch: etag))
        {
            updated.StatusCode.ShouldBe(HttpStatusCode.OK, await updated.Content.ReadAsStringAsync());
            updated.Headers.ETag!.Tag.ShouldNotBe(etag);
        }
        using (var stale = await SendAsync(HttpMethod.Put, "/api/v1/seasons/2012-13/occasions/10", update, ifMatch: etag))
        {
            await ProblemAsync(stale, 412);
        }
        var occasion = await GetJsonAsync("/api/v1/seasons/2012-13/occasions/10");
        occasion.GetProperty("venue").GetString().ShouldBe("Max Aicher Arena Inzell");
        var races = occasion.GetProperty("races").EnumerateArray().ToList();
        races.Count.ShouldBe(2);
        var women = await GetJsonAsync($"/api/v1/races/{races.Single(r => r.GetProperty("gender").GetString() == "women").GetProperty("id").GetInt32()}");
        women.GetProperty("results").GetArrayLength().ShouldBe(3);
        women.GetProperty("code").GetString().ShouldBe("INZ");
    }

    [Fact]
    public async Task Weekend_errors_are_named_by_their_path_in_the_body_and_If_None_Match_star_only_creates()
    {
        var before = await DumpAsync();
        var bad = new OccasionDocument
        {
            Number = 11, City = "Inzell", CityCode = "INZ", Country = "GER", Venue = "Max Aicher Arena", StartDate = new(2013, 2, 23), EndDate = new(2013, 2, 24),
        };
        using (var mismatch = await SendAsync(HttpMethod.Put, "/api/v1/seasons/2012-13/occasions/10", bad))
        {
            Errors(await ProblemAsync(mismatch, 400)).Keys.ShouldBe(["number"]);
        }
        var outside = bad with { Number = null, EndDate = new(2013, 5, 1), Races = [new RaceDocument { Gender = "women", Distance = "10000", Order = 1 }] };
        using (var invalid = await SendAsync(HttpMethod.Put, "/api/v1/seasons/2012-13/occasions/10", outside))
        {
            Errors(await ProblemAsync(invalid, 400)).Keys.ShouldBe(["endDate", "races[0].distance"], ignoreOrder: true);
        }
        using (var unknownSeason = await SendAsync(HttpMethod.Put, "/api/v1/seasons/2099-00/occasions/1", bad with { Number = null }))
        {
            await ProblemAsync(unknownSeason, 404);
        }
        using var request = new HttpRequestMessage(HttpMethod.Put, "/api/v1/seasons/2012-13/occasions/1") { Content = JsonContent.Create(bad with { Number = null }, options: Json) };
        request.Headers.Add("X-Api-Key", Admin);
        request.Headers.TryAddWithoutValidation("If-None-Match", "*");
        await ProblemAsync(await Client.SendAsync(request), 412);
        (await DumpAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task Every_write_moves_the_data_version_and_is_listed_in_the_changes()
    {
        var version = long.Parse((await Client.GetAsync("/api/v1/seasons")).Headers.GetValues("X-Data-Version").Single());
        var last = (await GetJsonAsync("/api/v1/changes")).GetProperty("items").EnumerateArray().Last().GetProperty("id").GetInt64();
        var raceId = await RaceIdAsync("CAL1");

        using (var write = await PutResultsAsync(raceId, s_corrected))
        {
            write.Headers.GetValues("X-Data-Version").Single().ShouldBe($"{version + 1}");
        }
        long.Parse((await Client.GetAsync("/api/v1/seasons")).Headers.GetValues("X-Data-Version").Single()).ShouldBe(version + 1);

        var changes = await GetJsonAsync($"/api/v1/changes?since={last}");
        var change = changes.GetProperty("items").EnumerateArray().ShouldHaveSingleItem();
        change.GetProperty("key").GetString().ShouldBe("bootstrap");
        change.GetProperty("action").GetString().ShouldBe("replace-results");
        change.GetProperty("entity").GetString().ShouldBe("race");
        change.GetProperty("entityId").GetString().ShouldBe($"{raceId}");
        change.GetProperty("dataVersion").GetInt64().ShouldBe(version + 1);
        change.GetProperty("summary").GetProperty("race").GetString().ShouldBe("2012-13/6/women/500/1");
        change.GetProperty("summary").GetProperty("summary").GetProperty("deleted").GetProperty("results").GetInt32().ShouldBeGreaterThan(0);

        var at = change.GetProperty("at").GetDateTimeOffset();
        (await GetJsonAsync($"/api/v1/changes?since={Uri.EscapeDataString(at.AddSeconds(-1).ToString("O"))}")).GetProperty("total").GetInt32().ShouldBe(1);
        using var bad = await Client.GetAsync("/api/v1/changes?since=yesterday");
        Errors(await ProblemAsync(bad, 400)).Keys.ShouldBe(["since"]);
    }
}
