using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using SkatingWorldCup.Api.Data;
using SkatingWorldCup.Api.Data.Reads;
using SkatingWorldCup.Api.Domain;
using SkatingWorldCup.Api.Domain.Rules;
using SkatingWorldCup.Api.Web;
using SkatingWorldCup.Api.Web.Caching;
using SkatingWorldCup.Api.Web.Formats;

namespace SkatingWorldCup.Api.Features.Standings;

public sealed record CupContext(string Season, DateOnly SeasonStart, DateOnly SeasonEnd, string PointsScheme, TieBreakRule TieBreak, CupKey Cup,
    IReadOnlyList<WindowOccasion> Occasions)
{
    public StandingsCupDto Dto => new(Cup.Slug, Cup.Gender, Cup.Distances);
}

public sealed record CupAnswer<T>(T? Value, string? Problem) where T : class;

// Reads a cup's season, races and results (one round trip, CupReader) and hands them to the pure rules in Domain/Standings.
// Computed standings are kept in memory under the data version they were read at: any write moves the version, so a
// cached answer is never served after the data changed (within CachingOptions.DataVersionSeconds for writes made elsewhere).
public sealed class StandingsService(SkatingDbContext db, StandingsCache cache, DataVersions versions, IOptions<CachingOptions> options)
{
    private readonly record struct Key(DataStamp Version, string Season, CupSelector Cup, int? AfterOccasion, DateOnly? AsOf, bool Progression);

    public async Task<CupAnswer<StandingsDto>> StandingsAsync(string season, CupSelector selector, StandingsQuery query, CancellationToken cancellationToken)
    {
        if (!options.Value.Standings)
        {
            return await ComputeAsync(season, selector, query, cancellationToken);
        }
        // Read before the data: an entry may hold data newer than its version, never older.
        var key = new Key(await versions.CurrentAsync(cancellationToken), season, selector, query.AfterOccasion, query.AsOf, query.Includes(StandingsQuery.Progression));
        if (cache.Entries.TryGetValue(key, out StandingsDto? cached))
        {
            return new(cached, null);
        }
        var answer = await ComputeAsync(season, selector, query, cancellationToken);
        if (answer.Value is { } computed)
        {
            ReusedJson.Keep(computed);
            // Entries of older versions are never asked for again: they go when the size limit or their idle time says so.
            cache.Entries.Set(key, computed, new MemoryCacheEntryOptions { Size = 1, SlidingExpiration = TimeSpan.FromMinutes(10) });
        }
        return answer;
    }

    private async Task<CupAnswer<StandingsDto>> ComputeAsync(string season, CupSelector selector, StandingsQuery query, CancellationToken cancellationToken)
    {
        var data = await CupReader.ReadAsync(db, season, selector, cancellationToken);
        return Find(season, selector, data) is { } cup ? new(Standings(cup, data, query), null) : new(null, Problem(season, selector, data));
    }

    public async Task<CupAnswer<MedallistsDto>> MedallistsAsync(string season, CupSelector selector, CancellationToken cancellationToken)
    {
        var data = await CupReader.ReadAsync(db, season, selector, cancellationToken);
        return Find(season, selector, data) is { } cup ? new(Medallists(cup, data), null) : new(null, Problem(season, selector, data));
    }

    private static CupContext? Find(string season, CupSelector selector, CupData data) =>
        data is { Header: { } h, Selected: { } cup } ? new CupContext(season, h.StartDate, h.EndDate, h.PointsScheme, h.TieBreak, cup, data.Occasions) : null;

    private static string Problem(string season, CupSelector selector, CupData data)
    {
        var cups = string.Join(", ", data.Cups.Select(c => c.Slug));
        return (data.Header, selector) switch
        {
            (null, _) => Messages.SeasonNotFound(season),
            (_, { Slug: { } slug }) => $"Season {season} has no cup '{slug}'. Its cups: {cups}.",
            (_, { Gender: { } gender, Distance: Distance.TeamSprint }) =>
                $"Team sprint is a demonstration event: no cup of {season} holds it and it earns no points.",
            (_, { Gender: { } gender, Distance: { } distance }) when !distance.IsSkatedBy(gender) =>
                $"{gender.ToApi()} do not skate the {distance.ToApi()} m in the World Cup: no cup of {season} holds it.",
            (_, { Gender: { } gender, Distance: { } distance }) => $"No cup of {season} holds {gender.ToApi()} {distance.ToApi()}. Its cups: {cups}.",
            _ => throw new ArgumentException("A cup is selected by id or by gender and distance.", nameof(selector)),
        };
    }

    private static StandingsDto Standings(CupContext cup, CupData data, StandingsQuery query)
    {
        var races = Coded(data.Races);
        var window = StandingsWindows.Select(races.Select(r => new WindowRace(r.Code, r.Race.Occasion, r.Race.Date)).ToList(), cup.Occasions,
            cup.SeasonStart, cup.SeasonEnd, query.AfterOccasion, query.AsOf);
        var included = races.Where(r => window.Included.Contains(r.Code)).ToList();
        var frame = new Frame(cup, window, [.. included.Select(r => new StandingsRaceDto(r.Code, r.Race.Id, r.Race.Occasion, r.Race.Date, r.Race.Distance))],
            [.. window.Warnings], query.Includes(StandingsQuery.Progression));
        return races.Any(r => r.Race.Results.Count > 0) ? Computed(frame, included, data.Published) : PublishedOnly(frame, data.Published);
    }

    // What every answer of one request shares: the cup, the races counted and the warnings so far.
    private sealed record Frame(CupContext Cup, StandingsWindow Window, List<StandingsRaceDto> Races, List<string> Warnings, bool Progression)
    {
        public StandingsDto Answer(StandingsSource source, IReadOnlyList<StandingDto> rows) => new(Cup.Season, Cup.Dto,
            new StandingsAsOfDto(Window.LastOccasion, Window.LastDate), source, Races, rows, Cup.PointsScheme, Cup.TieBreak, Warnings);
    }

    // A cup whose data holds no race results: its published end-of-season standings, if any.
    private static StandingsDto PublishedOnly(Frame frame, List<PublishedStanding> published)
    {
        if (published.Count == 0)
        {
            frame.Warnings.Add($"The data holds neither race results nor published standings for {frame.Cup.Cup.Slug}.");
            return frame.Answer(StandingsSource.Computed, []);
        }
        if (!frame.Window.Complete)
        {
            frame.Warnings.Add($"The data holds no race results for {frame.Cup.Cup.Slug}, only its published end-of-season standings, which cannot tell the standings at an earlier point.");
            return frame.Answer(StandingsSource.Computed, []);
        }
        // Published rows carry no race points: racePoints is {} for each of them.
        return frame.Answer(StandingsSource.Published, published.Select(p => new StandingDto(p.Rank, published.Count(o => o.Points == p.Points) > 1,
            CompetitorDto.From(p.Competitor), p.Points, new Dictionary<string, int?>(), frame.Progression ? [] : null)).ToList());
    }

    private static StandingsDto Computed(Frame frame, List<(RaceRow Race, string Code)> included, List<PublishedStanding> published)
    {
        var results = included.SelectMany(r => r.Race.Results.Select(x => (r.Code, Result: x))).ToList();
        var competitors = results.Select(x => x.Result.Competitor).DistinctBy(c => c.Id).ToDictionary(c => c.Id);
        var computed = CupStandings.Compute(included.Select(r => r.Code).ToList(),
            results.Select(x => new CupStart(x.Result.Competitor.Id, x.Code, x.Result.Points, x.Result.Division, x.Result.Rank, x.Result.Status)),
            competitors.ToDictionary(c => c.Key, c => c.Value.Name), frame.Cup.TieBreak, frame.Progression);

        var withoutResults = included.Where(r => r.Race.Results.Count == 0).Select(r => r.Code).ToList();
        if (withoutResults.Count > 0)
        {
            frame.Warnings.Add($"The data holds no results for {string.Join(", ", withoutResults)}: those races add nothing to the totals.");
        }
        if (frame.Window.Complete)
        {
            // Published standings are the end of the season: compared only with the whole season's computed ones.
            foreach (var p in published)
            {
                competitors.TryAdd(p.Competitor.Id, p.Competitor);
            }
            var differences = PublishedComparison.Differences(computed, published.Select(p => new PublishedRow(p.CompetitorId, p.Rank, p.Points)).ToList(),
                id => Describe(competitors[id]));
            if (differences.Count > 0)
            {
                frame.Warnings.Add($"The computed top {published.Max(p => p.Rank)} differs from the published standings: {string.Join("; ", differences)}.");
            }
        }
        return frame.Answer(StandingsSource.Computed, computed.Select(s => new StandingDto(s.Rank, s.Tied, CompetitorDto.From(competitors[s.CompetitorId]), s.Points, s.RacePoints,
            frame.Progression ? s.Progression.Select(p => new ProgressionStepDto(p.Code, p.Total, p.Rank)).ToList() : null)).ToList());
    }

    private static MedallistsDto Medallists(CupContext cup, CupData data)
    {
        var races = Coded(data.Races);
        var warnings = new List<string>();
        var items = races.Select(r =>
        {
            var podium = r.Race.Results.Where(x => x.Division == Division.A && x.Status == ResultStatus.Finished && x.Rank is >= 1 and <= 3)
                .OrderBy(x => x.Rank).ThenBy(x => x.Time).ThenBy(x => x.Competitor.Id).ToList();
            MedalDto? Medal(int rank)
            {
                var place = podium.Where(x => x.Rank == rank).ToList();
                if (place.Count > 1)
                {
                    warnings.Add($"{r.Code}: {place.Count} Division A results share rank {rank} ({string.Join(", ", place.Select(x => Describe(x.Competitor)))}); the first is shown.");
                }
                return place.FirstOrDefault() is { } x ? new MedalDto(CompetitorDto.From(x.Competitor), TimedDto.From(x.Time)?.Time, TimedDto.From(x.Time)?.Seconds, x.Points) : null;
            }
            return new MedallistsRaceDto(r.Code, r.Race.Id, r.Race.Occasion, r.Race.City, r.Race.Date, r.Race.Distance, Medal(1), Medal(2), Medal(3));
        }).ToList();
        return new MedallistsDto(cup.Season, cup.Dto, items, warnings);
    }

    // The cup's races in column order, with their codes.
    private static List<(RaceRow Race, string Code)> Coded(List<RaceRow> rows)
    {
        var byId = rows.ToDictionary(r => r.Id);
        return RaceCodes.Assign(rows.Select(r => r.Race)).Select(x => (byId[x.Race.RaceId], x.Code)).ToList();
    }

    private static string Describe(Competitor c) => c.Name is { } name ? $"{name} ({c.Nationality})" : $"{c.SourceRef ?? $"competitor {c.Id}"} ({c.Nationality})";
}
