using System.Diagnostics;
using Npgsql;
using SkatingWorldCup.Api.Hosting;

namespace SkatingWorldCup.Api.Tests.Support;

// A cluster of our own in a fresh temp folder, from the installed PostgreSQL binaries (the app's LocalPostgres),
// deleted when the run ends.
public sealed class LocalTestPostgres : ITestPostgresServer
{
    private const string FolderPrefix = "skating-tests-";
    private const string OwnerFile = "owner.pid";

    // Nothing in a throwaway cluster needs to survive a crash; without flushing, the CREATE DATABASE of every
    // reset and the writes of every test cost a fraction.
    private static readonly string[] s_settings = ["fsync=off", "synchronous_commit=off", "full_page_writes=off"];

    private readonly string _folder = Path.Combine(Root(), $"{FolderPrefix}{Guid.NewGuid():N}");
    private LocalPostgres? _postgres;

    public string Description => $"local cluster in {_folder}";
    public string AdminConnectionString => ConnectionString("postgres");

    private LocalPostgres Postgres => _postgres ?? throw new InvalidOperationException("The server has not been started.");

    public async Task StartAsync()
    {
        if (_postgres is not null)
        {
            return;
        }
        await RemoveAbandonedAsync();
        Directory.CreateDirectory(_folder);
        await File.WriteAllTextAsync(Path.Combine(_folder, OwnerFile), $"{Environment.ProcessId}");
        // initdb wants an empty folder of its own, so the cluster sits beside the owner file.
        _postgres = await LocalPostgres.StartAsync(Path.Combine(_folder, "cluster"), s_settings);
    }

    public Task StopAsync() => Postgres.StopAsync();

    public async Task RestartAsync()
    {
        await Postgres.StopAsync();
        await Postgres.RestartAsync(s_settings);
    }

    public string ConnectionString(string database) =>
        new NpgsqlConnectionStringBuilder(Postgres.ConnectionString(database)) { IncludeErrorDetail = true }.ConnectionString;

    public async ValueTask DisposeAsync()
    {
        if (_postgres is not null)
        {
            await _postgres.StopAsync();
        }
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

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

    // A run that was killed (a timeout, a stopped debugger) never tears its cluster down, and one in RAM holds
    // memory until the machine restarts: stop and delete the clusters whose test process is gone.
    private static async Task RemoveAbandonedAsync()
    {
        foreach (var folder in Directory.GetDirectories(Root(), FolderPrefix + "*"))
        {
            var ownerFile = Path.Combine(folder, OwnerFile);
            if (!File.Exists(ownerFile) || !int.TryParse(await File.ReadAllTextAsync(ownerFile), out var owner) || IsRunning(owner))
            {
                continue;
            }
            var pidFile = Path.Combine(folder, "cluster", "postmaster.pid");
            if (File.Exists(pidFile) && int.TryParse(File.ReadLines(pidFile).FirstOrDefault(), out var postmaster)
                && IsRunning(postmaster) && PostmasterOf(postmaster, folder))
            {
                // SIGINT is PostgreSQL's fast shutdown: it ends the sessions and removes its shared memory.
                using (var kill = Process.Start("kill", ["-INT", $"{postmaster}"]))
                {
                    await kill.WaitForExitAsync();
                }
                for (var i = 0; i < 100 && IsRunning(postmaster); i++)
                {
                    await Task.Delay(100);
                }
            }
            Directory.Delete(folder, recursive: true);
        }
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    // Guards against a pid that was reused since: only a postgres started on this folder is stopped.
    private static bool PostmasterOf(int pid, string folder)
    {
        var commandLine = $"/proc/{pid}/cmdline";
        return File.Exists(commandLine) && File.ReadAllText(commandLine).Contains(folder, StringComparison.Ordinal);
    }
}
