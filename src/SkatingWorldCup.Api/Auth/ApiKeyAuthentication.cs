using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;
using SkatingWorldCup.Api.Data;
using SkatingWorldCup.Api.Domain;

namespace SkatingWorldCup.Api.Auth;

public static class ApiKeyDefaults
{
    public const string Scheme = "ApiKey";
    public const string Header = "X-Api-Key";
    public const string ScopeClaim = "scope";
}

// Authorization policies of the write endpoints; reads have none and stay anonymous.
public static class Policies
{
    public const string Write = "write";
    public const string Admin = "admin";
}

public static class ApiKeyAuthentication
{
    public static IServiceCollection AddApiKeyAuthentication(this IServiceCollection services)
    {
        services.AddAuthentication(ApiKeyDefaults.Scheme).AddScheme<AuthenticationSchemeOptions, ApiKeyHandler>(ApiKeyDefaults.Scheme, null);
        services.AddAuthorizationBuilder()
            .AddPolicy(Policies.Write, p => p.RequireAuthenticatedUser().RequireClaim(ApiKeyDefaults.ScopeClaim, ApiKeyScope.Write.ToApi(), ApiKeyScope.Admin.ToApi()))
            .AddPolicy(Policies.Admin, p => p.RequireAuthenticatedUser().RequireClaim(ApiKeyDefaults.ScopeClaim, ApiKeyScope.Admin.ToApi()));
        return services;
    }

    // Authentication only: the rate limiter goes between it and UseAuthorization, so it counts requests per key and
    // a 401 for a guessed key is counted too.
    public static void UseApiKeys(this WebApplication app)
    {
        if (app.Configuration[ApiKeys.BootstrapSetting] is { Length: > 0 and < ApiKeys.MinimumBootstrapLength })
        {
            app.Logger.LogWarning("{Setting} is ignored: a bootstrap key needs at least {Length} characters.", ApiKeys.BootstrapSetting, ApiKeys.MinimumBootstrapLength);
        }
        app.UseAuthentication();
    }

    // The name audit rows record for the caller's key.
    public static string KeyName(this ClaimsPrincipal user) =>
        user.Identity?.Name ?? throw new InvalidOperationException("A write endpoint ran without an authenticated key.");
}

// X-Api-Key → the key's name and scope. Answers 401 (no key, or one that is unknown or revoked, with WWW-Authenticate)
// and 403 (a scope too small) as problem+json. Rejected keys are logged by request, never by value.
public sealed class ApiKeyHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    IConfiguration configuration, IProblemDetailsService problems)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var key = Request.Headers[ApiKeyDefaults.Header].ToString();
        if (key.Length == 0)
        {
            return AuthenticateResult.NoResult();
        }
        // The handler is made for every request, most of them without a key: only those rent a DbContext from the pool
        // (renting one per request was a tenth of the CPU of a 304, bench/README.md).
        var db = Context.RequestServices.GetRequiredService<SkatingDbContext>();
        var found = await ApiKeys.FindAsync(db, configuration[ApiKeys.BootstrapSetting], key, Context.RequestAborted);
        if (found is null)
        {
            Logger.LogWarning("Rejected an unknown or revoked API key: {Method} {Path} from {Remote}", Request.Method, Request.Path, Context.Connection.RemoteIpAddress);
            return AuthenticateResult.Fail("The API key is unknown or revoked.");
        }
        var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, found.Name), new Claim(ApiKeyDefaults.ScopeClaim, found.Scope.ToApi())], ApiKeyDefaults.Scheme);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), ApiKeyDefaults.Scheme));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var result = await HandleAuthenticateOnceSafeAsync();
        if (result.Failure is null)
        {
            Logger.LogInformation("Refused {Method} {Path} from {Remote}: no API key", Request.Method, Request.Path, Context.Connection.RemoteIpAddress);
        }
        Response.Headers.WWWAuthenticate = $"{ApiKeyDefaults.Scheme} header=\"{ApiKeyDefaults.Header}\"";
        await WriteProblemAsync(StatusCodes.Status401Unauthorized, "Unauthorized",
            result.Failure?.Message ?? $"This request needs an API key in the {ApiKeyDefaults.Header} header.");
    }

    protected override async Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        var needed = Context.GetEndpoint()?.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).OfType<string>().LastOrDefault() ?? Policies.Write;
        var scope = Context.User.FindFirst(ApiKeyDefaults.ScopeClaim)?.Value;
        Logger.LogWarning("Refused {Method} {Path} to key {Key}: scope {Scope}, needs {Needed}", Request.Method, Request.Path, Context.User.Identity?.Name, scope, needed);
        await WriteProblemAsync(StatusCodes.Status403Forbidden, "Forbidden", $"This key's scope is '{scope}'; this request needs a key with the '{needed}' scope.");
    }

    private async Task WriteProblemAsync(int status, string title, string detail)
    {
        Response.StatusCode = status;
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = Context,
            ProblemDetails = { Status = status, Title = title, Detail = detail },
        });
    }
}
