using System.Text.Json;
using System.Text.Json.Nodes;

namespace SkatingWorldCup.Api.Tests.Support;

// Generates inputs that are wrong for sure: every body gets at least one poison, a mutation that no field accepts
// (a wrong JSON type, a number out of range, a string too long or holding a NUL, an unknown field, broken JSON…).
public sealed class BadInput(Random random)
{
    private static readonly string[] s_injections =
    [
        "'; DROP TABLE races; --", "\" OR \"\"=\"", "1 OR 1=1", "<script>alert(1)</script>", "${jndi:ldap://127.0.0.1/a}", "../../../etc/passwd",
        "{{7*7}}", "%s%s%s%n", "Robert'); DROP TABLE competitors;--", "$where: '1 == 1'",
    ];

    private static readonly string[] s_oddUnicode = ["ＮＥＤ", "nÉd", "٢٠١٢-١٣", "３６.８０", "３６.80", "٣:٤١.01", "women\u202e", "🏅🏅🏅", "n\u200bed", "Ⅻ", "ǅ", "\uFEFF500"];

    private static readonly string[] s_rawNumbers = ["1e400", "99999999999999999999", "-99999999999", "1.5", "-1", "2147483648", "-0.0001", "1E+3"];

    public T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];

    public string Body(string valid)
    {
        switch (random.Next(14))
        {
            case 0:
                return valid[..random.Next(1, valid.Length - 1)]; // truncated
            case 1:
                return Pick(["", "null", "[]", "\"text\"", "42", "{\"results\": {\"results\": []}}", "not json at all", "{'season': '2012-13'}",
                    new string('[', 5000) + new string(']', 5000), "{\"a\":" + string.Concat(Enumerable.Repeat("{\"a\":", 3000)) + "1" + new string('}', 3001)]);
            default:
                var root = JsonNode.Parse(valid)!;
                var raw = new Dictionary<string, string>();
                for (var n = 1 + random.Next(3); n > 0; n--)
                {
                    Poison(root, raw);
                }
                var text = root.ToJsonString();
                foreach (var (placeholder, token) in raw)
                {
                    text = text.Replace($"\"{placeholder}\"", token, StringComparison.Ordinal);
                }
                return text;
        }
    }

    // One body per (value, bad replacement) for the codes and numbers of the document: wrong for sure, and each alone.
    public IEnumerable<string> Sweep(string valid)
    {
        var count = Sites(JsonNode.Parse(valid)!, null, null).Count();
        for (var i = 0; i < count; i++)
        {
            var kind = Sites(JsonNode.Parse(valid)!, null, null).ElementAt(i).Kind;
            var values = kind switch
            {
                Kind.Code => s_oddUnicode.Concat(s_injections).Select(v => JsonSerializer.Serialize(v)),
                Kind.Int => s_rawNumbers.Where(t => t is not "1E+3"),
                _ => [],
            };
            foreach (var value in values)
            {
                var root = JsonNode.Parse(valid)!;
                var (parent, property, index, _, _) = Sites(root, null, null).ElementAt(i);
                var placeholder = "__sweep__";
                if (parent is JsonObject o)
                {
                    o[property!] = placeholder;
                }
                else
                {
                    ((JsonArray)parent)[index] = placeholder;
                }
                yield return root.ToJsonString().Replace($"\"{placeholder}\"", value, StringComparison.Ordinal);
            }
        }
    }

    public IEnumerable<string> ParameterSweep() =>
        s_injections.Concat(s_oddUnicode).Select(Uri.EscapeDataString)
            .Concat(s_rawNumbers)
            .Concat(["%00", "%01abc", "%ED%A0%80", "%FF%FE", "%E2%80%AE", new string('x', 3000), "", "%20", "NaN", "2013-02-30"]);

    public string ReadUrl(int raceId)
    {
        string V() => random.Next(4) == 0 ? Pick(["1", "2012-13", "women", "500", "men-500", "2012-12-01", $"{raceId}"]) : BadParameter();
        // A NUL in the path never reaches an app: Kestrel refuses the request line itself (and TestServer throws).
        string P() => V().Replace("%00", "%01", StringComparison.Ordinal);
        return random.Next(15) switch
        {
            0 => $"/api/v1/seasons?limit={V()}&offset={V()}",
            1 => $"/api/v1/seasons/{P()}",
            2 => $"/api/v1/seasons/{P()}/occasions?limit={V()}",
            3 => $"/api/v1/seasons/{P()}/occasions/{P()}",
            4 => $"/api/v1/seasons/{P()}/races?gender={V()}&distance={V()}&occasion={V()}&limit={V()}",
            5 => $"/api/v1/races/{P()}",
            6 => $"/api/v1/seasons/{P()}/cups",
            7 => $"/api/v1/seasons/{P()}/cups/{P()}",
            8 => $"/api/v1/world-records?gender={V()}&distance={V()}&asOf={V()}",
            9 => $"/api/v1/world-records/history?gender={V()}&distance={V()}&offset={V()}",
            10 => $"/api/v1/skaters?name={V()}&nationality={V()}",
            11 => $"/api/v1/skaters/{P()}",
            12 => $"/api/v1/changes?since={V()}&limit={V()}",
            13 => $"/api/v1/seasons/{P()}/standings?gender={V()}&distance={V()}",
            _ => $"/api/v1/keys?limit={V()}",
        };
    }

    private string BadParameter() => random.Next(8) switch
    {
        0 => Uri.EscapeDataString(Pick(s_injections)),
        1 => Uri.EscapeDataString(Pick(s_oddUnicode)),
        2 => Pick(s_rawNumbers),
        3 => Pick(["%00", "%01abc", "%ED%A0%80", "%FF%FE", "%C0%AF", "abc%00def", "%E2%80%AE"]), // NUL, control, surrogate and invalid UTF-8
        4 => new string('x', random.Next(300, 5000)),
        5 => Pick(["", "%20", "null", "true", "NaN", "2013-02-30", "-1", "0"]),
        6 => Uri.EscapeDataString(string.Concat(Enumerable.Range(0, random.Next(1, 40)).Select(_ => (char)random.Next(0x20, 0xD7FF)))),
        _ => Uri.EscapeDataString(Pick(s_injections) + Pick(s_oddUnicode)),
    };

    private void Poison(JsonNode root, Dictionary<string, string> raw)
    {
        var sites = Sites(root, null, null).ToList();
        var (parent, property, index, node, kind) = Pick(sites);
        JsonNode? Raw(string token)
        {
            var placeholder = $"__raw_{raw.Count}__";
            raw[placeholder] = token;
            return JsonValue.Create(placeholder);
        }
        var replacement = kind switch
        {
            Kind.Int => random.Next(3) == 0 ? WrongType(kind) : Raw(Pick(s_rawNumbers.Where(t => t is not "1E+3").ToArray())),
            Kind.Bool => Pick<JsonNode?>([JsonValue.Create("yes"), JsonValue.Create(1), JsonValue.Create("true")]),
            Kind.Date => Pick<JsonNode?>([JsonValue.Create("2012-13-45"), JsonValue.Create("2013-02-30"), JsonValue.Create("yesterday"), JsonValue.Create(20121116), JsonValue.Create("")]),
            Kind.Code => random.Next(4) switch
            {
                0 => WrongType(kind),
                1 => JsonValue.Create(Pick(s_oddUnicode)),
                2 => JsonValue.Create(LongText()),
                _ => JsonValue.Create(Pick(s_injections)),
            },
            Kind.Text => random.Next(3) switch
            {
                0 => WrongType(kind),
                1 => JsonValue.Create(LongText()),
                _ => JsonValue.Create(Pick(["Lee\u0000Sang-hwa", "Tab\there", "Bell\u0007", "\ud800lone", "end\udc00", "line\nbreak"])),
            },
            Kind.Array when random.Next(2) == 0 && node is JsonArray array => AddEntry(array),
            Kind.Object when random.Next(2) == 0 && node is JsonObject obj => AddUnknownField(obj),
            _ => WrongType(kind),
        };
        if (ReferenceEquals(replacement, node))
        {
            return;
        }
        if (parent is JsonObject o)
        {
            o[property!] = replacement;
        }
        else if (parent is JsonArray a)
        {
            a[index] = replacement;
        }
    }

    private JsonNode AddEntry(JsonArray array)
    {
        array.Add(random.Next(2) == 0 ? null : JsonValue.Create(12345));
        return array;
    }

    private JsonNode AddUnknownField(JsonObject obj)
    {
        obj[Pick(["pionts", "__proto__", "$type", "constructor", "Season", "extra"])] = JsonValue.Create(1);
        return obj;
    }

    private JsonNode? WrongType(Kind kind) => kind switch
    {
        Kind.Int => Pick<JsonNode?>([JsonValue.Create("12"), JsonValue.Create(true), new JsonObject(), new JsonArray()]),
        Kind.Object => Pick<JsonNode?>([JsonValue.Create("x"), JsonValue.Create(1), new JsonArray(), JsonValue.Create(false)]),
        Kind.Array => Pick<JsonNode?>([JsonValue.Create("x"), JsonValue.Create(1), new JsonObject(), JsonValue.Create(true)]),
        _ => Pick<JsonNode?>([JsonValue.Create(12), JsonValue.Create(true), new JsonObject(), new JsonArray(), JsonValue.Create(1.5)]),
    };

    private string LongText() => new(Pick(['x', 'é', '李', ' ']), random.Next(201, 20000));

    private enum Kind { Object, Array, Int, Bool, Date, Code, Text }

    private static Kind KindOf(string? property, JsonNode? node) => property switch
    {
        "number" or "order" or "rank" or "points" or "afterOccasion" => Kind.Int,
        "isFinal" => Kind.Bool,
        "startDate" or "endDate" or "date" => Kind.Date,
        "season" or "pointsScheme" or "tieBreak" or "cityCode" or "country" or "nationality" or "nation" or "gender" or "distance"
            or "division" or "status" or "time" or "cup" or "distances[]" or "scope" => Kind.Code,
        "name" or "officialName" or "city" or "venue" or "sourceRef" => Kind.Text,
        _ => node is JsonArray ? Kind.Array : Kind.Object,
    };

    // Every value under the root (the root itself is poisoned by Body's whole-body cases).
    private static IEnumerable<(JsonNode Parent, string? Property, int Index, JsonNode? Node, Kind Kind)> Sites(JsonNode node, string? property, JsonNode? _)
    {
        if (node is JsonObject obj)
        {
            foreach (var (name, child) in obj.ToList())
            {
                yield return (obj, name, -1, child, KindOf(name, child));
                if (child is not null)
                {
                    foreach (var site in Sites(child, name, obj))
                    {
                        yield return site;
                    }
                }
            }
        }
        else if (node is JsonArray array)
        {
            for (var i = 0; i < array.Count; i++)
            {
                var child = array[i];
                yield return (array, null, i, child, KindOf($"{property}[]", child));
                if (child is not null)
                {
                    foreach (var site in Sites(child, $"{property}[]", array))
                    {
                        yield return site;
                    }
                }
            }
        }
    }
}
