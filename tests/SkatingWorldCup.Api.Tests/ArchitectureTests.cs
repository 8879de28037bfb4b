using NetArchTest.Rules;

namespace SkatingWorldCup.Api.Tests;

// The arrows point one way (README "Where things are"): Domain <- Data <- Writes <- Auth, and Web and Hosting above
// them; Features on top, each on its own. A test per rule, so a failure names the rule and the types that break it.
public sealed class ArchitectureTests
{
    private const string Api = "SkatingWorldCup.Api";
    private static readonly string[] s_layers = ["Domain", "Data", "Writes", "Auth", "Web", "Hosting", "Features"];

    public static TheoryData<string, string[]> Layers => new()
    {
        // layer, and the project namespaces it may use besides its own
        { "Domain", [] },
        { "Data", ["Domain"] },
        { "Writes", ["Domain", "Data"] },
        { "Auth", ["Domain", "Data", "Writes"] },
        { "Web", ["Domain", "Data", "Auth"] },
        { "Hosting", ["Domain", "Data", "Writes", "Auth", "Web"] },
    };

    [Theory]
    [MemberData(nameof(Layers))]
    public void A_layer_uses_only_the_layers_below_it(string layer, string[] allowed)
    {
        var forbidden = s_layers.Where(l => l != layer && !allowed.Contains(l)).Select(l => $"{Api}.{l}").ToArray();

        var result = Types.InAssembly(typeof(Program).Assembly).That().ResideInNamespace($"{Api}.{layer}")
            .ShouldNot().HaveDependencyOnAny(forbidden).GetResult();

        result.IsSuccessful.ShouldBeTrue($"{layer} may use {(allowed.Length == 0 ? "no other layer" : string.Join(", ", allowed))}; these types use "
            + $"one of {string.Join(", ", forbidden)}: {string.Join(", ", result.FailingTypeNames ?? [])}");
    }

    [Fact]
    public void Domain_is_plain_CSharp_without_EF_ASP_NET_or_Npgsql()
    {
        var result = Types.InAssembly(typeof(Program).Assembly).That().ResideInNamespace($"{Api}.Domain")
            .ShouldNot().HaveDependencyOnAny("Microsoft.EntityFrameworkCore", "Microsoft.AspNetCore", "Npgsql", "Microsoft.Extensions").GetResult();

        result.IsSuccessful.ShouldBeTrue($"Domain types that use EF, ASP.NET Core, Npgsql or Microsoft.Extensions: {string.Join(", ", result.FailingTypeNames ?? [])}");
    }

    private static readonly string[] s_features = [.. typeof(Program).Assembly.GetTypes()
        .Select(t => t.Namespace).OfType<string>().Where(n => n.StartsWith($"{Api}.Features.", StringComparison.Ordinal))
        .Select(n => n.Split('.')[3]).Distinct().Order()];

    public static TheoryData<string> Features => new(s_features);

    [Theory]
    [MemberData(nameof(Features))]
    public void A_feature_never_uses_another_feature(string feature)
    {
        var others = s_features.Where(f => f != feature).Select(f => $"{Api}.Features.{f}").ToArray();

        var result = Types.InAssembly(typeof(Program).Assembly).That().ResideInNamespace($"{Api}.Features.{feature}")
            .ShouldNot().HaveDependencyOnAny(others).GetResult();

        result.IsSuccessful.ShouldBeTrue($"Features.{feature} uses another feature: {string.Join(", ", result.FailingTypeNames ?? [])}");
    }
}
