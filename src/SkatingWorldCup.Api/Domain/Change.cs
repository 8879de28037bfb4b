namespace SkatingWorldCup.Api.Domain;

// The audit trail: one row per committed write, in commit order (writes are serialized on DataVersion).
public class Change
{
    public long Id { get; set; }
    public DateTimeOffset At { get; set; }
    public required string KeyName { get; set; }
    public required string Action { get; set; } // "import", "replace-results", "put-occasion", "create-key", "revoke-key"
    public required string Entity { get; set; } // "season", "race", "occasion", "key"
    public required string EntityId { get; set; } // an id or a natural key ("2012-13", "2012-13/5")
    public required string Summary { get; set; } // JSON: what changed
    public long DataVersion { get; set; } // the global data version this write produced
}
