namespace SkatingWorldCup.Api.Tests.Support;

// The PostgreSQL server a test run talks to. DatabaseFixture only knows this interface, so where the server
// comes from (a throwaway local cluster, a server given by the environment, a container) is one decision in
// TestPostgres.Create.
public interface ITestPostgresServer : IAsyncDisposable
{
    // What the reports print, e.g. "local cluster in /tmp/skating-tests-…".
    string Description { get; }

    // A database the tests may CREATE DATABASE and DROP DATABASE from.
    string AdminConnectionString { get; }

    Task StartAsync();

    // Takes the server down (to simulate an outage) but keeps its data. Only on a server of our own: the shared one
    // throws, and tests that call this are [LocalServerFact] so they skip there.
    Task StopAsync();

    // Brings the server back, stopped or not, on the same port: connection strings taken earlier stay valid.
    Task RestartAsync();

    string ConnectionString(string database);
}

public static class TestPostgres
{
    // A connection string to a server where its user may CREATE DATABASE, for machines that cannot run
    // PostgreSQL's binaries themselves. Tests that stop the server skip there (LocalServerFactAttribute).
    public const string ConnectionVariable = "SKATING_TEST_CONNECTION";

    public static string? ExistingConnection =>
        Environment.GetEnvironmentVariable(ConnectionVariable) is { Length: > 0 } connectionString ? connectionString : null;

    public static bool UsesExistingServer => ExistingConnection is not null;

    public static ITestPostgresServer Create() =>
        ExistingConnection is { } connectionString ? new ExistingTestPostgres(connectionString) : new LocalTestPostgres();

    // ---- Seam: a Testcontainers-backed server -----------------------------------------------------------------
    // Testcontainers.PostgreSql cannot be restored from this project's package mirror and no Docker engine runs on
    // its machines, so there is no container implementation. Where both exist, add
    // <PackageVersion Include="Testcontainers.PostgreSql" …/> and a ContainerTestPostgres : ITestPostgresServer:
    //   StartAsync        => _container = new PostgreSqlBuilder().WithImage("postgres:15")
    //                            .WithCommand("-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off")
    //                            .Build(); await _container.StartAsync();
    //   StopAsync         => _container.StopAsync()
    //   RestartAsync      => stop, then _container.StartAsync(); the mapped host port changes on restart unless
    //                        it is pinned with WithPortBinding(port, 5432), and ConnectionString must follow it
    //   ConnectionString  => new NpgsqlConnectionStringBuilder(_container.GetConnectionString()) { Database = database }
    //   DisposeAsync      => _container.DisposeAsync()
    // and choose it here, e.g. when SKATING_TEST_DOCKER=1. Nothing else in the tests changes.
    // -------------------------------------------------------------------------------------------------------------
}
