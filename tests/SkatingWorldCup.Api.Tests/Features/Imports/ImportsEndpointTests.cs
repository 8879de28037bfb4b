using System.Net;
using System.Net.Http.Json;
using System.Text;
using SkatingWorldCup.Api.Tests.Support;
using SkatingWorldCup.Api.Writes;

namespace SkatingWorldCup.Api.Tests.Features.Imports;

public sealed class ImportsEndpointTests(DatabaseFixture database) : WriteTest(database)
{
    [Fact]
    public async Task An_import_with_several_errors_is_rejected_with_every_error_by_path_and_nothing_written()
    {
        var document = Bundled("2012-13");
        var occasions = document.Occasions!.ToList();
        var calgary = occasions[5];
        var races = calgary.Races!.ToList();
        var index = races.FindIndex(r => r.Gender == "women" && r.Distance == "500" && r.Order == 1);
        var results = races[index].Results!.ToList();
        results[0] = results[0] with { Time = "5.00" }; // not a plausible 500 m
        results[1] = results[1] with { Skater = results[1].Skater! with { Nationality = "Korea" } };
        results[2] = results[2] with { Status = "dnf", Rank = 3, Points = null }; // a dnf has no rank
        races[index] = races[index] with { Results = results };
        occasions[5] = calgary with { CityCode = "calgary", Races = races };
        var broken = document with { Occasions = occasions, Name = " " };
        var before = await DumpAsync();

        using var response = await SendAsync(HttpMethod.Post, "/api/v1/imports", broken);

        var errors = Errors(await ProblemAsync(response, 400));
        var race = $"occasions[5].races[{index}].results";
        errors.Keys.ShouldBe(["name", "occasions[5].cityCode", $"{race}[0].time", $"{race}[1].skater.nationality", $"{race}[2].rank"], ignoreOrder: true);
        (await DumpAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task Errors_only_the_database_can_find_are_listed_too_and_nothing_is_written()
    {
        var document = Bundled("2011-12") with
        {
            Season = "2013-14", StartDate = new(2013, 11, 1), EndDate = new(2014, 3, 31), Occasions = [], PointsScheme = "made-up",
        };
        var before = await DumpAsync();

        using var response = await SendAsync(HttpMethod.Post, "/api/v1/imports", document);

        Errors(await ProblemAsync(response, 400)).Keys.ShouldBe(["pointsScheme"]);
        (await DumpAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task The_same_import_twice_reports_no_change_the_second_time()
    {
        var document = Bundled("2012-13");
        var changed = document with { OfficialName = "Essent ISU World Cup 2012/13", Occasions = [document.Occasions![0] with { Venue = "Thialf, Heerenveen" }] };

        using (var first = await SendAsync(HttpMethod.Post, "/api/v1/imports", changed))
        {
            var summary = (await first.Content.ReadFromJsonAsync<ImportSummary>(Json))!;
            first.StatusCode.ShouldBe(HttpStatusCode.OK);
            summary.Changed.ShouldBeTrue();
            summary.Updated.ShouldBe(new Dictionary<string, int> { ["occasions"] = 1, ["seasons"] = 1 });
            first.Headers.GetValues("X-Data-Version").ShouldHaveSingleItem();
        }
        var after = await DumpAsync();
        using var second = await SendAsync(HttpMethod.Post, "/api/v1/imports", changed);

        var again = (await second.Content.ReadFromJsonAsync<ImportSummary>(Json))!;
        second.StatusCode.ShouldBe(HttpStatusCode.OK);
        again.Changed.ShouldBeFalse();
        again.Created.ShouldBeEmpty();
        again.Updated.ShouldBeEmpty();
        again.Deleted.ShouldBeEmpty();
        again.Unchanged["occasions"].ShouldBe(1);
        (await DumpAsync()).ShouldBe(after); // not even an audit row or a data version bump
    }

    [Theory]
    [InlineData("{\"season\": \"2012-13\", \"occasions\": [{\"number\": \"one\"}]}", "occasions[0].number", "expected a whole number")]
    [InlineData("{\"season\": \"2012-13\", \"occasions\": [{\"number\": 99999999999}]}", "occasions[0].number", "expected a whole number")]
    [InlineData("{\"season\": \"2012-13\", \"pionts\": 100}", "pionts", "unknown field 'pionts'")]
    [InlineData("{\"season\": \"2012-13\", \"name\": \"Nul\\u0000\"}", "name", "U+0000")]
    [InlineData("{\"season\": \"2012-13\", \"occasions\": [{\"races\": [{\"res", "occasions[0].races[0]", "(line 1, byte ")]
    [InlineData("[]", "", "expected an object")]
    [InlineData("", "", "non-empty request body")]
    public async Task Malformed_bodies_are_400_validation_problems_naming_the_JSON_path(string body, string path, string message)
    {
        using var response = await SendAsync(HttpMethod.Post, "/api/v1/imports", new StringContentBody(body));

        var errors = Errors(await ProblemAsync(response, 400));
        errors.Keys.ShouldBe([path]);
        errors[path].ShouldContain(m => m.Contains(message, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_body_over_10_MB_is_413_problem_json()
    {
        var padding = new string(' ', 10 * 1024 * 1024);
        using var response = await SendAsync(HttpMethod.Post, "/api/v1/imports", new StringContentBody("{\"season\": \"2012-13\"" + padding + "}"));

        await ProblemAsync(response, 413);
    }

    [Fact]
    public async Task A_body_that_is_not_JSON_is_415_problem_json()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/imports") { Content = new StringContent("season=2012-13", Encoding.UTF8, "text/plain") };
        request.Headers.Add("X-Api-Key", Admin);
        using var response = await Client.SendAsync(request);

        await ProblemAsync(response, 415);
    }

    [Fact]
    public async Task The_importer_finds_the_second_final_of_a_merged_season()
    {
        var document = Bundled("2012-13");
        using var response = await SendAsync(HttpMethod.Post, "/api/v1/imports", document with { Occasions = [document.Occasions![0] with { IsFinal = true }] });

        Errors(await ProblemAsync(response, 400))["occasions"].ShouldHaveSingleItem().ShouldContain("1 and 9");
    }
}

// A raw body for SendAsync, sent as it is.
public sealed record StringContentBody(string Text);
