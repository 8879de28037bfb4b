using System.Text.Json.Nodes;

namespace SkatingWorldCup.Api.Tests.Support;

// The standings the tests ask for most, and a row of an answer by competitor name.
public static class StandingsJson
{
    public const string WomenSprint = "/api/v1/seasons/2012-13/standings?gender=women&distance=500";

    public static JsonNode Row(JsonNode standings, string name) =>
        standings["standings"]!.AsArray().Single(r => (string?)r!["competitor"]!["name"] == name)!;
}
