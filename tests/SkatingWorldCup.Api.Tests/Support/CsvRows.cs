using CsvHelper;

namespace SkatingWorldCup.Api.Tests.Support;

// CSV answers read back with CsvHelper, as a client would.
public static class CsvRows
{
    private static readonly CsvReaderOptions s_options = CsvReaderOptions.Default with { HasHeader = false, Separator = ',' };

    // Every record, the header row included.
    public static List<string[]> Records(string body)
    {
        using var csv = CsvReader.Create(new StringReader(body), s_options, leaveOpen: false);
        var rows = new List<string[]>();
        while (csv.Read())
        {
            rows.Add([.. Enumerable.Range(0, csv.FieldCount).Select(csv.GetString)]);
        }
        return rows;
    }

    // The records after the header, each by its header's names.
    public static List<Dictionary<string, string>> ByHeader(string body)
    {
        var records = Records(body);
        return [.. records.Skip(1).Select(r => records[0].Select((name, i) => (name, r[i])).ToDictionary(f => f.name, f => f.Item2))];
    }
}
