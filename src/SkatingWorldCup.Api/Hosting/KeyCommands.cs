using SkatingWorldCup.Api.Auth;
using SkatingWorldCup.Api.Data;
using SkatingWorldCup.Api.Domain;
using SkatingWorldCup.Api.Writes;

namespace SkatingWorldCup.Api.Hosting;

// `keys create | list | revoke`: the operations of POST/GET/DELETE /api/v1/keys, as the actor "cli".
internal static class KeyCommands
{
    internal static async Task<int> CreateKeyAsync(IServiceProvider services, string name, string scopeText, TextWriter output, TextWriter error)
    {
        if (ApiKeys.NameProblem(name) is { } problem)
        {
            return Commands.Fail(error, problem, 2);
        }
        if (!ApiName<ApiKeyScope>.TryParse(scopeText, out var scope))
        {
            return Commands.Fail(error, $"--scope must be one of {string.Join(", ", ApiName<ApiKeyScope>.All)}.", 2);
        }
        await using var serviceScope = services.CreateAsyncScope();
        var created = await ApiKeys.CreateAsync(serviceScope.ServiceProvider.GetRequiredService<SkatingDbContext>(), name, scope, Actors.Cli, CancellationToken.None);
        if (created is null)
        {
            return Commands.Fail(error, $"An active key is already named '{name}': revoke it first, or choose another name.", 1);
        }
        output.WriteLine(created.Secret);
        error.WriteLine($"Created key {created.Key.Id} '{created.Key.Name}' ({created.Key.Scope.ToApi()}). Send it as the X-Api-Key header; it is not shown again.");
        return 0;
    }

    internal static async Task<int> ListKeysAsync(IServiceProvider services, TextWriter output)
    {
        await using var scope = services.CreateAsyncScope();
        var keys = await ApiKeys.ListAsync(scope.ServiceProvider.GetRequiredService<SkatingDbContext>(), CancellationToken.None);
        output.WriteLine($"{"id",4}  {"name",-24} {"scope",-6} {"prefix",-9} {"created",-20} revoked");
        foreach (var k in keys)
        {
            output.WriteLine($"{k.Id,4}  {k.Name,-24} {k.Scope.ToApi(),-6} {k.Prefix,-9} {k.CreatedAt:yyyy-MM-dd HH:mm:ss}  {k.RevokedAt?.ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture) ?? "-"}");
        }
        return 0;
    }

    internal static async Task<int> RevokeKeyAsync(IServiceProvider services, string? name, string? idText, TextWriter output, TextWriter error)
    {
        int? id = null;
        if (idText is not null)
        {
            if (!int.TryParse(idText, out var parsed))
            {
                return Commands.Fail(error, "--id must be a key id (keys list shows them).", 2);
            }
            id = parsed;
        }
        await using var scope = services.CreateAsyncScope();
        var revoked = await ApiKeys.RevokeAsync(scope.ServiceProvider.GetRequiredService<SkatingDbContext>(), id, name, Actors.Cli, CancellationToken.None);
        if (revoked is null)
        {
            return Commands.Fail(error, $"No active key {(name is null ? $"has id {id}" : $"is named '{name}'")}.", 1);
        }
        output.WriteLine($"Revoked key {revoked.Id} '{revoked.Name}'.");
        return 0;
    }
}
