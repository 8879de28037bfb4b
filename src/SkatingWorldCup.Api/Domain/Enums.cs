using System.Text.Json.Serialization;

namespace SkatingWorldCup.Api.Domain;

// The JSON names are the contract's strings; the database stores the same strings (see ApiName).
[JsonConverter(typeof(JsonStringEnumConverter<Gender>))]
public enum Gender
{
    [JsonStringEnumMemberName("men")] Men,
    [JsonStringEnumMemberName("women")] Women,
}

[JsonConverter(typeof(JsonStringEnumConverter<Distance>))]
public enum Distance
{
    [JsonStringEnumMemberName("500")] Metres500,
    [JsonStringEnumMemberName("1000")] Metres1000,
    [JsonStringEnumMemberName("1500")] Metres1500,
    [JsonStringEnumMemberName("3000")] Metres3000,
    [JsonStringEnumMemberName("5000")] Metres5000,
    [JsonStringEnumMemberName("10000")] Metres10000,
    [JsonStringEnumMemberName("mass-start")] MassStart,
    [JsonStringEnumMemberName("team-pursuit")] TeamPursuit,
    [JsonStringEnumMemberName("team-sprint")] TeamSprint,
}

[JsonConverter(typeof(JsonStringEnumConverter<Division>))]
public enum Division
{
    [JsonStringEnumMemberName("a")] A,
    [JsonStringEnumMemberName("b")] B,
}

[JsonConverter(typeof(JsonStringEnumConverter<ResultStatus>))]
public enum ResultStatus
{
    [JsonStringEnumMemberName("finished")] Finished,
    [JsonStringEnumMemberName("dnf")] Dnf,
    [JsonStringEnumMemberName("dq")] Dq,
    [JsonStringEnumMemberName("dns")] Dns,
}

[JsonConverter(typeof(JsonStringEnumConverter<CompetitorType>))]
public enum CompetitorType
{
    [JsonStringEnumMemberName("skater")] Skater,
    [JsonStringEnumMemberName("nation")] Nation,
}

// How equal cup points are separated. The sources do not confirm ISU's rule, so none is the default.
[JsonConverter(typeof(JsonStringEnumConverter<TieBreakRule>))]
public enum TieBreakRule
{
    [JsonStringEnumMemberName("none")] None,
    [JsonStringEnumMemberName("countback")] Countback,
}

[JsonConverter(typeof(JsonStringEnumConverter<PointsTableKind>))]
public enum PointsTableKind
{
    [JsonStringEnumMemberName("division-a")] DivisionA,
    [JsonStringEnumMemberName("division-b")] DivisionB,
    [JsonStringEnumMemberName("final-division-a")] FinalDivisionA,
    [JsonStringEnumMemberName("final-division-b")] FinalDivisionB,
    [JsonStringEnumMemberName("team-pursuit")] TeamPursuit,
    [JsonStringEnumMemberName("final-team-pursuit")] FinalTeamPursuit,
    [JsonStringEnumMemberName("mass-start")] MassStart,
    [JsonStringEnumMemberName("final-mass-start")] FinalMassStart,
}

// Where a world-record entry comes from: a season document's progression, or detection from a result's time.
// Detection owns only its own entries; imported ones are never removed by it.
[JsonConverter(typeof(JsonStringEnumConverter<RecordSource>))]
public enum RecordSource
{
    [JsonStringEnumMemberName("imported")] Imported,
    [JsonStringEnumMemberName("detected")] Detected,
}

// Ordered: a scope allows everything the scopes before it allow.
[JsonConverter(typeof(JsonStringEnumConverter<ApiKeyScope>))]
public enum ApiKeyScope
{
    [JsonStringEnumMemberName("read")] Read,
    [JsonStringEnumMemberName("write")] Write,
    [JsonStringEnumMemberName("admin")] Admin,
}
