using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using SkatingWorldCup.Api.Tests.Support;

namespace SkatingWorldCup.Api.Tests.Web;

// docs/openapi/v1.json is the committed contract frontends generate clients from. Any change to the API's document
// fails here until the file is regenerated on purpose, so API changes show up in review as a diff of that file.
public sealed class OpenApiContractTests(DatabaseFixture database) : ApiTest(database)
{
    private const string UpdateVariable = "UPDATE_OPENAPI";
    private const int MaxDifferencesShown = 60;

    [Fact]
    public async Task The_v1_document_is_the_committed_docs_openapi_v1_json()
    {
        var served = Normalize(JsonNode.Parse(await Client.GetStringAsync("/swagger/v1/swagger.json")))!;
        var text = Pretty(served);
        var file = Path.Combine(RepositoryRoot(), "docs", "openapi", "v1.json");

        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            await File.WriteAllTextAsync(file, text);
            return;
        }
        var committed = File.Exists(file) ? await File.ReadAllTextAsync(file) : null;
        if (committed?.ReplaceLineEndings("\n") == text)
        {
            return;
        }
        var differences = committed is null ? ["(the file does not exist)"] : Differences("", JsonNode.Parse(committed), served).ToList();
        Assert.Fail(new StringBuilder()
            .AppendLine($"The API's OpenAPI document differs from {Path.GetRelativePath(RepositoryRoot(), file)} in {differences.Count} place(s) (committed → served):")
            .AppendJoin('\n', differences.Take(MaxDifferencesShown).Select(d => $"  {d}")).AppendLine()
            .AppendLine(differences.Count > MaxDifferencesShown ? $"  … and {differences.Count - MaxDifferencesShown} more" : "")
            .AppendLine("If the change is intended, regenerate the file and commit it with the change:")
            .Append($"  {UpdateVariable}=1 dotnet test SkatingWorldCup.sln --filter FullyQualifiedName~{nameof(OpenApiContractTests)}")
            .ToString());
    }

    // Object keys sorted (ordinal) at every level, so the file's order never depends on reflection or dictionary order.
    private static JsonNode? Normalize(JsonNode? node) => node switch
    {
        JsonObject o => new JsonObject(o.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => KeyValuePair.Create(p.Key, Normalize(p.Value)))),
        JsonArray a => new JsonArray([.. a.Select(Normalize)]),
        _ => node?.DeepClone(),
    };

    private static string Pretty(JsonNode node) =>
        node.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }).ReplaceLineEndings("\n") + "\n";

    // One line per differing leaf, by JSON path: paths./api/v1/seasons.get.summary: "Old" → "New".
    private static IEnumerable<string> Differences(string path, JsonNode? committed, JsonNode? served)
    {
        switch (committed, served)
        {
            case (JsonObject a, JsonObject b):
                foreach (var key in a.Select(p => p.Key).Union(b.Select(p => p.Key)).Order(StringComparer.Ordinal))
                {
                    var child = path.Length == 0 ? key : $"{path}.{key}";
                    if (!a.ContainsKey(key))
                    {
                        yield return $"{child}: added {Short(b[key])}";
                    }
                    else if (!b.ContainsKey(key))
                    {
                        yield return $"{child}: removed (was {Short(a[key])})";
                    }
                    else
                    {
                        foreach (var difference in Differences(child, a[key], b[key]))
                        {
                            yield return difference;
                        }
                    }
                }
                break;
            case (JsonArray a, JsonArray b) when a.Count == b.Count:
                for (var i = 0; i < a.Count; i++)
                {
                    foreach (var difference in Differences($"{path}[{i}]", a[i], b[i]))
                    {
                        yield return difference;
                    }
                }
                break;
            default:
                if (!JsonNode.DeepEquals(committed, served))
                {
                    yield return $"{path}: {Short(committed)} → {Short(served)}";
                }
                break;
        }
    }

    private static string Short(JsonNode? node)
    {
        var text = node?.ToJsonString(new JsonSerializerOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) ?? "null";
        return text.Length <= 120 ? text : $"{text[..117]}…";
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SkatingWorldCup.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException($"No SkatingWorldCup.sln above {AppContext.BaseDirectory}.");
    }
}
