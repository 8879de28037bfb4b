namespace SkatingWorldCup.Api.Domain;

public class Result
{
    public int Id { get; set; }
    public int RaceId { get; set; }
    public Race Race { get; set; } = null!;
    public int CompetitorId { get; set; }
    public Competitor Competitor { get; set; } = null!;
    public Division? Division { get; set; } // null where the source does not say
    public int? Rank { get; set; } // within the division
    public decimal? Time { get; set; } // seconds, at the precision recorded
    public ResultStatus Status { get; set; }
    public int Points { get; set; }
    public bool PointsGiven { get; set; } // published points are kept as published, never recomputed
}
