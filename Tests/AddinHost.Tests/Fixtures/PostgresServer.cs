using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace AddinHost.Tests.Fixtures;

/// <summary>
/// A real PostgreSQL 15 server for the whole test run: a temporary data directory on a free port, started
/// with initdb/pg_ctl as the <c>postgres</c> OS user (they refuse root), stopped when the process exits.
/// Each run first removes the servers that killed runs left behind (<see cref="RunFolders"/>).
/// </summary>
internal sealed class PostgresServer
{
    // The Benchmarks assembly compiles its own copy of this class and runs inside the test host too: both
    // copies find the one server of the process under this key (an interned literal, so also one lock).
    private const string ProcessWideKey = "OutlookDunning.Tests.PostgresServer";
    private static readonly Lazy<Task<PostgresServer>> Shared = new(async () =>
        new PostgresServer(await StartOncePerProcess()));
    private readonly int _port;

    private PostgresServer(int port) => _port = port;

    public static Task<PostgresServer> InstanceAsync() => Shared.Value;

    private static Task<int> StartOncePerProcess()
    {
        lock (ProcessWideKey)
        {
            if (AppDomain.CurrentDomain.GetData(ProcessWideKey) is Task<int> running) return running;
            var started = StartAsync();
            AppDomain.CurrentDomain.SetData(ProcessWideKey, started);
            return started;
        }
    }

    public string ConnectionString(string database) =>
        $"Host=127.0.0.1;Port={_port};Username=postgres;Database={database};Pooling=true;Include Error Detail=true";

    /// <summary>A fresh database, so each fixture starts clean: empty, or a copy of
    /// <paramref name="template"/>.</summary>
    public async Task<string> CreateDatabaseAsync(string? template = null)
    {
        var name = "t_" + Guid.NewGuid().ToString("N")[..16];
        await using var conn = new NpgsqlConnection(ConnectionString("postgres"));
        await conn.OpenAsync();
        var copy = template is null ? "" : $" TEMPLATE \"{template}\"";
        await using var cmd = new NpgsqlCommand($"CREATE DATABASE {name}{copy}", conn);
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

    /// <summary>Runs one of the server's client tools (pg_dump, pg_restore…) against this server, as the admin
    /// guide does.</summary>
    public Task RunToolAsync(string tool, params string[] args) =>
        Run(Path.Combine(FindBinaries(), tool), ["--host=127.0.0.1", $"--port={_port}", "--username=postgres", .. args],
            asPostgres: false);

    /// <summary>Starts the server and answers its port.</summary>
    private static async Task<int> StartAsync()
    {
        var bin = FindBinaries();
        var asRoot = Environment.UserName == "root";
        await RunFolders.SweepAbandonedAsync("od-pg-", async folder =>
        {
            if (File.Exists(Path.Combine(folder, "data", "postmaster.pid")))
                await Run(Path.Combine(bin, "pg_ctl"), ["-D", Path.Combine(folder, "data"), "-m", "immediate", "stop"],
                    asRoot);
        });
        var root = RunFolders.Create("od-pg-");
        var data = Path.Combine(root, "data");
        if (asRoot)
            await Run("chown", ["-R", "postgres:postgres", root], asPostgres: false);

        await Run(Path.Combine(bin, "initdb"),
            ["-D", data, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"], asRoot);
        var port = FreePort();
        var options = $"-p {port} -k {root} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off"
            + $" -c full_page_writes=off -c max_connections=300"
            // Little WAL: every test makes a database, and the default keeps up to 1 GB of it on disk.
            + " -c wal_level=minimal -c max_wal_senders=0 -c max_wal_size=128MB -c min_wal_size=32MB";
        await Run(Path.Combine(bin, "pg_ctl"),
            ["-D", data, "-l", Path.Combine(root, "server.log"), "-o", options, "-w", "-t", "60", "start"], asRoot);

        AppDomain.CurrentDomain.ProcessExit += (_, _) => StopAtExit(root, data);
        return port;
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

    private static string FindBinaries()
    {
        var candidates = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").OrderByDescending(d => d)
                .Select(d => Path.Combine(d, "bin"))
            : [];
        return candidates.FirstOrDefault(d => File.Exists(Path.Combine(d, "pg_ctl")))
            ?? throw new InvalidOperationException(
                "PostgreSQL server binaries not found under /usr/lib/postgresql: run the README's test command, which "
                + "installs them.");
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
            throw new InvalidOperationException(
                $"{Path.GetFileName(file)} failed ({p.ExitCode}): {await stderr}{await stdout}");
    }
}
