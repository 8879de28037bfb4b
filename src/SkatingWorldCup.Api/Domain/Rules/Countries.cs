using System.Collections.Frozen;

namespace SkatingWorldCup.Api.Domain.Rules;

// IOC codes of the skating nations, so a team can be shown as "Netherlands" rather than "NED".
public static class Countries
{
    private static readonly FrozenDictionary<string, string> s_names = new Dictionary<string, string>
    {
        ["AUS"] = "Australia", ["AUT"] = "Austria", ["BEL"] = "Belgium", ["BLR"] = "Belarus", ["CAN"] = "Canada",
        ["CHN"] = "China", ["CZE"] = "Czech Republic", ["DEN"] = "Denmark", ["ESP"] = "Spain", ["EST"] = "Estonia",
        ["FIN"] = "Finland", ["FRA"] = "France", ["GBR"] = "Great Britain", ["GER"] = "Germany", ["HUN"] = "Hungary",
        ["ITA"] = "Italy", ["JPN"] = "Japan", ["KAZ"] = "Kazakhstan", ["KOR"] = "South Korea", ["LAT"] = "Latvia",
        ["LTU"] = "Lithuania", ["NED"] = "Netherlands", ["NOR"] = "Norway", ["NZL"] = "New Zealand", ["POL"] = "Poland",
        ["ROU"] = "Romania", ["RUS"] = "Russia", ["SUI"] = "Switzerland", ["SWE"] = "Sweden", ["TPE"] = "Chinese Taipei",
        ["UKR"] = "Ukraine", ["USA"] = "United States",
    }.ToFrozenDictionary();

    public static string NameOf(string code) => s_names.TryGetValue(code, out var name) ? name : code;
}
