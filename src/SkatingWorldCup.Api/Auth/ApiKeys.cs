using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using SkatingWorldCup.Api.Data;
using SkatingWorldCup.Api.Domain;
using SkatingWorldCup.Api.Writes;

namespace SkatingWorldCup.Api.Auth;

public record KeyIdentity(string Name, ApiKeyScope Scope);

// A key just made: the row that is kept, and the key itself, which is shown this once.
public record CreatedKey(ApiKey Key, string Secret);

// Keys are 256 random bits, so a plain SHA-256 is a safe hash to keep (no salt or slow hash needed: nothing to guess).
// The same operations serve the HTTP endpoints and the `keys` command-line verbs.
public static partial class ApiKeys
{
    public const string BootstrapName = "bootstrap";
    public const string BootstrapSetting = "Auth:BootstrapKey";
    public const int MinimumBootstrapLength = 16;

    // Names that audit rows already use for writes made without a key.
    public static IReadOnlyList<string> ReservedNames { get; } = [BootstrapName, Actors.System, Actors.Bundled, Actors.Cli];

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$")]
    public static partial Regex NamePattern();

    public static string Generate() => "swc_" + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    public static byte[] Hash(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));

    public static string? NameProblem(string? name) =>
        name is null || !NamePattern().IsMatch(name) ? "a key name is 1–100 letters, digits, '.', '_' or '-', starting with a letter or digit."
        : ReservedNames.Contains(name, StringComparer.OrdinalIgnoreCase) ? $"'{name}' is reserved; choose another name."
        : null;

    public static async Task<KeyIdentity?> FindAsync(SkatingDbContext db, string? bootstrapKey, string key, CancellationToken cancellationToken)
    {
        var hash = Hash(key);
        if (bootstrapKey is { Length: >= MinimumBootstrapLength } && CryptographicOperations.FixedTimeEquals(hash, Hash(bootstrapKey)))
        {
            return new KeyIdentity(BootstrapName, ApiKeyScope.Admin);
        }
        return await db.ApiKeys.Where(k => k.Hash == hash && k.RevokedAt == null)
            .Select(k => new KeyIdentity(k.Name, k.Scope))
            .SingleOrDefaultAsync(cancellationToken);
    }

    // Null when an active key already has that name.
    public static async Task<CreatedKey?> CreateAsync(SkatingDbContext db, string name, ApiKeyScope scope, string actor, CancellationToken cancellationToken)
    {
        await using var write = await db.BeginWriteAsync(cancellationToken);
        if (await db.ApiKeys.AnyAsync(k => k.Name == name && k.RevokedAt == null, cancellationToken))
        {
            return null;
        }
        var secret = Generate();
        var key = new ApiKey { Name = name, Scope = scope, Hash = Hash(secret), Prefix = secret[..8], CreatedAt = DateTimeOffset.UtcNow };
        db.ApiKeys.Add(key);
        await db.SaveChangesAsync(cancellationToken);
        await write.CommitAsync(new ChangeEntry(actor, "create-key", "key", name, new { key.Id, Scope = scope.ToApi() }), cancellationToken);
        return new CreatedKey(key, secret);
    }

    // Revokes the active key with that id or name; null when there is none. Revoking is for good: the row stays for the audit.
    public static async Task<ApiKey?> RevokeAsync(SkatingDbContext db, int? id, string? name, string actor, CancellationToken cancellationToken)
    {
        await using var write = await db.BeginWriteAsync(cancellationToken);
        var key = await db.ApiKeys.AsTracking()
            .Where(k => k.RevokedAt == null && (id == null || k.Id == id) && (name == null || k.Name == name))
            .SingleOrDefaultAsync(cancellationToken);
        if (key is null)
        {
            return null;
        }
        key.RevokedAt = DateTimeOffset.UtcNow;
        await db.SaveChangesAsync(cancellationToken);
        await write.CommitAsync(new ChangeEntry(actor, "revoke-key", "key", key.Name, new { key.Id, Scope = key.Scope.ToApi() }), cancellationToken);
        return key;
    }

    public static Task<List<ApiKey>> ListAsync(SkatingDbContext db, CancellationToken cancellationToken) =>
        db.ApiKeys.OrderBy(k => k.RevokedAt != null).ThenBy(k => k.Name).ThenBy(k => k.Id).ToListAsync(cancellationToken);
}
