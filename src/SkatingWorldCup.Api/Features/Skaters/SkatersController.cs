using System.ComponentModel;
using Asp.Versioning;
using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using SkatingWorldCup.Api.Data;
using SkatingWorldCup.Api.Domain;
using SkatingWorldCup.Api.Domain.Rules;
using SkatingWorldCup.Api.Web;
using SkatingWorldCup.Api.Web.Formats;

namespace SkatingWorldCup.Api.Features.Skaters;

public record SkaterDto(int Id, string? Name, string Nationality, string? SourceRef, int Results) : ICsvRow
{
    public static IReadOnlyList<string> CsvHeader { get; } = ["id", "name", "nationality", "sourceRef", "results"];

    public IEnumerable<object?> CsvFields() => [Id, Name, Nationality, SourceRef, Results];
}

public record SkaterResultDto(int RaceId, string Season, int Occasion, string City, DateOnly? Date, Gender Gender, Distance Distance, int Order,
    Division? Division, int? Rank, string? Time, decimal? Seconds, ResultStatus Status, int Points, string? Record);

public record PersonalBestDto(Distance Distance, string Time, decimal Seconds, int RaceId, DateOnly? Date);

public record SkaterDetailDto(int Id, string? Name, string Nationality, string? SourceRef, IReadOnlyList<PersonalBestDto> PersonalBests, IReadOnlyList<SkaterResultDto> Results);

public class SkaterQuery : CsvPageQuery
{
    [FromQuery(Name = "name"), Description("Part of the name, any case (e.g. sang).")]
    public string? Name { get; init; }

    [FromQuery(Name = "nationality"), Description("3-letter code, e.g. KOR.")]
    public string? Nationality { get; init; }
}

public class SkaterQueryValidator : CsvPageQueryValidator<SkaterQuery>
{
    public SkaterQueryValidator()
    {
        RuleFor(q => q.Name).MaximumLength(100);
        RuleFor(q => q.Nationality).Matches("^[A-Za-z]{3}$").WithMessage("nationality must be a 3-letter code, e.g. KOR.");
    }
}

[ApiController, ApiVersion(1)]
[Route(ApiRoute.Prefix + "/skaters")]
public class SkatersController(SkatingDbContext db) : ControllerBase
{
    [HttpGet]
    [QueryFormat]
    [EndpointSummary("Search skaters by name and nationality")]
    [EndpointDescription("Skaters whose name the sources do not give have `name: null` and a `sourceRef` saying where they appear.")]
    [ProducesResponseType<Page<SkaterDto>>(200, "application/json", "text/csv")]
    [ProducesResponseType<ValidationProblemDetails>(400, "application/problem+json")]
    public async Task<Page<SkaterDto>> List([FromQuery] SkaterQuery query, CancellationToken cancellationToken)
    {
        var skaters = db.Competitors.Where(c => c.Type == CompetitorType.Skater);
        if (!string.IsNullOrWhiteSpace(query.Name))
        {
            var pattern = $"%{EscapeLike(query.Name.Trim())}%";
            skaters = skaters.Where(c => c.Name != null && EF.Functions.ILike(c.Name, pattern, "\\"));
        }
        if (query.Nationality is { } nationality)
        {
            skaters = skaters.Where(c => c.Nationality == nationality.ToUpperInvariant());
        }
        var total = await skaters.CountAsync(cancellationToken);
        var items = await skaters.OrderBy(c => c.Name == null).ThenBy(c => c.Name).ThenBy(c => c.Nationality).ThenBy(c => c.SourceRef).ThenBy(c => c.Id)
            .Skip(query.Offset).Take(query.Limit)
            .Select(c => new SkaterDto(c.Id, c.Name, c.Nationality, c.SourceRef, db.Results.Count(r => r.CompetitorId == c.Id)))
            .ToListAsync(cancellationToken);
        return new(items, total, query.Limit, query.Offset);
    }

    [HttpGet("{id}")]
    [EndpointSummary("One skater with every result and the personal best per distance in our data")]
    [ProducesResponseType<SkaterDetailDto>(200, "application/json")]
    [ProducesResponseType<ValidationProblemDetails>(400, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(404, "application/problem+json")]
    public async Task<ActionResult<SkaterDetailDto>> Get([Description("Skater id.")] int id, CancellationToken cancellationToken)
    {
        var skater = await db.Competitors.SingleOrDefaultAsync(c => c.Id == id && c.Type == CompetitorType.Skater, cancellationToken);
        if (skater is null)
        {
            return this.NotFoundProblem($"Skater {id} not found. GET /api/v1/skaters?name=… searches skaters.");
        }
        var results = await db.Results.Where(r => r.CompetitorId == id)
            .Select(r => new
            {
                r.RaceId, r.Race.Occasion.SeasonId, r.Race.Occasion.Number, r.Race.Occasion.City, r.Race.Date, r.Race.Gender, r.Race.Distance, r.Race.Order,
                r.Division, r.Rank, r.Time, r.Status, r.Points, Record = db.WorldRecords.Any(w => w.ResultId == r.Id),
            })
            .ToListAsync(cancellationToken);
        var rows = results.OrderBy(r => r.SeasonId).ThenBy(r => r.Number).ThenBy(r => r.Date ?? DateOnly.MaxValue).ThenBy(r => r.Distance).ThenBy(r => r.Order)
            .Select(r => new SkaterResultDto(r.RaceId, r.SeasonId, r.Number, r.City, r.Date, r.Gender, r.Distance, r.Order, r.Division, r.Rank,
                TimedDto.From(r.Time)?.Time, TimedDto.From(r.Time)?.Seconds, r.Status, r.Points, r.Record ? "WR" : null))
            .ToList();
        var bests = results.Where(r => r.Time is not null && r.Status == ResultStatus.Finished)
            .GroupBy(r => r.Distance).OrderBy(g => g.Key)
            .Select(g => g.OrderBy(r => r.Time).ThenBy(r => r.Date).First())
            .Select(r => new PersonalBestDto(r.Distance, RaceTime.Format(r.Time!.Value), RaceTime.Normalize(r.Time!.Value), r.RaceId, r.Date))
            .ToList();
        return new SkaterDetailDto(skater.Id, skater.Name, skater.Nationality, skater.SourceRef, bests, rows);
    }

    private static string EscapeLike(string text) => text.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_");
}
