using FluentValidation;

namespace SkatingWorldCup.Api.Writes.Validation;

public static class JsonPropertyNames
{
    // Errors are keyed by JSON path (occasions[0].cityCode), wherever a validator runs: the web host, the CLI, a test
    // calling the importer. Set when the assembly loads, so no validator can run before it.
    [System.Runtime.CompilerServices.ModuleInitializer]
    internal static void UseJsonNames()
    {
        ValidatorOptions.Global.PropertyNameResolver = (_, member, _) => member is null ? null : JsonName(member.Name);
        ValidatorOptions.Global.DisplayNameResolver = (_, member, _) => member is null ? null : JsonName(member.Name);
    }

    private static string JsonName(string name) => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(name);
}
