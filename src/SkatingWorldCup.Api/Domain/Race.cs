namespace SkatingWorldCup.Api.Domain;

public class Race
{
    public int Id { get; set; }
    public int OccasionId { get; set; }
    public Occasion Occasion { get; set; } = null!;
    public Gender Gender { get; set; }
    public Distance Distance { get; set; }
    public int Order { get; set; } // 1, 2, … among the weekend's races of this gender and distance
    public DateOnly? Date { get; set; }
    public int Version { get; set; } = 1; // bumped by every write to the race or its results: the ETag, and the optimistic-concurrency token

    public List<Result> Results { get; set; } = [];
}

// What a race's concurrency check (its ETag, If-Match) compares: its row version and the results of it that hold a world
// record, whose WR flags can change without a write to the race.
public sealed record RaceVersion(int RaceId, int Version, IReadOnlyList<int> RecordResultIds);
