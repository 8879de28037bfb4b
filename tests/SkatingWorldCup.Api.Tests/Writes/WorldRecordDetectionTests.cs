using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SkatingWorldCup.Api.Domain;
using SkatingWorldCup.Api.Tests.Support;
using SkatingWorldCup.Api.Writes.Documents;

namespace SkatingWorldCup.Api.Tests.Writes;

public sealed class WorldRecordDetectionTests(DatabaseFixture database) : WriteTest(database)
{
    private static ResultDocument Lee(string time) => new() { Division = "a", Rank = 1, Skater = new() { Name = "Lee Sang-hwa", Nationality = "KOR" }, Time = time };

    private static ResultDocument Wolf(string time) => new() { Division = "a", Rank = 2, Skater = new() { Name = "Jenny Wolf", Nationality = "GER" }, Time = time };

    [Fact]
    public async Task A_new_fastest_time_becomes_a_detected_world_record_and_its_correction_removes_it()
    {
        var raceId = await RaceIdAsync("NAG1"); // 8 December 2012: the record in force is Yu Jing's 36.94

        using (var fast = await PutResultsAsync(raceId, [Lee("36.75"), Wolf("37.10")]))
        {
            fast.StatusCode.ShouldBe(HttpStatusCode.OK, await fast.Content.ReadAsStringAsync());
            (await fast.Content.ReadAsStringAsync()).ShouldContain("\"created\":{\"worldRecords\":1}");
        }
        var record = (await HistoryAsync()).Where(r => r.GetProperty("source").GetString() == "detected").ShouldHaveSingleItem();
        record.GetProperty("time").GetString().ShouldBe("36.75");
        record.GetProperty("date").GetString().ShouldBe("2012-12-08");
        record.GetProperty("raceId").GetInt32().ShouldBe(raceId);
        record.GetProperty("venue").GetString().ShouldBe("M-Wave");
        record.GetProperty("holders").EnumerateArray().Single().GetProperty("name").GetString().ShouldBe("Lee Sang-hwa");
        (await RecordFlagsAsync(raceId)).ShouldBe([("Lee Sang-hwa", "WR"), ("Jenny Wolf", null)]);
        var inForce = await GetJsonAsync("/api/v1/world-records?gender=women&distance=500&asOf=2012-12-31");
        inForce.GetProperty("items")[0].GetProperty("time").GetString().ShouldBe("36.75");

        using (var corrected = await PutResultsAsync(raceId, [Lee("37.75"), Wolf("37.10")]))
        {
            corrected.StatusCode.ShouldBe(HttpStatusCode.OK);
        }
        (await HistoryAsync()).ShouldNotContain(r => r.GetProperty("source").GetString() == "detected");
        (await RecordFlagsAsync(raceId)).ShouldAllBe(r => r.Record == null);
    }

    [Fact]
    public async Task A_faster_time_in_an_earlier_race_takes_the_record_and_the_later_race_s_ETag_moves()
    {
        var (hvn1, nag1) = (await RaceIdAsync("HVN1"), await RaceIdAsync("NAG1"));
        using (var later = await PutResultsAsync(nag1, [Lee("36.75"), Wolf("37.10")]))
        {
            later.StatusCode.ShouldBe(HttpStatusCode.OK);
        }
        var etag = (await Client.GetAsync($"/api/v1/races/{nag1}")).Headers.ETag!.Tag;

        using (var earlier = await PutResultsAsync(hvn1, [Lee("36.70"), Wolf("37.20")]))
        {
            earlier.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        // 36.75 on 8 December no longer beats the record in force before that day (36.70 on 16 November).
        (await HistoryAsync()).Where(r => r.GetProperty("source").GetString() == "detected").Select(r => r.GetProperty("time").GetString()).ShouldBe(["36.70"]);
        (await RecordFlagsAsync(nag1)).ShouldAllBe(r => r.Record == null);
        (await Client.GetAsync($"/api/v1/races/{nag1}")).Headers.ETag!.Tag.ShouldNotBe(etag);
        using var stale = await PutResultsAsync(nag1, [Lee("36.75")], ifMatch: etag);
        await ProblemAsync(stale, 412);
    }

    [Fact]
    public async Task A_team_record_is_held_by_the_nation()
    {
        var weekend = new OccasionDocument
        {
            City = "Salt Lake City", CityCode = "SLC", Country = "USA", Venue = "Utah Olympic Oval", StartDate = new(2013, 2, 23), EndDate = new(2013, 2, 24),
            Races = [new RaceDocument { Gender = "men", Distance = "team-pursuit", Order = 1, Date = new(2013, 2, 24), Results = [new() { Nation = "NED", Rank = 1, Time = "3:36.60", Points = 100 }] }],
        };

        using var created = await SendAsync(HttpMethod.Put, "/api/v1/seasons/2012-13/occasions/10", weekend);

        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var history = await GetJsonAsync("/api/v1/world-records/history?gender=men&distance=team-pursuit");
        var record = history.GetProperty("items").EnumerateArray().Where(r => r.GetProperty("source").GetString() == "detected").ShouldHaveSingleItem();
        record.GetProperty("time").GetString().ShouldBe("3:36.60");
        record.GetProperty("nation").GetProperty("nationality").GetString().ShouldBe("NED");
        record.GetProperty("holders").GetArrayLength().ShouldBe(0);
    }

    // The issue: "the bundled 2012–13 women's 500 m times produce exactly the two records of January 2013 when entered as
    // results". With the documents' two January entries removed, entering Calgary's results again detects one record,
    // 36.80 on 20 January: 36.99 on the 19th does not beat Yu Jing's 36.94, the record in force before that day. The
    // documents' 36.99 is their claim (data/README.md explains why it cannot be a record); detection does not repeat it.
    [Fact]
    public async Task Entering_the_Calgary_results_without_the_January_records_detects_only_the_36_80()
    {
        await using (var db = CreateContext())
        {
            (await db.WorldRecords.Where(w => w.Gender == Gender.Women && w.Distance == Distance.Metres500 && w.Date >= new DateOnly(2013, 1, 1)).ExecuteDeleteAsync()).ShouldBe(2);
        }
        var (cal1, cal2) = (await RaceIdAsync("CAL1"), await RaceIdAsync("CAL2"));
        await EnterAsync(cal1, cal2, BundledResults(6, 1), BundledResults(6, 2));

        var detected = (await HistoryAsync()).Where(r => r.GetProperty("date").GetString()!.StartsWith("2013", StringComparison.Ordinal)).ToList();
        var record = detected.ShouldHaveSingleItem();
        (record.GetProperty("time").GetString(), record.GetProperty("date").GetString(), record.GetProperty("raceId").GetInt32(), record.GetProperty("source").GetString())
            .ShouldBe(("36.80", "2013-01-20", cal2, "detected"));
        record.GetProperty("holders")[0].GetProperty("name").GetString().ShouldBe("Lee Sang-hwa");
        (await RecordFlagsAsync(cal1)).ShouldAllBe(r => r.Record == null);
        (await RecordFlagsAsync(cal2)).Where(r => r.Record != null).ShouldBe([("Lee Sang-hwa", "WR")]);
    }

    [Fact]
    public async Task Entering_the_Calgary_results_with_the_documents_records_detects_nothing_and_links_both()
    {
        var (cal1, cal2) = (await RaceIdAsync("CAL1"), await RaceIdAsync("CAL2"));
        var before = await HistoryAsync();

        // Later day first: detection does not depend on the order results are entered in.
        await EnterAsync(cal2, cal1, BundledResults(6, 2), BundledResults(6, 1));

        var after = await HistoryAsync();
        after.Select(r => (r.GetProperty("time").GetString(), r.GetProperty("date").GetString(), r.GetProperty("source").GetString()))
            .ShouldBe(before.Select(r => (r.GetProperty("time").GetString(), r.GetProperty("date").GetString(), r.GetProperty("source").GetString())));
        after.Where(r => r.GetProperty("raceId").ValueKind == JsonValueKind.Number).Select(r => r.GetProperty("raceId").GetInt32()).ShouldBe([cal1, cal2]);
        (await RecordFlagsAsync(cal1)).Where(r => r.Record != null).ShouldBe([("Lee Sang-hwa", "WR")]);
        (await RecordFlagsAsync(cal2)).Where(r => r.Record != null).ShouldBe([("Lee Sang-hwa", "WR")]);
    }

    [Fact]
    public async Task An_imported_record_is_unlinked_by_a_correction_but_never_deleted()
    {
        var cal2 = await RaceIdAsync("CAL2");
        var results = BundledResults(6, 2).Select(r => r.Time == "36.80" ? r with { Time = "36.81" } : r).ToList();

        using (var corrected = await PutResultsAsync(cal2, results))
        {
            corrected.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        var entry = (await HistoryAsync()).Single(r => r.GetProperty("time").GetString() == "36.80");
        entry.GetProperty("source").GetString().ShouldBe("imported");
        entry.GetProperty("raceId").ValueKind.ShouldBe(JsonValueKind.Null);
        // 36.81 beats the 36.99 in force before the 20th, but the documents' 36.80 of that day still holds that day's record.
        (await RecordFlagsAsync(cal2)).ShouldAllBe(r => r.Record == null);
        (await HistoryAsync()).ShouldNotContain(r => r.GetProperty("source").GetString() == "detected");
    }

    private async Task EnterAsync(int firstRace, int secondRace, List<ResultDocument> first, List<ResultDocument> second)
    {
        foreach (var (raceId, results) in new[] { (firstRace, new List<ResultDocument>()), (secondRace, []), (firstRace, first), (secondRace, second) })
        {
            using var response = await PutResultsAsync(raceId, results);
            response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        }
    }

    private async Task<List<JsonElement>> HistoryAsync() =>
        [.. (await GetJsonAsync("/api/v1/world-records/history?gender=women&distance=500")).GetProperty("items").EnumerateArray()];

    private async Task<List<(string? Name, string? Record)>> RecordFlagsAsync(int raceId) =>
        [.. (await GetJsonAsync($"/api/v1/races/{raceId}")).GetProperty("results").EnumerateArray()
            .Select(r => (r.GetProperty("competitor").GetProperty("name").GetString(), r.GetProperty("record").GetString()))];
}
