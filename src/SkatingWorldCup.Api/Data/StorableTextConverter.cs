using System.Text.Json;
using System.Text.Json.Serialization;

namespace SkatingWorldCup.Api.Data;

// Strings the database cannot store are refused where they are read, with their JSON path: PostgreSQL text holds no
// NUL, and Npgsql cannot encode a lone UTF-16 surrogate ("\ud800"). Other control characters have no place in names
// or codes either. Without this they would reach the database and fail there, as a 500.
public sealed class StorableTextConverter : JsonConverter<string>
{
    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException($"expected a string, found {Describe(reader.TokenType)}.");
        }
        var value = reader.GetString()!;
        return Problem(value) is { } problem ? throw new JsonException(problem) : value;
    }

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);

    public static string? Problem(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsControl(c))
            {
                return $"control character U+{(int)c:X4} is not allowed in a string.";
            }
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(c))
            {
                return "the string holds an unpaired UTF-16 surrogate.";
            }
        }
        return null;
    }

    public static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "true/false",
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        _ => token.ToString(),
    };
}
