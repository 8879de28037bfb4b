namespace SkatingWorldCup.Api.Domain;

public class WorldRecord
{
    public int Id { get; set; }
    public Gender Gender { get; set; }
    public Distance Distance { get; set; }
    public decimal Time { get; set; }
    public DateOnly Date { get; set; }
    public string? Venue { get; set; }
    public string? City { get; set; }
    public int? NationId { get; set; } // team events
    public Competitor? Nation { get; set; }
    public int? ResultId { get; set; } // the result that set it, when the data has it
    public Result? Result { get; set; }
    public RecordSource Source { get; set; }

    public List<WorldRecordHolder> Holders { get; set; } = [];
}

public class WorldRecordHolder
{
    public int WorldRecordId { get; set; }
    public int SkaterId { get; set; }
    public Competitor Skater { get; set; } = null!;
    public int Position { get; set; }
}
