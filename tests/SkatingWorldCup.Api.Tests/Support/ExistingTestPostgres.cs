using Npgsql;

namespace SkatingWorldCup.Api.Tests.Support;

// A server the environment provides (SKATING_TEST_CONNECTION). It is not ours: the tests only create and drop
// their own databases on it, and never stop it.
public sealed class ExistingTestPostgres(string connectionString) : ITestPostgresServer
{
    private readonly NpgsqlConnectionStringBuilder _builder = new(connectionString) { IncludeErrorDetail = true };

    public string Description => $"existing server {_builder.Host}:{_builder.Port} ({TestPostgres.ConnectionVariable})";
    public string AdminConnectionString => _builder.ConnectionString;

    public async Task StartAsync()
    {
        // Fail here, with the variable's name, rather than in whichever test connects first.
        try
        {
            await using var connection = new NpgsqlConnection(AdminConnectionString);
            await connection.OpenAsync();
        }
        catch (Exception e) when (e is NpgsqlException or ArgumentException)
        {
            throw new InvalidOperationException($"{TestPostgres.ConnectionVariable} is set but its server cannot be reached: {e.Message}", e);
        }
    }

    public Task StopAsync() => throw NotOurs();
    public Task RestartAsync() => throw NotOurs();

    public string ConnectionString(string database) =>
        new NpgsqlConnectionStringBuilder(_builder.ConnectionString) { Database = database }.ConnectionString;

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private static NotSupportedException NotOurs() =>
        new($"The server of {TestPostgres.ConnectionVariable} is shared: tests that stop it must use [LocalServerFact].");
}
