using Microsoft.EntityFrameworkCore;
using SkatingWorldCup.Api.Data;
using SkatingWorldCup.Api.Domain;
using SkatingWorldCup.Api.Features.Shared;

namespace SkatingWorldCup.Api.Features.Standings;

public sealed record CupContext(string Season, DateOnly SeasonStart, DateOnly SeasonEnd, string PointsScheme, TieBreakRule TieBreak, CupKey Cup,
    IReadOnlyList<WindowOccasion> Occasions)
{
    public StandingsCupDto Dto => new(Cup.Slug, Cup.Gender, Cup.Distances);
}

public sealed record CupLookup(CupContext? Cup, string? Problem);

// Reads a cup's races and results (one query) and hands them to the pure rules in Domain/Standings.
public sealed class StandingsService(SkatingDbContext db)
{
    private sealed record ResultRow(Competitor Competitor, Division? Division, int? Rank, decimal? Time, ResultStatus Status, int Points);

    private sealed record RaceRow(int Id, int Occasion, string City, string CityCode, DateOnly? Date, Distance Distance, int Order, List<ResultRow> Results);

    public Task<CupLookup> FindCupAsync(string season, string cupId, CancellationToken cancellationToken) =>
        FindAsync(season, cups => cups.SingleOrDefault(c => c.Slug == cupId), cups => $"Season {season} has no cup '{cupId}'. Its cups: {string.Join(", ", cups.Select(c => c.Slug))}.", cancellationToken);

    public Task<CupLookup> FindCupAsync(string season, Gender gender, Distance distance, CancellationToken cancellationToken) =>
        FindAsync(season, cups => cups.CupFor(gender, distance), cups => (distance, distance.IsSkatedBy(gender)) switch
        {
            (Distance.TeamSprint, _) => $"Team sprint is a demonstration event: no cup of {season} holds it and it earns no points.",
            (_, false) => $"{gender.ToApi()} do not skate the {distance.ToApi()} m in the World Cup: no cup of {season} holds it.",
            _ => $"No cup of {season} holds {gender.ToApi()} {distance.ToApi()}. Its cups: {string.Join(", ", cups.Select(c => c.Slug))}.",
        }, cancellationToken);

    private async Task<CupLookup> FindAsync(string season, Func<List<CupKey>, CupKey?> pick, Func<List<CupKey>, string> notFound, CancellationToken cancellationToken)
    {
        var header = await db.Seasons.Where(s => s.Id == season)
            .Select(s => new { s.StartDate, s.EndDate, s.TieBreak, Scheme = s.PointsScheme.Name })
            .SingleOrDefaultAsync(cancellationToken);
        if (header is null)
        {
            return new(null, Messages.SeasonNotFound(season));
        }
        var cups = await db.CupsOfAsync(season, cancellationToken);
        if (pick(cups) is not { } cup)
        {
            return new(null, notFound(cups));
        }
        var occasions = await db.Occasions.Where(o => o.SeasonId == season).OrderBy(o => o.Number)
            .Select(o => new WindowOccasion(o.Number, o.City, o.StartDate, o.EndDate)).ToListAsync(cancellationToken);
        return new(new CupContext(season, header.StartDate, header.EndDate, header.Scheme, header.TieBreak, cup, occasions), null);
    }

    public async Task<StandingsDto> StandingsAsync(CupContext cup, StandingsQuery query, CancellationToken cancellationToken)
    {
        var races = await RacesAsync(cup, cancellationToken);
        var window = StandingsWindows.Select(races.Select(r => new WindowRace(r.Code, r.Race.Occasion, r.Race.Date)).ToList(), cup.Occasions,
            cup.SeasonStart, cup.SeasonEnd, query.AfterOccasion, query.AsOf);
        var included = races.Where(r => window.Included.Contains(r.Code)).ToList();
        var raceDtos = included.Select(r => new StandingsRaceDto(r.Code, r.Race.Id, r.Race.Occasion, r.Race.Date, r.Race.Distance)).ToList();
        var warnings = window.Warnings.ToList();
        var progression = query.Includes(StandingsQuery.Progression);
        StandingsDto Answer(StandingsSource source, IReadOnlyList<StandingDto> rows) =>
            new(cup.Season, cup.Dto, new StandingsAsOfDto(window.LastOccasion, window.LastDate), source, raceDtos, rows, cup.PointsScheme, cup.TieBreak, warnings);

        if (!races.Any(r => r.Race.Results.Count > 0))
        {
            var published = await PublishedAsync(cup, cancellationToken);
            if (published.Count == 0)
            {
                warnings.Add($"The data holds neither race results nor published standings for {cup.Cup.Slug}.");
                return Answer(StandingsSource.Computed, []);
            }
            if (!window.Complete)
            {
                warnings.Add($"The data holds no race results for {cup.Cup.Slug}, only its published end-of-season standings, which cannot tell the standings at an earlier point.");
                return Answer(StandingsSource.Computed, []);
            }
            // Published rows carry no race points: racePoints is {} for each of them.
            return Answer(StandingsSource.Published, published.Select(p => new StandingDto(p.Rank, published.Count(o => o.Points == p.Points) > 1,
                CompetitorDto.From(p.Competitor), p.Points, new Dictionary<string, int?>(), progression ? [] : null)).ToList());
        }

        var results = included.SelectMany(r => r.Race.Results.Select(x => (r.Code, Result: x))).ToList();
        var competitors = results.Select(x => x.Result.Competitor).DistinctBy(c => c.Id).ToDictionary(c => c.Id);
        var computed = Domain.Standings.Compute(included.Select(r => r.Code).ToList(),
            results.Select(x => new CupStart(x.Result.Competitor.Id, x.Code, x.Result.Points, x.Result.Division, x.Result.Rank, x.Result.Status)),
            competitors.ToDictionary(c => c.Key, c => c.Value.Name), cup.TieBreak);

        var withoutResults = included.Where(r => r.Race.Results.Count == 0).Select(r => r.Code).ToList();
        if (withoutResults.Count > 0)
        {
            warnings.Add($"The data holds no results for {string.Join(", ", withoutResults)}: those races add nothing to the totals.");
        }
        if (window.Complete)
        {
            // Published standings are the end of the season: compared only with the whole season's computed ones.
            var published = await PublishedAsync(cup, cancellationToken);
            foreach (var p in published)
            {
                competitors.TryAdd(p.Competitor.Id, p.Competitor);
            }
            var differences = PublishedComparison.Differences(computed, published.Select(p => new PublishedRow(p.Competitor.Id, p.Rank, p.Points)).ToList(),
                id => Describe(competitors[id]));
            if (differences.Count > 0)
            {
                warnings.Add($"The computed top {published.Max(p => p.Rank)} differs from the published standings: {string.Join("; ", differences)}.");
            }
        }

        return Answer(StandingsSource.Computed, computed.Select(s => new StandingDto(s.Rank, s.Tied, CompetitorDto.From(competitors[s.CompetitorId]), s.Points, s.RacePoints,
            progression ? s.Progression.Select(p => new ProgressionStepDto(p.Code, p.Total, p.Rank)).ToList() : null)).ToList());
    }

    public async Task<MedallistsDto> MedallistsAsync(CupContext cup, CancellationToken cancellationToken)
    {
        var races = await RacesAsync(cup, cancellationToken);
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

    // The cup's races in column order with their codes and every result: one SQL statement, whatever the number of races.
    private async Task<List<(RaceRow Race, string Code)>> RacesAsync(CupContext cup, CancellationToken cancellationToken)
    {
        var rows = await db.Races
            .Where(r => r.Occasion.SeasonId == cup.Season && r.Gender == cup.Cup.Gender
                && db.Set<CupDistance>().Any(d => d.CupId == cup.Cup.Id && d.Distance == r.Distance))
            .Select(r => new RaceRow(r.Id, r.Occasion.Number, r.Occasion.City, r.Occasion.CityCode, r.Date, r.Distance, r.Order,
                r.Results.Select(x => new ResultRow(x.Competitor, x.Division, x.Rank, x.Time, x.Status, x.Points)).ToList()))
            .ToListAsync(cancellationToken);
        var byId = rows.ToDictionary(r => r.Id);
        return RaceCodes.Assign(rows.Select(r => new CupRace(r.Id, r.Occasion, r.CityCode, r.Date, r.Distance, r.Order)))
            .Select(x => (byId[x.Race.RaceId], x.Code)).ToList();
    }

    private async Task<List<PublishedStanding>> PublishedAsync(CupContext cup, CancellationToken cancellationToken) =>
        await db.PublishedStandings.Where(p => p.CupId == cup.Cup.Id).Include(p => p.Competitor)
            .OrderBy(p => p.Rank).ThenBy(p => p.Competitor.Name).ThenBy(p => p.CompetitorId).ToListAsync(cancellationToken);

    private static string Describe(Competitor c) => c.Name is { } name ? $"{name} ({c.Nationality})" : $"{c.SourceRef ?? $"competitor {c.Id}"} ({c.Nationality})";
}
