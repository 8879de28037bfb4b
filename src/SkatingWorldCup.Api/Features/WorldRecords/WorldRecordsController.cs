using System.ComponentModel;
using Asp.Versioning;
using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using SkatingWorldCup.Api.Data;
using SkatingWorldCup.Api.Domain;
using SkatingWorldCup.Api.Domain.Rules;
using SkatingWorldCup.Api.Web;
using SkatingWorldCup.Api.Web.Caching;
using SkatingWorldCup.Api.Web.Formats;

namespace SkatingWorldCup.Api.Features.WorldRecords;

public record WorldRecordDto(int Id, Gender Gender, Distance Distance, string Time, decimal Seconds, DateOnly Date, string? Venue, string? City,
    IReadOnlyList<CompetitorDto> Holders, CompetitorDto? Nation, int? RaceId, RecordSource Source) : ICsvRow
{
    public static IReadOnlyList<string> CsvHeader { get; } =
        ["id", "gender", "distance", "time", "seconds", "date", "venue", "city", "holders", "nationality", "raceId", "source"];

    // A team's record: its skaters' names in one cell, and the nation's code.
    public IEnumerable<object?> CsvFields() =>
        [Id, Gender, Distance, Time, Seconds, Date, Venue, City, string.Join("; ", Holders.Select(h => h.Name)),
            Nation?.Nationality ?? string.Join("; ", Holders.Select(h => h.Nationality).Distinct()), RaceId, Source];
}

public class WorldRecordFilter : CsvPageQuery
{
    [FromQuery(Name = "gender"), Description("men or women.")]
    public Gender? Gender { get; init; }

    [FromQuery(Name = "distance"), Description("500, 1000, 1500, 3000, 5000, 10000, mass-start, team-pursuit or team-sprint.")]
    public Distance? Distance { get; init; }
}

public class WorldRecordQuery : WorldRecordFilter
{
    [FromQuery(Name = "asOf"), Description("Date YYYY-MM-DD: the records in force that day (default today).")]
    public DateOnly? AsOf { get; init; }
}

public class WorldRecordFilterValidator : CsvPageQueryValidator<WorldRecordFilter>;

public class WorldRecordQueryValidator : CsvPageQueryValidator<WorldRecordQuery>;

[ApiController, ApiVersion(1)]
[Route(ApiRoute.Prefix + "/world-records")]
public class WorldRecordsController(SkatingDbContext db) : ControllerBase
{
    [HttpGet]
    [QueryFormat]
    [VariesByDay]
    [EndpointSummary("The world record per gender and distance in force on a date")]
    [EndpointDescription("A record is in force from its date until the next entry of the progression for the same gender and distance.")]
    [ProducesResponseType<Page<WorldRecordDto>>(200, "application/json", "text/csv")]
    [ProducesResponseType<ValidationProblemDetails>(400, "application/problem+json")]
    public async Task<Page<WorldRecordDto>> InForce([FromQuery] WorldRecordQuery query, CancellationToken cancellationToken)
    {
        var asOf = query.AsOf ?? DateOnly.FromDateTime(DateTime.UtcNow);
        var records = await LoadAsync(query, w => w.Date <= asOf, cancellationToken);
        var inForce = records.GroupBy(r => (r.Gender, r.Distance))
            .Select(g => g.OrderByDescending(r => r.Date).ThenBy(r => r.Seconds).First())
            .OrderBy(r => r.Gender).ThenBy(r => r.Distance);
        return query.Of(inForce);
    }

    [HttpGet("history")]
    [QueryFormat]
    [EndpointSummary("The world record progression, oldest first")]
    [EndpointDescription("`source` is `imported` (from a season document) or `detected` (a result in our data beat the record in force before its race day; it goes away when the time is corrected).")]
    [ProducesResponseType<Page<WorldRecordDto>>(200, "application/json", "text/csv")]
    [ProducesResponseType<ValidationProblemDetails>(400, "application/problem+json")]
    public async Task<Page<WorldRecordDto>> History([FromQuery] WorldRecordFilter query, CancellationToken cancellationToken)
    {
        var records = await LoadAsync(query, _ => true, cancellationToken);
        return query.Of(records.OrderBy(r => r.Gender).ThenBy(r => r.Distance).ThenBy(r => r.Date).ThenByDescending(r => r.Seconds));
    }

    private async Task<List<WorldRecordDto>> LoadAsync(WorldRecordFilter filter, System.Linq.Expressions.Expression<Func<WorldRecord, bool>> when, CancellationToken cancellationToken)
    {
        var records = db.WorldRecords.Where(when);
        records = filter.Gender is { } gender ? records.Where(w => w.Gender == gender) : records;
        records = filter.Distance is { } distance ? records.Where(w => w.Distance == distance) : records;
        var rows = await records.Include(w => w.Holders).ThenInclude(h => h.Skater).Include(w => w.Nation).Include(w => w.Result)
            .AsSplitQuery().ToListAsync(cancellationToken);
        return rows.Select(w => new WorldRecordDto(w.Id, w.Gender, w.Distance, RaceTime.Format(w.Time), RaceTime.Normalize(w.Time), w.Date, w.Venue, w.City,
            w.Holders.OrderBy(h => h.Position).Select(h => CompetitorDto.From(h.Skater)).ToList(), w.Nation is null ? null : CompetitorDto.From(w.Nation), w.Result?.RaceId, w.Source)).ToList();
    }
}
