using SkatingWorldCup.Api.Data.Reads;
using SkatingWorldCup.Api.Domain;
using SkatingWorldCup.Api.Tests.Support;
using SkatingWorldCup.Api.Writes;
using SkatingWorldCup.Api.Writes.Documents;
using SkatingWorldCup.Api.Writes.Validation;

namespace SkatingWorldCup.Api.Tests.Data.Reads;

// CupReader selects "the cup that holds a gender's distance" in SQL, so that the whole cup is one round trip;
// SeasonReads.CupFor is the same rule in C#. These hold them to the same answer for every gender and distance.
public sealed class CupReaderTests(DatabaseFixture database) : DatabaseTest(database)
{
    [Theory]
    [InlineData("2011-12")]
    [InlineData("2012-13")]
    public async Task Selecting_by_gender_and_distance_picks_the_cup_CupFor_picks(string season)
    {
        await SelectionsAgreeAsync(season);
    }

    [Fact]
    public async Task They_agree_on_a_season_with_cups_of_its_own()
    {
        var document = SyntheticSeasons.Generate(1985, seed: 1) with
        {
            Cups =
            [
                new() { Gender = "women", Distances = ["500", "1000"] },
                new() { Gender = "men", Distances = ["1500", "5000", "10000"] },
                new() { Gender = "men", Distances = ["mass-start"] },
            ],
        };
        await using (var db = CreateContext())
        {
            (await new SeasonImporter(db, new SeasonDocumentValidator()).ImportAsync(document)).Succeeded.ShouldBeTrue();
        }
        await SelectionsAgreeAsync(document.Season!);
    }

    private async Task SelectionsAgreeAsync(string season)
    {
        await using var db = CreateContext();
        var cups = await db.CupsOfAsync(season, CancellationToken.None);
        cups.ShouldNotBeEmpty();
        foreach (var gender in Enum.GetValues<Gender>())
        {
            foreach (var distance in Enum.GetValues<Distance>())
            {
                var read = await CupReader.ReadAsync(db, season, new CupSelector(null, gender, distance), CancellationToken.None);
                (read.Selected?.Slug).ShouldBe(cups.CupFor(gender, distance)?.Slug, $"{season} {gender} {distance}");
                read.Cups.Select(c => c.Slug).ShouldBe(cups.Select(c => c.Slug));
            }
        }
    }
}
