using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;
using SkatingWorldCup.Api.Domain;
using SkatingWorldCup.Api.Domain.Rules;

namespace SkatingWorldCup.Api.Data.Reads;

// Which cup: by its id (women-500), or as the cup that holds a gender's distance.
public readonly record struct CupSelector(string? Slug, Gender? Gender, Distance? Distance);

public sealed record ResultRow(Competitor Competitor, Division? Division, int? Rank, decimal? Time, ResultStatus Status, int Points);

// A race of the cup: what its column code is made of, its city, its results.
public sealed record RaceRow(CupRace Race, string City, List<ResultRow> Results)
{
    public int Id => Race.RaceId;
    public int Occasion => Race.OccasionNumber;
    public DateOnly? Date => Race.Date;
    public Distance Distance => Race.Distance;
}

public sealed record SeasonHeader(DateOnly StartDate, DateOnly EndDate, TieBreakRule TieBreak, string PointsScheme);

// What a cup's standings and medallists are made of. Header is null when the season does not exist, Selected when
// no cup of it matched; Races and Published are those of the selected cup.
public sealed record CupData(SeasonHeader? Header, List<CupKey> Cups, CupKey? Selected, List<WindowOccasion> Occasions, List<RaceRow> Races,
    List<PublishedStanding> Published);

// Reads CupData in one round trip: a batch of five statements. The cup is selected in SQL, so the races and the
// published standings need not wait for the cup list; the selection is SeasonReads.CupFor's rule, and CupReaderTests
// hold the two to the same answers. The tables are small per season and every statement starts
// from an index on season_id or cup_id, so the cost does not grow with the number of seasons held.
public static class CupReader
{
    private const string SelectedCup = """
        (SELECT c.id FROM cups c WHERE c.season_id = $1 AND (c.slug = $2 OR ($2 IS NULL AND c.gender = $3
            AND EXISTS (SELECT 1 FROM cup_distances d WHERE d.cup_id = c.id AND d.distance = $4))) ORDER BY c.id LIMIT 1)
        """;

    private static readonly string[] s_statements =
    [
        "SELECT s.start_date, s.end_date, s.tie_break, p.name FROM seasons s JOIN points_schemes p ON p.id = s.points_scheme_id WHERE s.id = $1",
        $"SELECT c.id, c.slug, c.gender, d.distance, c.id = {SelectedCup} FROM cups c LEFT JOIN cup_distances d ON d.cup_id = c.id WHERE c.season_id = $1",
        "SELECT o.number, o.city, o.start_date, o.end_date FROM occasions o WHERE o.season_id = $1 ORDER BY o.number",
        $"""
        SELECT ra.id, o.number, o.city, o.city_code, ra.date, ra.distance, ra.race_order,
               x.division, x.rank, x.time, x.status, x.points, c.id, c.type, c.name, c.nationality, c.source_ref
        FROM cups cu
        JOIN cup_distances cd ON cd.cup_id = cu.id
        JOIN occasions o ON o.season_id = cu.season_id
        JOIN races ra ON ra.occasion_id = o.id AND ra.gender = cu.gender AND ra.distance = cd.distance
        LEFT JOIN results x ON x.race_id = ra.id
        LEFT JOIN competitors c ON c.id = x.competitor_id
        WHERE cu.id = {SelectedCup}
        ORDER BY ra.id, x.id
        """,
        $"""
        SELECT p.rank, p.points, c.id, c.type, c.name, c.nationality, c.source_ref
        FROM published_standings p JOIN competitors c ON c.id = p.competitor_id
        WHERE p.cup_id = {SelectedCup}
        ORDER BY p.rank, c.name, c.id
        """,
    ];

    public static async Task<CupData> ReadAsync(SkatingDbContext db, string season, CupSelector cup, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var batch = Batch((NpgsqlConnection)db.Database.GetDbConnection(), season, cup);
            await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
            var header = await ReadHeaderAsync(reader, cancellationToken);
            await reader.NextResultAsync(cancellationToken);
            var (cups, selected) = await ReadCupsAsync(reader, cancellationToken);
            await reader.NextResultAsync(cancellationToken);
            var occasions = await ReadOccasionsAsync(reader, cancellationToken);
            var competitors = new Dictionary<int, Competitor>();
            await reader.NextResultAsync(cancellationToken);
            var races = await ReadRacesAsync(reader, competitors, cancellationToken);
            await reader.NextResultAsync(cancellationToken);
            var published = await ReadPublishedAsync(reader, competitors, cancellationToken);
            return new CupData(header, cups, cups.SingleOrDefault(c => c.Id == selected), occasions, races, published);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    // Every statement gets the same four typed parameters; PostgreSQL accepts typed ones a statement does not use.
    private static NpgsqlBatch Batch(NpgsqlConnection connection, string season, CupSelector cup)
    {
        var batch = new NpgsqlBatch(connection);
        foreach (var sql in s_statements)
        {
            batch.BatchCommands.Add(new NpgsqlBatchCommand(sql)
            {
                Parameters =
                {
                    new() { NpgsqlDbType = NpgsqlDbType.Text, Value = season },
                    new() { NpgsqlDbType = NpgsqlDbType.Text, Value = (object?)cup.Slug ?? DBNull.Value },
                    new() { NpgsqlDbType = NpgsqlDbType.Text, Value = cup.Gender is { } g ? g.ToApi() : DBNull.Value },
                    new() { NpgsqlDbType = NpgsqlDbType.Text, Value = cup.Distance is { } d ? d.ToApi() : DBNull.Value },
                },
            });
        }
        return batch;
    }

    private static async Task<SeasonHeader?> ReadHeaderAsync(NpgsqlDataReader reader, CancellationToken cancellationToken) =>
        await reader.ReadAsync(cancellationToken)
            ? new(reader.GetFieldValue<DateOnly>(0), reader.GetFieldValue<DateOnly>(1), ApiName<TieBreakRule>.Parse(reader.GetString(2)), reader.GetString(3))
            : null;

    // The season's cups, in the order SeasonReads lists them, and the id of the selected one.
    private static async Task<(List<CupKey> Cups, int? Selected)> ReadCupsAsync(NpgsqlDataReader reader, CancellationToken cancellationToken)
    {
        var cups = new Dictionary<int, (string Slug, Gender Gender, List<Distance> Distances)>();
        int? selected = null;
        while (await reader.ReadAsync(cancellationToken))
        {
            var id = reader.GetInt32(0);
            if (!cups.TryGetValue(id, out var c))
            {
                cups[id] = c = (reader.GetString(1), ApiName<Gender>.Parse(reader.GetString(2)), []);
            }
            if (!reader.IsDBNull(3))
            {
                c.Distances.Add(ApiName<Distance>.Parse(reader.GetString(3)));
            }
            if (!reader.IsDBNull(4) && reader.GetBoolean(4))
            {
                selected = id;
            }
        }
        return (SeasonReads.InOrder(cups.Select(c => new CupKey(c.Key, c.Value.Slug, c.Value.Gender, [.. c.Value.Distances.Order()]))), selected);
    }

    private static async Task<List<WindowOccasion>> ReadOccasionsAsync(NpgsqlDataReader reader, CancellationToken cancellationToken)
    {
        var occasions = new List<WindowOccasion>();
        while (await reader.ReadAsync(cancellationToken))
        {
            occasions.Add(new(reader.GetInt32(0), reader.GetString(1), NullableDate(reader, 2), NullableDate(reader, 3)));
        }
        return occasions;
    }

    // One row per result (or one for a race without results), ordered by race.
    private static async Task<List<RaceRow>> ReadRacesAsync(NpgsqlDataReader reader, Dictionary<int, Competitor> competitors, CancellationToken cancellationToken)
    {
        var races = new List<RaceRow>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var raceId = reader.GetInt32(0);
            if (races.Count == 0 || races[^1].Id != raceId)
            {
                races.Add(new(new CupRace(raceId, reader.GetInt32(1), reader.GetString(3), NullableDate(reader, 4), ApiName<Distance>.Parse(reader.GetString(5)),
                    reader.GetInt32(6)), reader.GetString(2), []));
            }
            if (!reader.IsDBNull(12))
            {
                races[^1].Results.Add(new(ReadCompetitor(reader, 12, competitors),
                    reader.IsDBNull(7) ? null : ApiName<Division>.Parse(reader.GetString(7)),
                    reader.IsDBNull(8) ? null : reader.GetInt32(8),
                    reader.IsDBNull(9) ? null : reader.GetDecimal(9),
                    ApiName<ResultStatus>.Parse(reader.GetString(10)),
                    reader.GetInt32(11)));
            }
        }
        return races;
    }

    private static async Task<List<PublishedStanding>> ReadPublishedAsync(NpgsqlDataReader reader, Dictionary<int, Competitor> competitors, CancellationToken cancellationToken)
    {
        var published = new List<PublishedStanding>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var competitor = ReadCompetitor(reader, 2, competitors);
            published.Add(new PublishedStanding { Competitor = competitor, CompetitorId = competitor.Id, Rank = reader.GetInt32(0), Points = reader.GetInt32(1) });
        }
        return published;
    }

    private static DateOnly? NullableDate(NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetFieldValue<DateOnly>(ordinal);

    // Columns id, type, name, nationality, source_ref from `first` on; one instance per competitor.
    private static Competitor ReadCompetitor(NpgsqlDataReader reader, int first, Dictionary<int, Competitor> seen)
    {
        var id = reader.GetInt32(first);
        if (!seen.TryGetValue(id, out var competitor))
        {
            seen[id] = competitor = new Competitor
            {
                Id = id,
                Type = ApiName<CompetitorType>.Parse(reader.GetString(first + 1)),
                Name = reader.IsDBNull(first + 2) ? null : reader.GetString(first + 2),
                Nationality = reader.GetString(first + 3),
                SourceRef = reader.IsDBNull(first + 4) ? null : reader.GetString(first + 4),
            };
        }
        return competitor;
    }
}
