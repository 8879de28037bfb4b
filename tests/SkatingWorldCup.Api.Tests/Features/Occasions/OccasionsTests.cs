using System.Text.Json;
using SkatingWorldCup.Api.Tests.Support;

namespace SkatingWorldCup.Api.Tests.Features.Occasions;

// The calendar over HTTP, on the bundled seasons.
public sealed class OccasionsTests(DatabaseFixture database) : ApiTest(database)
{
    [Fact]
    public async Task The_2012_13_calendar_has_nine_weekends_in_order_and_three_championships_between_them()
    {
        var items = (await GetJsonAsync("/api/v1/seasons/2012-13/occasions")).GetProperty("items").EnumerateArray().ToList();
        var weekends = items.Where(i => i.GetProperty("kind").GetString() == "world-cup").ToList();
        weekends.Select(w => w.GetProperty("number").GetInt32()).ShouldBe([1, 2, 3, 4, 5, 6, 7, 8, 9]);
        weekends[0].GetProperty("city").GetString().ShouldBe("Heerenveen");
        weekends[0].GetProperty("venue").GetString().ShouldBe("Thialf");
        weekends[0].GetProperty("startDate").GetString().ShouldBe("2012-11-16");
        weekends[3].GetProperty("startDate").ValueKind.ShouldBe(JsonValueKind.Null); // Nagano: no source states the dates
        weekends.Select(w => w.GetProperty("isFinal").GetBoolean()).ShouldBe([false, false, false, false, false, false, false, false, true]);

        var championships = items.Where(i => i.GetProperty("isChampionship").GetBoolean()).ToList();
        championships.Count.ShouldBe(3);
        championships.ShouldAllBe(c => c.GetProperty("number").ValueKind == JsonValueKind.Null);
        // The European Championships (January 2013) sit between weekend 5 (Harbin) and weekend 6 (Calgary).
        var order = items.Select(i => i.GetProperty("kind").GetString() == "world-cup" ? $"#{i.GetProperty("number").GetInt32()}" : "C").ToList();
        string.Join(" ", order).ShouldBe("#1 #2 #3 #4 #5 C #6 C #7 C #8 #9");
    }
}
