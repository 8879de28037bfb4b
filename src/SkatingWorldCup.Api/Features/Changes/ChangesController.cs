using System.ComponentModel;
using System.Globalization;
using System.Text.Json;
using Asp.Versioning;
using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using SkatingWorldCup.Api.Data;
using SkatingWorldCup.Api.Web;

namespace SkatingWorldCup.Api.Features.Changes;

public record ChangeDto(long Id, DateTimeOffset At, string Key, string Action, string Entity, string EntityId, long DataVersion, JsonElement Summary);

public class ChangeQuery : PageQuery
{
    [FromQuery(Name = "since"), Description("A change id (the last one you have) or a timestamp (ISO 8601, UTC unless it says otherwise): only later changes.")]
    public string? Since { get; init; }

    public long? SinceId => long.TryParse(Since, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;

    public DateTimeOffset? SinceTime => SinceId is null && DateTimeOffset.TryParse(Since, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? at : null;
}

public class ChangeQueryValidator : PageQueryValidator<ChangeQuery>
{
    public ChangeQueryValidator() => RuleFor(q => q.Since).Must((q, s) => s is null || q.SinceId is not null || q.SinceTime is not null)
        .WithMessage("since must be a change id (e.g. 120) or a timestamp (e.g. 2026-11-21T10:00:00Z).");
}

[ApiController, ApiVersion(1)]
[Route(ApiRoute.Prefix + "/changes")]
public class ChangesController(SkatingDbContext db) : ControllerBase
{
    [HttpGet]
    [EndpointSummary("The audit trail: every committed write, oldest first")]
    [EndpointDescription("Which key changed what and when. Ids grow in commit order, so a script syncs by asking again with `since` = the last id it saw.")]
    [ProducesResponseType<Page<ChangeDto>>(200, "application/json")]
    [ProducesResponseType<ValidationProblemDetails>(400, "application/problem+json")]
    public async Task<Page<ChangeDto>> List([FromQuery] ChangeQuery query, CancellationToken cancellationToken)
    {
        var changes = db.Changes.AsQueryable();
        if (query.SinceId is { } id)
        {
            changes = changes.Where(c => c.Id > id);
        }
        else if (query.SinceTime is { } at)
        {
            var utc = at.ToUniversalTime();
            changes = changes.Where(c => c.At > utc);
        }
        var total = await changes.CountAsync(cancellationToken);
        var rows = await changes.OrderBy(c => c.Id).Skip(query.Offset).Take(query.Limit).ToListAsync(cancellationToken);
        var items = rows.Select(c => new ChangeDto(c.Id, c.At, c.KeyName, c.Action, c.Entity, c.EntityId, c.DataVersion, JsonDocument.Parse(c.Summary).RootElement.Clone())).ToList();
        return new(items, total, query.Limit, query.Offset);
    }
}
