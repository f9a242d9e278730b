using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace AddinHost.Tests.Fixtures;

/// <summary>
/// The real Azure Storage emulator (npm azurite, installed by the test command), one per test run.
/// Each run first removes the emulators that killed runs left behind (<see cref="RunFolders"/>).
/// </summary>
public sealed class AzuriteServer
{
    private static readonly Lazy<Task<AzuriteServer>> Shared = new(StartAsync);

    // Azurite's fixed, documented development account key: not a secret.
    private const string AccountKey =
        "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    public string ConnectionString { get; }

    private AzuriteServer(int port) =>
        ConnectionString = $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey="
            + $"{AccountKey};BlobEndpoint=http://127.0.0.1:{port}/devstoreaccount1;";

    public static Task<AzuriteServer> InstanceAsync() => Shared.Value;

    private static async Task<AzuriteServer> StartAsync()
    {
        var main = Path.Combine(RepositoryRoot.Path, "Tests", "azurite", "node_modules", "azurite", "dist", "src",
            "blob", "main.js");
        if (!File.Exists(main))
            throw new InvalidOperationException(
                "Azurite is missing: run the README's test command, which installs it (npm ci in Tests/azurite).");
        await RunFolders.SweepAbandonedAsync("od-azurite-", folder =>
        {
            // An orphaned emulator still holds its files: stop it first.
            var pidFile = Path.Combine(folder, ServerPidFile);
            if (File.Exists(pidFile) && RunFolders.IsRunning(File.ReadAllText(pidFile)))
                Process.GetProcessById(int.Parse(File.ReadAllText(pidFile))).Kill(entireProcessTree: true);
            return Task.CompletedTask;
        });
        var port = FreePort();
        var location = RunFolders.Create("od-azurite-");
        var data = Directory.CreateDirectory(Path.Combine(location, "data")).FullName;
        var process = Process.Start(new ProcessStartInfo("node",
            [main, "--blobHost", "127.0.0.1", "--blobPort", port.ToString(), "--location", data, "--silent",
            "--skipApiVersionCheck", "--loose"])
        { RedirectStandardOutput = true, RedirectStandardError = true })!;
        await File.WriteAllTextAsync(Path.Combine(location, ServerPidFile), process.Id.ToString());
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try { process.Kill(true); Directory.Delete(location, true); }
            catch (Exception) { /* best effort */ }
        };

        for (var i = 0; i < 100; i++)
        {
            try
            {
                using var tcp = new TcpClient();
                await tcp.ConnectAsync(IPAddress.Loopback, port);
                return new AzuriteServer(port);
            }
            catch (SocketException) { await Task.Delay(100); }
        }
        throw new InvalidOperationException($"Azurite did not start: {await process.StandardError.ReadToEndAsync()}");
    }

    private const string ServerPidFile = "server.pid";

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

}
