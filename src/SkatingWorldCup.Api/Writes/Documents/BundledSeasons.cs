using System.Text.Json;
using SkatingWorldCup.Api.Data;

namespace SkatingWorldCup.Api.Writes.Documents;

// data/seasons/*.json, embedded in the assembly (see the .csproj).
public static class BundledSeasons
{
    public static IEnumerable<(string Name, SeasonDocument Document)> Load()
    {
        var assembly = typeof(BundledSeasons).Assembly;
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith("Seasons/", StringComparison.Ordinal)).Order())
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            yield return (Path.GetFileNameWithoutExtension(name), JsonSerializer.Deserialize<SeasonDocument>(stream, ImportJson.Options)!);
        }
    }
}

public static class ImportJson
{
    // Unknown fields are errors: a misspelt "pionts" must not be silently dropped.
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow,
        Converters = { new StorableTextConverter() },
    };
}
