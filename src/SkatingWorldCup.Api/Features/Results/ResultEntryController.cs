using System.ComponentModel;
using System.Globalization;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using SkatingWorldCup.Api.Auth;
using SkatingWorldCup.Api.Data;
using SkatingWorldCup.Api.Domain;
using SkatingWorldCup.Api.Web;
using SkatingWorldCup.Api.Web.Caching;
using SkatingWorldCup.Api.Web.Input;
using SkatingWorldCup.Api.Writes;
using SkatingWorldCup.Api.Writes.Documents;

namespace SkatingWorldCup.Api.Features.Results;

// The body of PUT /races/{id}/results: the race's whole result list, in the import format's result shape.
public record RaceResultsDocument
{
    public List<ResultDocument>? Results { get; init; }
}

public class RaceResultsDocumentValidator : AbstractValidator<RaceResultsDocument>
{
    public RaceResultsDocumentValidator() =>
        RuleFor(d => d.Results).NotNull().WithMessage("results is required: the race's whole result list (an empty list clears it).");
}

// Result entry during a season. Both endpoints are the import's merge applied to a document made of the stored season
// and weekend plus the body, so points, validation and world-record detection are the import's own.
[ApiController, ApiVersion(1)]
[Authorize(Policy = Policies.Write)]
public class ResultEntryController(SkatingDbContext db, SeasonImporter importer) : ControllerBase
{
    [HttpPut("races/{raceId}/results")]
    [BodyLimit(BodyLimits.Small)]
    [EndpointSummary("Replace a race's whole result list (write scope)")]
    [EndpointDescription("Atomic: the race ends up with exactly this list. `points` are computed from rank, division and the weekend's points table unless given. A time that beats the world record in force before the race day becomes a detected world record; correcting it away removes that entry. Send the race's ETag (from GET /races/{raceId}) in If-Match to be refused with 412 if someone changed the race meanwhile; without If-Match the last PUT wins, whole.")]
    [ProducesResponseType<ImportSummary>(200, "application/json")]
    [ProducesResponseType<ValidationProblemDetails>(400, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(404, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(412, "application/problem+json")]
    public async Task<ActionResult<ImportSummary>> PutResults([Description("Race id, from a races list.")] int raceId, RaceResultsDocument body, CancellationToken cancellationToken)
    {
        await using var write = await db.BeginWriteAsync(cancellationToken);
        // The row lock makes concurrent PUTs to one race take turns, and the version read under it is the one If-Match
        // is checked against and the one the race's UPDATE requires (its concurrency token).
        var locked = await db.Races.FromSql($"SELECT * FROM races WHERE id = {raceId} FOR UPDATE").ToListAsync(cancellationToken);
        if (locked.Count == 0)
        {
            return this.NotFoundProblem($"Race {raceId} not found. GET /api/v1/seasons/{{season}}/races lists a season's races.");
        }
        var etag = ETags.Race(raceId, locked[0].Version, await RecordsOfAsync(raceId, cancellationToken));
        if (ETags.IfMatchFails(Request, etag))
        {
            return this.PreconditionFailed($"Race {raceId}", etag);
        }

        var race = await db.Races.Include(r => r.Occasion).ThenInclude(o => o.Season).ThenInclude(s => s.PointsScheme).SingleAsync(r => r.Id == raceId, cancellationToken);
        var document = SeasonOf(race.Occasion.Season) with
        {
            Occasions = [OccasionOf(race.Occasion) with { Races = [RaceOf(race) with { Results = body.Results }] }],
        };
        var outcome = await importer.ApplyAsync(document, cancellationToken);
        if (!outcome.Succeeded)
        {
            return this.InvalidProblem(Relative(outcome.Errors, "occasions[0].races[0]"));
        }
        if (outcome.Summary!.Changed)
        {
            var naturalKey = $"{race.Occasion.SeasonId}/{race.Occasion.Number}/{race.Gender.ToApi()}/{race.Distance.ToApi()}/{race.Order}";
            await write.CommitAsync(new ChangeEntry(User.KeyName(), "replace-results", "race", raceId.ToString(CultureInfo.InvariantCulture),
                new { race = naturalKey, outcome.Summary }), cancellationToken);
            Response.SetDataVersion(write.DataVersion);
            etag = ETags.Race(raceId, await db.Races.Where(r => r.Id == raceId).Select(r => r.Version).SingleAsync(cancellationToken),
                await RecordsOfAsync(raceId, cancellationToken));
        }
        Response.Headers.ETag = etag;
        return outcome.Summary;
    }

    [HttpPut("seasons/{season}/occasions/{number}")]
    [BodyLimit(BodyLimits.Small)]
    [EndpointSummary("Create or update a World Cup weekend and its races (write scope)")]
    [EndpointDescription("The body is an occasion of the import format. Merges like an import: races named are created or updated, races given without `results` keep theirs, races left out stay. Answers 201 when the weekend is new. If-Match takes the weekend's ETag (GET …/occasions/{number}); `If-None-Match: *` creates only.")]
    [ProducesResponseType<ImportSummary>(200, "application/json")]
    [ProducesResponseType<ImportSummary>(201, "application/json")]
    [ProducesResponseType<ValidationProblemDetails>(400, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(404, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(412, "application/problem+json")]
    public async Task<ActionResult<ImportSummary>> PutOccasion([Description("Season id, e.g. 2012-13."), Example("2012-13")] string season,
        [Description("The weekend's number in the season, 1…")] int number, OccasionDocument body, CancellationToken cancellationToken)
    {
        if (body.Number is { } given && given != number)
        {
            return this.InvalidProblem(new Dictionary<string, string[]> { ["number"] = [$"the body says weekend {given}, the URL {number}: leave number out or make them agree."] });
        }
        await using var write = await db.BeginWriteAsync(cancellationToken);
        var stored = await db.Seasons.Include(s => s.PointsScheme).SingleOrDefaultAsync(s => s.Id == season, cancellationToken);
        if (stored is null)
        {
            return this.NotFoundProblem(Messages.SeasonNotFound(season));
        }
        var locked = (await db.Occasions.FromSql($"SELECT * FROM occasions WHERE season_id = {season} AND number = {number} FOR UPDATE")
            .ToListAsync(cancellationToken)).SingleOrDefault();
        var etag = locked is null ? null : ETags.Occasion(locked.Id, locked.Version);
        if (ETags.IfMatchFails(Request, etag) || ETags.IfNoneMatchHits(Request, etag))
        {
            return this.PreconditionFailed($"Weekend {number} of {season}", etag);
        }

        var outcome = await importer.ApplyAsync(SeasonOf(stored) with { Occasions = [body with { Number = number }] }, cancellationToken);
        if (!outcome.Succeeded)
        {
            return this.InvalidProblem(Relative(outcome.Errors, "occasions[0]"));
        }
        if (outcome.Summary!.Changed)
        {
            await write.CommitAsync(new ChangeEntry(User.KeyName(), locked is null ? "create-occasion" : "put-occasion", "occasion", $"{season}/{number}", outcome.Summary),
                cancellationToken);
            Response.SetDataVersion(write.DataVersion);
        }
        var current = await db.Occasions.Where(o => o.SeasonId == season && o.Number == number).Select(o => new { o.Id, o.Version }).SingleAsync(cancellationToken);
        Response.Headers.ETag = ETags.Occasion(current.Id, current.Version);
        return locked is null ? Created($"/api/v1/seasons/{season}/occasions/{number}", outcome.Summary) : outcome.Summary;
    }

    private Task<List<int>> RecordsOfAsync(int raceId, CancellationToken cancellationToken) =>
        db.WorldRecords.Where(w => w.Result!.RaceId == raceId).Select(w => w.ResultId!.Value).ToListAsync(cancellationToken);

    private static SeasonDocument SeasonOf(Season s) => new()
    {
        Season = s.Id, Name = s.Name, OfficialName = s.OfficialName, StartDate = s.StartDate, EndDate = s.EndDate,
        PointsScheme = s.PointsScheme.Name, TieBreak = s.TieBreak.ToApi(),
    };

    private static OccasionDocument OccasionOf(Occasion o) => new()
    {
        Number = o.Number, City = o.City, CityCode = o.CityCode, Country = o.Country, Venue = o.Venue,
        StartDate = o.StartDate, EndDate = o.EndDate, IsFinal = o.IsFinal,
    };

    private static RaceDocument RaceOf(Race r) => new() { Gender = r.Gender.ToApi(), Distance = r.Distance.ToApi(), Order = r.Order, Date = r.Date };

    // The importer names errors by their path in the season document; the client sent only the part under `prefix`.
    private static Dictionary<string, string[]> Relative(IReadOnlyDictionary<string, string[]> errors, string prefix) => errors
        .GroupBy(e => e.Key == prefix ? "" : e.Key.StartsWith(prefix + ".", StringComparison.Ordinal) ? e.Key[(prefix.Length + 1)..] : e.Key)
        .ToDictionary(g => g.Key, g => g.SelectMany(e => e.Value).Distinct().ToArray());
}
