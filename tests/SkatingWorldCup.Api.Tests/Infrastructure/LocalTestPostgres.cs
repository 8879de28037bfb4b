using Npgsql;
using SkatingWorldCup.Api.Infrastructure;

namespace SkatingWorldCup.Api.Tests.Infrastructure;

// A cluster of our own in a fresh temp folder, from the installed PostgreSQL binaries (the app's LocalPostgres),
// deleted when the run ends.
public sealed class LocalTestPostgres : ITestPostgresServer
{
    // Nothing in a throwaway cluster needs to survive a crash; without flushing, the CREATE DATABASE of every
    // reset and the writes of every test cost a fraction.
    private static readonly string[] s_settings = ["fsync=off", "synchronous_commit=off", "full_page_writes=off"];

    private readonly string _directory = Path.Combine(Root(), $"skating-tests-{Guid.NewGuid():N}");
    private LocalPostgres? _postgres;

    public string Description => $"local cluster in {_directory}";
    public bool CanStop => true;
    public string AdminConnectionString => ConnectionString("postgres");

    private LocalPostgres Postgres => _postgres ?? throw new InvalidOperationException("The server has not been started.");

    public async Task StartAsync() => _postgres ??= await LocalPostgres.StartAsync(_directory, s_settings);

    public Task StopAsync() => Postgres.StopAsync();

    public async Task RestartAsync()
    {
        await Postgres.StopAsync();
        await Postgres.RestartAsync(s_settings);
    }

    public string ConnectionString(string database) =>
        new NpgsqlConnectionStringBuilder(Postgres.ConnectionString(database)) { IncludeErrorDetail = true }.ConnectionString;

    // A reset creates a database's ~300 files: on this project's machines that took ~420 ms on disk and ~40 ms in
    // RAM, so the cluster lives on tmpfs when there is one with room (Docker's default /dev/shm of 64 MB has not).
    private static string Root()
    {
        const string Ram = "/dev/shm";
        try
        {
            if (Directory.Exists(Ram) && new DriveInfo(Ram).AvailableFreeSpace > 1L << 30)
            {
                return Ram;
            }
        }
        catch (IOException)
        {
        }
        return Path.GetTempPath();
    }

    public async ValueTask DisposeAsync()
    {
        if (_postgres is not null)
        {
            await _postgres.StopAsync();
        }
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }
}
