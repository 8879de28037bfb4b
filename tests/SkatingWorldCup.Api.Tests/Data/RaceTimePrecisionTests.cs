using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using SkatingWorldCup.Api.Domain;
using SkatingWorldCup.Api.Tests.Support;

namespace SkatingWorldCup.Api.Tests.Data;

// Times are stored in unconstrained numeric columns so that 36.80 comes back as 36.80, not 36.8 or 36.800:
// the API shows the precision that was recorded. This proves the whole path (EF, Npgsql, PostgreSQL) keeps it.
public sealed class RaceTimePrecisionTests(DatabaseFixture database) : DatabaseTest(database)
{
    [Theory]
    [InlineData("36.80", 2)]
    [InlineData("38.215", 3)]
    [InlineData("1", 0)]
    public async Task A_time_reads_back_with_the_scale_it_was_written_with(string text, int scale)
    {
        var time = decimal.Parse(text, CultureInfo.InvariantCulture);
        int resultId, recordId;
        await using (var db = CreateContext())
        {
            var result = NewResult(await db.PointsSchemes.Select(p => p.Id).FirstAsync(), time);
            var record = new WorldRecord { Gender = Gender.Men, Distance = Distance.Metres500, Time = time, Date = new DateOnly(2099, 11, 1), Result = result };
            db.WorldRecords.Add(record);
            await db.SaveChangesAsync();
            (resultId, recordId) = (result.Id, record.Id);
        }

        await using (var db = CreateContext())
        {
            var storedResult = (await db.Results.SingleAsync(r => r.Id == resultId)).Time!.Value;
            var storedRecord = (await db.WorldRecords.SingleAsync(w => w.Id == recordId)).Time;

            storedResult.Scale.ShouldBe((byte)scale);
            storedResult.ToString(CultureInfo.InvariantCulture).ShouldBe(text);
            storedRecord.Scale.ShouldBe((byte)scale);
            storedRecord.ToString(CultureInfo.InvariantCulture).ShouldBe(text);
        }

        // And PostgreSQL itself holds that scale (what the CHECK scale(time) <= 3 and any SQL report see).
        await using var connection = new NpgsqlConnection(Database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT (SELECT scale(time) FROM results WHERE id = $1), (SELECT scale(time) FROM world_records WHERE id = $2)", connection)
        {
            Parameters = { new() { Value = resultId }, new() { Value = recordId } },
        };
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        reader.GetInt32(0).ShouldBe(scale);
        reader.GetInt32(1).ShouldBe(scale);
    }

    // The smallest graph a result needs, in a season of its own so it cannot collide with seeded data.
    private static Result NewResult(int pointsSchemeId, decimal time)
    {
        var season = new Season
        {
            Id = "2099-00", Name = "Precision test", StartDate = new DateOnly(2099, 10, 1), EndDate = new DateOnly(2100, 3, 31),
            PointsSchemeId = pointsSchemeId, TieBreak = TieBreakRule.None,
        };
        var occasion = new Occasion
        {
            SeasonId = season.Id, Season = season, Number = 1, City = "Heerenveen", CityCode = "HEE", Country = "NED", Venue = "Thialf",
        };
        var race = new Race { Occasion = occasion, Gender = Gender.Men, Distance = Distance.Metres500, Order = 1 };
        var skater = new Competitor { Type = CompetitorType.Skater, Name = "Precision Test", Nationality = "NED" };
        return new Result
        {
            Race = race, Competitor = skater, Division = Division.A, Rank = 1, Time = time, Status = ResultStatus.Finished, Points = 100,
        };
    }
}
