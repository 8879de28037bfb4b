using System.Net;
using System.Text.Json;
using SkatingWorldCup.Api.Hosting;
using SkatingWorldCup.Api.Tests.Support;

namespace SkatingWorldCup.Api.Tests.Hosting;

// The `keys` and `import` verbs, run on the test host's services (the verbs' own database resolution is the web host's).
public sealed class CommandsTests(DatabaseFixture database) : WriteTest(database), IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("skating-cli-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private async Task<(int Exit, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await Commands.RunAsync(Database.Api.Services, args, output, error);
        return (exit, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task Keys_are_created_listed_and_revoked_from_the_command_line()
    {
        var (exit, output, error) = await RunAsync("keys", "create", "--name", "results-desk", "--scope", "write");

        exit.ShouldBe(0, error);
        var key = output.Trim();
        key.ShouldStartWith("swc_");
        error.ShouldContain("not shown again");
        using (var write = await PutResultsAsync(await RaceIdAsync("CAL1"), [], key: key))
        {
            write.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        var list = await RunAsync("keys", "list");
        list.Exit.ShouldBe(0);
        list.Output.ShouldContain("results-desk");
        list.Output.ShouldContain(key[..8]);
        list.Output.ShouldNotContain(key);

        (await RunAsync("keys", "revoke", "--name", "results-desk")).Exit.ShouldBe(0);
        using (var refused = await PutResultsAsync(await RaceIdAsync("CAL1"), [], key: key))
        {
            refused.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        }
        (await RunAsync("keys", "revoke", "--name", "results-desk")).Exit.ShouldBe(1);
        (await RunAsync("keys", "create", "--name", "results-desk", "--scope", "root")).Exit.ShouldBe(2);
        (await RunAsync("keys", "create", "--name", "results-desk")).Exit.ShouldBe(2);
        (await RunAsync("keys")).Exit.ShouldBe(2);
        var audit = (await GetJsonAsync("/api/v1/changes")).GetProperty("items").EnumerateArray().Select(c => (c.GetProperty("key").GetString(), c.GetProperty("action").GetString()));
        audit.ShouldContain(("cli", "create-key"));
        audit.ShouldContain(("cli", "revoke-key"));
    }

    [Fact]
    public async Task Import_prints_a_line_per_season_and_fails_with_every_error_and_nothing_written()
    {
        var good = await WriteAsync("good.json", Bundled("2012-13") with { OfficialName = "Essent ISU World Cup 2012/13" });
        var same = await WriteAsync("same.json", Bundled("2011-12"));
        var (exit, output, error) = await RunAsync("import", good, same);

        exit.ShouldBe(0, error);
        output.ShouldContain("good.json: season 2012-13: changed; created nothing; updated 1 seasons;");
        output.ShouldContain("same.json: season 2011-12: no change;");

        var document = Bundled("2012-13");
        var broken = await WriteAsync("broken.json", document with { Season = "2012-14", Occasions = [document.Occasions![0] with { CityCode = "hv" }] });
        var truncated = Path.Combine(_folder, "truncated.json");
        await File.WriteAllTextAsync(truncated, "{\"season\": \"2012-13\", \"occasions\": [");
        var before = await DumpAsync();

        (exit, output, error) = await RunAsync("import", broken, truncated, Path.Combine(_folder, "missing.json"));

        exit.ShouldBe(1);
        output.ShouldBeEmpty();
        error.ShouldContain("broken.json: rejected, nothing written (2 errors):");
        error.ShouldContain("  season: season must look like 2012-13");
        error.ShouldContain("  occasions[0].cityCode: cityCode must be 3 capital letters");
        error.ShouldContain("truncated.json: invalid JSON:");
        error.ShouldContain("missing.json: Could not find file");
        (await DumpAsync()).ShouldBe(before);
    }

    private async Task<string> WriteAsync(string name, object document)
    {
        var path = Path.Combine(_folder, name);
        await File.WriteAllTextAsync(path, JsonSerializer.Serialize(document, Json));
        return path;
    }
}
