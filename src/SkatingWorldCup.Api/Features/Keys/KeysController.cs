using System.ComponentModel;
using Asp.Versioning;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using SkatingWorldCup.Api.Auth;
using SkatingWorldCup.Api.Data;
using SkatingWorldCup.Api.Domain;
using SkatingWorldCup.Api.Web;
using SkatingWorldCup.Api.Web.Input;
using SkatingWorldCup.Api.Writes.Validation;

namespace SkatingWorldCup.Api.Features.Keys;

public record CreateKeyRequest(string? Name, string? Scope);

public record KeyDto(int Id, string Name, ApiKeyScope Scope, string Prefix, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt)
{
    public static KeyDto From(ApiKey k) => new(k.Id, k.Name, k.Scope, k.Prefix, k.CreatedAt, k.RevokedAt);
}

public record CreatedKeyDto(int Id, string Name, ApiKeyScope Scope, string Prefix, DateTimeOffset CreatedAt, string Key)
{
    public static CreatedKeyDto From(CreatedKey created) =>
        new(created.Key.Id, created.Key.Name, created.Key.Scope, created.Key.Prefix, created.Key.CreatedAt, created.Secret);
}

public class CreateKeyRequestValidator : AbstractValidator<CreateKeyRequest>
{
    public CreateKeyRequestValidator()
    {
        RuleFor(r => r.Name).Must(n => ApiKeys.NameProblem(n) is null).WithMessage(r => ApiKeys.NameProblem(r.Name));
        RuleFor(r => r.Scope).NotEmpty().Must(ValidationRules.Is<ApiKeyScope>).WithMessage(ValidationRules.OneOf<ApiKeyScope>());
    }
}

[ApiController, ApiVersion(1)]
[Route(ApiRoute.Prefix + "/keys")]
[Authorize(Policy = Policies.Admin)]
public class KeysController(SkatingDbContext db) : ControllerBase
{
    [HttpPost]
    [BodyLimit(BodyLimits.Small)]
    [EndpointSummary("Create an API key (admin scope)")]
    [EndpointDescription("The answer is the only time the key is shown: only its SHA-256 is kept. Scopes: read, write (imports and result entry), admin (also keys).")]
    [ProducesResponseType<CreatedKeyDto>(201, "application/json")]
    [ProducesResponseType<ValidationProblemDetails>(400, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(409, "application/problem+json")]
    public async Task<ActionResult<CreatedKeyDto>> Create(CreateKeyRequest request, CancellationToken cancellationToken)
    {
        var created = await ApiKeys.CreateAsync(db, request.Name!, ApiName<ApiKeyScope>.Parse(request.Scope!), User.KeyName(), cancellationToken);
        if (created is null)
        {
            return Problem(statusCode: 409, title: "Conflict", detail: $"An active key is already named '{request.Name}'. Revoke it first, or choose another name.");
        }
        return Created($"/api/v1/keys/{created.Key.Id}", CreatedKeyDto.From(created));
    }

    [HttpGet]
    [EndpointSummary("List the API keys, active first (admin scope); never the keys themselves")]
    [ProducesResponseType<Page<KeyDto>>(200, "application/json")]
    public async Task<Page<KeyDto>> List([FromQuery] PageQuery page, CancellationToken cancellationToken) =>
        page.Of((await ApiKeys.ListAsync(db, cancellationToken)).Select(KeyDto.From));

    [HttpDelete("{id}")]
    [EndpointSummary("Revoke an API key (admin scope)")]
    [ProducesResponseType(204)]
    [ProducesResponseType<ProblemDetails>(404, "application/problem+json")]
    public async Task<IActionResult> Revoke([Description("Key id, from the list.")] int id, CancellationToken cancellationToken)
    {
        var revoked = await ApiKeys.RevokeAsync(db, id, null, User.KeyName(), cancellationToken);
        return revoked is null ? this.NotFoundProblem($"No active key has id {id}. GET /api/v1/keys lists them.") : NoContent();
    }
}
