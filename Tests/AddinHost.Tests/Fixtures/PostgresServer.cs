using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace AddinHost.Tests.Fixtures;

/// <summary>
/// A real PostgreSQL 15 server for the whole test run: a temporary data directory on a free port, started
/// with initdb/pg_ctl as the <c>postgres</c> OS user (they refuse root), stopped when the process exits.
/// A test run that was killed cannot clean up after itself, so each run first removes the servers left by
/// runs whose process is gone: a shared CI machine's disk would otherwise fill up, run after run.
/// </summary>
internal sealed class PostgresServer
{
    private static readonly Lazy<Task<PostgresServer>> Shared = new(StartAsync);
    private readonly string _dataDir;
    private readonly int _port;

    private PostgresServer(string dataDir, int port) { _dataDir = dataDir; _port = port; }

    public static Task<PostgresServer> InstanceAsync() => Shared.Value;

    public string ConnectionString(string database) =>
        $"Host=127.0.0.1;Port={_port};Username=postgres;Database={database};Pooling=true;Include Error Detail=true";

    /// <summary>A fresh, empty database, so each fixture starts clean.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var name = "t_" + Guid.NewGuid().ToString("N")[..16];
        await using var conn = new NpgsqlConnection(ConnectionString("postgres"));
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand($"CREATE DATABASE {name}", conn);
        await cmd.ExecuteNonQueryAsync();
        return ConnectionString(name);
    }

    /// <summary>Drops a database made by <see cref="CreateDatabaseAsync"/> once its tests are done with it.</summary>
    public async Task DropDatabaseAsync(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        NpgsqlConnection.ClearAllPools();
        await using var conn = new NpgsqlConnection(ConnectionString("postgres"));
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", conn);
        await cmd.ExecuteNonQueryAsync();
    }

    /// <summary>Runs one of the server's client tools (pg_dump, pg_restore…) against this server, as the admin guide does.</summary>
    public Task RunToolAsync(string tool, params string[] args) =>
        Run(Path.Combine(FindBinaries(), tool), ["--host=127.0.0.1", $"--port={_port}", "--username=postgres", .. args], asPostgres: false);

    private static async Task<PostgresServer> StartAsync()
    {
        var bin = FindBinaries();
        var asRoot = Environment.UserName == "root";
        await RemoveAbandonedServersAsync(bin, asRoot);
        var root = Path.Combine(Path.GetTempPath(), "od-pg-" + Guid.NewGuid().ToString("N")[..8]);
        var data = Path.Combine(root, "data");
        Directory.CreateDirectory(root);
        await File.WriteAllTextAsync(Path.Combine(root, OwnerFile), Environment.ProcessId.ToString());
        if (asRoot)
            await Run("chown", ["-R", "postgres:postgres", root], asPostgres: false);

        await Run(Path.Combine(bin, "initdb"), ["-D", data, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"], asRoot);
        var port = FreePort();
        var options = $"-p {port} -k {root} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300"
            // Little WAL: every test makes a database, and the default keeps up to 1 GB of it on disk.
            + " -c wal_level=minimal -c max_wal_senders=0 -c max_wal_size=128MB -c min_wal_size=32MB";
        await Run(Path.Combine(bin, "pg_ctl"), ["-D", data, "-l", Path.Combine(root, "server.log"), "-o", options, "-w", "-t", "60", "start"], asRoot);

        var server = new PostgresServer(data, port);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => StopAtExit(root, data);
        return server;
    }

    /// <summary>
    /// The test host is given little time to exit, too little for pg_ctl's round trip: signal the server's
    /// immediate shutdown directly and remove its folder. What a killed run leaves, the next one sweeps.
    /// </summary>
    private static void StopAtExit(string root, string data)
    {
        try
        {
            if (int.TryParse(File.ReadLines(Path.Combine(data, "postmaster.pid")).First(), out var postmaster))
                _ = kill(postmaster, SigQuit);
            for (var attempt = 0; attempt < 20 && Directory.Exists(root); attempt++)
            {
                try { Directory.Delete(root, recursive: true); }
                catch (IOException) { Thread.Sleep(50); } // the server is still writing as it goes down
            }
        }
        catch (Exception) { /* best effort: the next run removes what is left */ }
    }

    private const int SigQuit = 3; // PostgreSQL's "immediate shutdown" signal

    [System.Runtime.InteropServices.DllImport("libc", SetLastError = true)]
    private static extern int kill(int pid, int signal);

    private const string OwnerFile = "owner.pid";

    /// <summary>Stops and deletes the servers of earlier test runs whose process has exited.</summary>
    private static async Task RemoveAbandonedServersAsync(string bin, bool asRoot)
    {
        foreach (var root in Directory.GetDirectories(Path.GetTempPath(), "od-pg-*"))
        {
            var owner = Path.Combine(root, OwnerFile);
            if (File.Exists(owner) && int.TryParse(File.ReadAllText(owner), out var pid) && IsRunning(pid))
                continue;
            if (!File.Exists(owner) && Directory.GetLastWriteTimeUtc(root) > DateTime.UtcNow.AddHours(-12))
                continue; // made by a run that predates the owner file, or one just starting: leave it a while
            try
            {
                if (File.Exists(Path.Combine(root, "data", "postmaster.pid")))
                    await Run(Path.Combine(bin, "pg_ctl"), ["-D", Path.Combine(root, "data"), "-m", "immediate", "stop"], asRoot);
            }
            catch (InvalidOperationException) { /* already stopped */ }
            try { Directory.Delete(root, recursive: true); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { /* another run is removing it */ }
        }
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException) { return false; }
    }

    private static string FindBinaries()
    {
        var candidates = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").OrderByDescending(d => d).Select(d => Path.Combine(d, "bin"))
            : [];
        return candidates.FirstOrDefault(d => File.Exists(Path.Combine(d, "pg_ctl")))
            ?? throw new InvalidOperationException("PostgreSQL server binaries not found under /usr/lib/postgresql: run the README's test command, which installs them.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task Run(string file, string[] args, bool asPostgres)
    {
        var psi = asPostgres
            ? new ProcessStartInfo("runuser", ["-u", "postgres", "--", file, .. args])
            : new ProcessStartInfo(file, args);
        psi.RedirectStandardOutput = true;
        psi.RedirectStandardError = true;
        psi.WorkingDirectory = Path.GetTempPath();
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        await p.WaitForExitAsync();
        if (p.ExitCode != 0)
            throw new InvalidOperationException($"{Path.GetFileName(file)} failed ({p.ExitCode}): {await stderr}{await stdout}");
    }
}
