using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace AddinHost.Tests.Fixtures;

/// <summary>
/// A real PostgreSQL 15 server for the whole test run: a temporary data directory on a free port, started
/// with initdb/pg_ctl as the <c>postgres</c> OS user (they refuse root), stopped when the process exits.
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

    /// <summary>Runs one of the server's client tools (pg_dump, pg_restore…) against this server, as the admin guide does.</summary>
    public Task RunToolAsync(string tool, params string[] args) =>
        Run(Path.Combine(FindBinaries(), tool), ["--host=127.0.0.1", $"--port={_port}", "--username=postgres", .. args], asPostgres: false);

    private static async Task<PostgresServer> StartAsync()
    {
        var bin = FindBinaries();
        var root = Path.Combine(Path.GetTempPath(), "od-pg-" + Guid.NewGuid().ToString("N")[..8]);
        var data = Path.Combine(root, "data");
        Directory.CreateDirectory(root);
        var asRoot = Environment.UserName == "root";
        if (asRoot)
            await Run("chown", ["-R", "postgres:postgres", root], asPostgres: false);

        await Run(Path.Combine(bin, "initdb"), ["-D", data, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"], asRoot);
        var port = FreePort();
        var options = $"-p {port} -k {root} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300";
        await Run(Path.Combine(bin, "pg_ctl"), ["-D", data, "-l", Path.Combine(root, "server.log"), "-o", options, "-w", "-t", "60", "start"], asRoot);

        var server = new PostgresServer(data, port);
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                Run(Path.Combine(bin, "pg_ctl"), ["-D", data, "-m", "immediate", "stop"], asRoot).GetAwaiter().GetResult();
                Directory.Delete(root, recursive: true);
            }
            catch (Exception) { /* best effort: the directory is in /tmp */ }
        };
        return server;
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
