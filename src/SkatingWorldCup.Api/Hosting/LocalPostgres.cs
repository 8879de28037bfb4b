using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace SkatingWorldCup.Api.Hosting;

public class LocalPostgresException(string message) : Exception(message);

// A PostgreSQL cluster of our own, run from the installed binaries: the zero-config database of `dotnet run`
// and the throwaway database of the tests. PostgreSQL refuses to run as root, so as root it runs as `postgres`.
public sealed class LocalPostgres
{
    private readonly string _bin;
    private readonly bool _asPostgresUser;

    public string DataDirectory { get; }
    public int Port { get; private set; }
    public bool StartedHere { get; private set; }

    private LocalPostgres(string bin, string dataDirectory)
    {
        _bin = bin;
        DataDirectory = Path.GetFullPath(dataDirectory);
        _asPostgresUser = Environment.IsPrivilegedProcess;
    }

    public string ConnectionString(string database) => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = Port,
        Username = "postgres",
        Database = database,
    }.ConnectionString;

    // Creates the cluster on first use, reuses it (and a server already running on it) after that.
    public static async Task<LocalPostgres> StartAsync(string dataDirectory, IReadOnlyList<string>? serverSettings = null, CancellationToken cancellationToken = default)
    {
        var postgres = new LocalPostgres(FindBinaries(), dataDirectory);
        await postgres.InitializeAsync(cancellationToken);
        await postgres.StartServerAsync(serverSettings ?? [], cancellationToken);
        return postgres;
    }

    public async Task EnsureDatabaseAsync(string database, CancellationToken cancellationToken = default)
    {
        await using var connection = new NpgsqlConnection(ConnectionString("postgres"));
        await connection.OpenAsync(cancellationToken);
        await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = $1", connection) { Parameters = { new() { Value = database } } };
        if (await exists.ExecuteScalarAsync(cancellationToken) is null)
        {
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{database}\"", connection);
            await create.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    public async Task StopAsync()
    {
        await RunAsync("pg_ctl", ["stop", "-D", DataDirectory, "-m", "fast", "-w", "-t", "30"], CancellationToken.None, throwOnError: false);
    }

    // Starts a stopped server again on the same port (the tests use this to simulate an outage).
    public Task RestartAsync(IReadOnlyList<string>? serverSettings = null, CancellationToken cancellationToken = default) =>
        StartServerAsync(serverSettings ?? [], cancellationToken, Port);

    public static string FindBinaries()
    {
        var candidates = new List<string>();
        if (Environment.GetEnvironmentVariable("SKATING_PG_BIN") is { Length: > 0 } configured)
        {
            candidates.Add(configured);
        }
        candidates.AddRange((Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries));
        if (Directory.Exists("/usr/lib/postgresql"))
        {
            candidates.AddRange(Directory.GetDirectories("/usr/lib/postgresql")
                .OrderByDescending(d => int.TryParse(Path.GetFileName(d), out var v) ? v : 0)
                .Select(d => Path.Combine(d, "bin")));
        }
        foreach (var directory in candidates)
        {
            if (File.Exists(Path.Combine(directory, "pg_ctl")) && File.Exists(Path.Combine(directory, "initdb")))
            {
                // Follow symlinks (/usr/local/bin/pg_ctl -> /usr/lib/postgresql/15/bin) so initdb finds its share files.
                var resolved = new FileInfo(Path.Combine(directory, "pg_ctl")).ResolveLinkTarget(true)?.FullName;
                return resolved is null ? directory : Path.GetDirectoryName(resolved)!;
            }
        }
        throw new LocalPostgresException(
            "No PostgreSQL server binaries were found: install them (apt-get install postgresql) or set ConnectionStrings__Skating to an existing server.");
    }

    private async Task InitializeAsync(CancellationToken cancellationToken)
    {
        if (File.Exists(Path.Combine(DataDirectory, "PG_VERSION")))
        {
            return;
        }
        Directory.CreateDirectory(DataDirectory);
        if (_asPostgresUser && !OperatingSystem.IsWindows())
        {
            await MakeReachableForPostgresUserAsync(cancellationToken);
        }
        await RunAsync("initdb", ["-D", DataDirectory, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-locale"], cancellationToken);
        // Loopback TCP only: no unix socket, so the folder's location never matters to clients.
        await File.AppendAllTextAsync(Path.Combine(DataDirectory, "postgresql.conf"),
            "\nlisten_addresses = '127.0.0.1'\nunix_socket_directories = ''\nmax_connections = 200\n", cancellationToken);
    }

    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    private async Task MakeReachableForPostgresUserAsync(CancellationToken cancellationToken)
    {
        if (await RunRawAsync("id", ["-u", "postgres"], cancellationToken) != 0)
        {
            throw new LocalPostgresException("Running as root needs a 'postgres' user to run PostgreSQL as: install the postgresql package, or set ConnectionStrings__Skating.");
        }
        // The postgres user must be able to walk down to the data folder (mktemp -d makes 0700 folders).
        for (var dir = Directory.GetParent(DataDirectory); dir is not null; dir = dir.Parent)
        {
            var mode = File.GetUnixFileMode(dir.FullName);
            if (!mode.HasFlag(UnixFileMode.OtherExecute))
            {
                File.SetUnixFileMode(dir.FullName, mode | UnixFileMode.OtherExecute);
            }
        }
        await RunRawAsync("chown", ["-R", "postgres:postgres", DataDirectory], cancellationToken);
    }

    private async Task StartServerAsync(IReadOnlyList<string> serverSettings, CancellationToken cancellationToken, int? port = null)
    {
        if (await RunAsync("pg_ctl", ["status", "-D", DataDirectory], cancellationToken, throwOnError: false) == 0 && ReadRunningPort() is { } running)
        {
            Port = running;
            return;
        }
        Port = port ?? FreePort();
        var options = string.Join(' ', new[] { $"-p {Port}" }.Concat(serverSettings.Select(s => $"-c {s}")));
        await RunAsync("pg_ctl", ["start", "-D", DataDirectory, "-w", "-t", "60", "-l", Path.Combine(DataDirectory, "server.log"), "-o", options], cancellationToken);
        StartedHere = true;
    }

    private int? ReadRunningPort()
    {
        var pidFile = Path.Combine(DataDirectory, "postmaster.pid");
        var lines = File.Exists(pidFile) ? File.ReadAllLines(pidFile) : [];
        return lines.Length > 3 && int.TryParse(lines[3], out var port) ? port : null;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private async Task<int> RunAsync(string tool, IReadOnlyList<string> arguments, CancellationToken cancellationToken, bool throwOnError = true)
    {
        var executable = Path.Combine(_bin, tool);
        var (file, args) = _asPostgresUser ? ("runuser", new[] { "-u", "postgres", "--", executable }.Concat(arguments).ToArray()) : (executable, arguments.ToArray());
        var output = new System.Text.StringBuilder();
        var exitCode = await RunRawAsync(file, args, cancellationToken, output);
        if (exitCode != 0 && throwOnError)
        {
            throw new LocalPostgresException($"{tool} failed (exit {exitCode}) for {DataDirectory}: {output.ToString().Trim()}");
        }
        return exitCode;
    }

    private static async Task<int> RunRawAsync(string file, IReadOnlyList<string> arguments, CancellationToken cancellationToken, System.Text.StringBuilder? output = null)
    {
        var startInfo = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }
        using var process = Process.Start(startInfo) ?? throw new LocalPostgresException($"Could not start {file}.");
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        output?.Append(await stdout).Append(await stderr);
        return process.ExitCode;
    }
}
