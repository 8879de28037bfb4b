using Npgsql;

namespace SkatingWorldCup.Api.Tests.Support;

public static class PublicTables
{
    // The tables of the public schema, by name.
    public static async Task<List<string>> ListAsync(NpgsqlConnection connection)
    {
        var tables = new List<string>();
        await using var list = new NpgsqlCommand("SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename", connection);
        await using var reader = await list.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            tables.Add(reader.GetString(0));
        }
        return tables;
    }
}
