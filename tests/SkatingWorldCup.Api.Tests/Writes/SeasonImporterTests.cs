using Microsoft.EntityFrameworkCore;
using SkatingWorldCup.Api.Domain;
using SkatingWorldCup.Api.Tests.Support;
using SkatingWorldCup.Api.Writes;
using SkatingWorldCup.Api.Writes.Documents;
using SkatingWorldCup.Api.Writes.Validation;

namespace SkatingWorldCup.Api.Tests.Writes;

public class SeasonImporterTests(DatabaseFixture database) : DatabaseTest(database)
{
    private static SeasonDocument Bundled(string season) => BundledSeasons.Load().Single(s => s.Name == season).Document;

    private async Task<ImportOutcome> ImportAsync(SeasonDocument document)
    {
        await using var db = CreateContext();
        return await new SeasonImporter(db, new SeasonDocumentValidator()).ImportAsync(document);
    }

    [Fact]
    public async Task Importing_a_bundled_season_again_changes_nothing_and_says_so()
    {
        var outcome = await ImportAsync(Bundled("2012-13"));
        outcome.Succeeded.ShouldBeTrue();
        outcome.Summary!.Changed.ShouldBeFalse();
        outcome.Summary.Created.ShouldBeEmpty();
        outcome.Summary.Updated.ShouldBeEmpty();
        outcome.Summary.Deleted.ShouldBeEmpty();
        outcome.Summary.Unchanged["races"].ShouldBe(82);
        outcome.Summary.Unchanged["results"].ShouldBe(382);
    }

    [Fact]
    public async Task A_changed_document_updates_in_place_and_a_race_gets_exactly_its_new_result_list()
    {
        var document = Bundled("2012-13");
        var occasion = document.Occasions![0];
        var race = occasion.Races!.Single(r => r.Gender == "women" && r.Distance == "500" && r.Order == 1);
        var changed = document with
        {
            Occasions = [occasion with { Venue = "Thialf (renovated)", Races = [race with { Results = race.Results!.Take(3).ToList() }] }, .. document.Occasions.Skip(1)],
        };

        var outcome = await ImportAsync(changed);

        outcome.Succeeded.ShouldBeTrue(string.Join("; ", outcome.Errors.Select(e => e.Key)));
        outcome.Summary!.Updated["occasions"].ShouldBe(1);
        outcome.Summary.Deleted["results"].ShouldBe(race.Results!.Count - 3);
        await using var db = CreateContext();
        (await db.Occasions.SingleAsync(o => o.SeasonId == "2012-13" && o.Number == 1)).Venue.ShouldBe("Thialf (renovated)");
        (await db.Races.CountAsync(r => r.Occasion.SeasonId == "2012-13")).ShouldBe(82); // an import never deletes what it leaves out
        (await db.Results.CountAsync(r => r.Race.Occasion.SeasonId == "2012-13")).ShouldBe(382 - race.Results.Count + 3);
    }

    [Fact]
    public async Task A_document_with_several_errors_is_rejected_whole_with_every_error_by_path_and_nothing_written()
    {
        var document = Bundled("2012-13");
        var occasion = document.Occasions![0];
        var race = occasion.Races!.Single(r => r.Gender == "women" && r.Distance == "500" && r.Order == 1);
        var results = race.Results!.ToList();
        results[5] = results[5] with { Time = "5.00" };
        results[6] = results[6] with { Skater = results[6].Skater! with { Nationality = "Korea" } };
        var broken = document with
        {
            Name = "Renamed season that must not be saved",
            Occasions = [occasion with { CityCode = "hv", Races = [race with { Results = results }, race with { Distance = "10000", Results = race.Results!.Take(3).ToList() }] }, .. document.Occasions.Skip(1)],
        };

        var outcome = await ImportAsync(broken);

        outcome.Succeeded.ShouldBeFalse();
        outcome.Errors.Keys.ShouldBe([
            "occasions[0].cityCode",
            "occasions[0].races[0].results[5].time",
            "occasions[0].races[0].results[6].skater.nationality",
            "occasions[0].races[1].distance",
            // The same results moved to a 10000 m are also implausible times for it: every error is listed.
            "occasions[0].races[1].results[0].time",
            "occasions[0].races[1].results[1].time",
            "occasions[0].races[1].results[2].time",
        ], ignoreOrder: true);
        await using var db = CreateContext();
        (await db.Seasons.SingleAsync(s => s.Id == "2012-13")).Name.ShouldBe("2012–13 ISU Speed Skating World Cup");
    }

    [Fact]
    public async Task An_unknown_points_scheme_is_an_error_and_nothing_is_written()
    {
        var outcome = await ImportAsync(Bundled("2011-12") with { Season = "2013-14", PointsScheme = "made-up", StartDate = new(2013, 11, 1), EndDate = new(2014, 3, 31), Occasions = [] });
        outcome.Errors.Keys.ShouldBe(["pointsScheme"]);
        await using var db = CreateContext();
        (await db.Seasons.AnyAsync(s => s.Id == "2013-14")).ShouldBeFalse();
    }

    [Fact]
    public async Task Points_are_computed_from_rank_division_and_the_final_table_when_not_given()
    {
        var document = Bundled("2012-13");
        var final = document.Occasions!.Single(o => o.IsFinal == true);
        var race = final.Races!.Single(r => r.Gender == "men" && r.Distance == "1000");
        ResultDocument Result(string name, string division, int rank) => new() { Skater = new() { Name = name, Nationality = "NED" }, Division = division, Rank = rank, Time = "1:09.50" };
        var withResults = race with { Results = [Result("A", "a", 1), Result("B", "a", 6), Result("C", "a", 21)] };
        var outcome = await ImportAsync(document with { Occasions = [final with { Races = [withResults] }] });

        outcome.Succeeded.ShouldBeTrue(string.Join("; ", outcome.Errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}")));
        await using var db = CreateContext();
        var points = await db.Results.Where(r => r.Race.Occasion.IsFinal && r.Race.Occasion.SeasonId == "2012-13" && r.Race.Distance == Distance.Metres1000 && r.Race.Gender == Gender.Men)
            .OrderBy(r => r.Rank).Select(r => new { r.Points, r.PointsGiven }).ToListAsync();
        points.Select(p => p.Points).ShouldBe([150, 45, 0]);
        points.ShouldAllBe(p => !p.PointsGiven);
    }
}
