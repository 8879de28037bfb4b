using System.Reflection;
using System.Text.Json;
using SkatingWorldCup.Api.Domain;

namespace SkatingWorldCup.Api.Tests.Domain;

public sealed class ApiNameTests
{
    // Every enum of the domain, found by reflection so a new one is covered without touching this test.
    public static TheoryData<string> Enums() =>
        new(typeof(Gender).Assembly.GetTypes().Where(t => t.IsEnum && t.Namespace == typeof(Gender).Namespace).Select(t => t.Name));

    [Theory]
    [MemberData(nameof(Enums))]
    public void Every_value_round_trips_through_its_name_and_that_name_is_its_JSON(string enumName)
    {
        var type = typeof(Gender).Assembly.GetType($"{typeof(Gender).Namespace}.{enumName}")!;
        typeof(ApiNameTests).GetMethod(nameof(RoundTrips), BindingFlags.NonPublic | BindingFlags.Static)!
            .MakeGenericMethod(type)
            .Invoke(null, null);
    }

    private static void RoundTrips<T>() where T : struct, Enum
    {
        foreach (var value in Enum.GetValues<T>())
        {
            var name = ApiName<T>.Of(value);
            ApiName<T>.Parse(name).ShouldBe(value);
            // The database and query strings use ApiName, JSON uses the enum's converter: they must agree.
            JsonSerializer.Serialize(value).ShouldBe($"\"{name}\"");
        }
        ApiName<T>.All.ShouldBeUnique();
        ApiName<T>.All.Count.ShouldBe(Enum.GetValues<T>().Length);
    }

    [Theory]
    [InlineData("mass-start", Distance.MassStart)]
    [InlineData("500", Distance.Metres500)]
    [InlineData("team-pursuit", Distance.TeamPursuit)]
    public void Distances_go_by_their_contract_names(string name, Distance distance)
    {
        ApiName<Distance>.Parse(name).ShouldBe(distance);
        ApiName<Distance>.Of(distance).ShouldBe(name);
    }

    [Theory]
    [InlineData("xyz")]
    [InlineData("")]
    [InlineData("Metres500")] // the C# name is not the contract's
    public void Rejects_unknown_names(string name)
    {
        ApiName<Distance>.TryParse(name, out _).ShouldBeFalse();
        Should.Throw<FormatException>(() => ApiName<Distance>.Parse(name));
    }
}
