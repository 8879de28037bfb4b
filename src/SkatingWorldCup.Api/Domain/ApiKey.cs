namespace SkatingWorldCup.Api.Domain;

// A key that may write. Only the SHA-256 of the key is kept: the key itself is shown once, when it is created.
public class ApiKey
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public ApiKeyScope Scope { get; set; }
    public required byte[] Hash { get; set; }
    public required string Prefix { get; set; } // the key's first characters, so its holder can tell which key a listing means
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
}
