using System.Diagnostics;
using System.Text;

namespace AddinHost.Tests.Deploy;

/// <summary>
/// Runs an unpacked image as an engine would, without one: the entrypoint, user, working folder and environment of its
/// config, in its own root (chroot), PID and mount namespaces, with /proc, a minimal /dev and /dev/shm mounted inside
/// (the mounts die with the namespace). The network is the host's, so a test can call it. Disposing kills every process
/// whose root is the image's.
/// </summary>
internal sealed class ContainerRun : IAsyncDisposable
{
    private const string Setup = """
        set -e
        root=$1; user=$2; shift 2
        mount -t tmpfs -o mode=755,nosuid tmpfs "$root/dev"
        for node in null zero full random urandom tty; do
            touch "$root/dev/$node"; mount --bind "/dev/$node" "$root/dev/$node"
        done
        mkdir "$root/dev/shm" && mount -t tmpfs -o mode=1777,nosuid,nodev tmpfs "$root/dev/shm"
        ln -s /proc/self/fd "$root/dev/fd"
        touch "$root/etc/hosts" && mount --bind /etc/hosts "$root/etc/hosts"
        exec chroot --userspec="$user" "$root" "$@"
        """;

    private readonly Process _process;
    private readonly string _root;
    private readonly StringBuilder _output = new();

    private ContainerRun(Process process, string root) => (_process, _root) = (process, root);

    /// <summary>The end of what the container printed, for failure messages.</summary>
    public string Output => Command.Tail(_output, 80);

    public bool HasExited => _process.HasExited;

    public static ContainerRun Start(string root, ImageArchive image, IReadOnlyDictionary<string, string> environment)
    {
        root = Path.GetFullPath(root).TrimEnd('/');
        var (uid, gid, home) = User(root, image.Run.GetProperty("User").GetString() ?? "0");
        var variables = image.Env.Select(e => e.Split('=', 2)).ToDictionary(e => e[0], e => e[1]);
        variables.TryAdd("HOME", home); // engines set it from the image's passwd
        foreach (var (name, value) in environment) variables[name] = value;
        var command = new[] { "Entrypoint", "Cmd" }
            .SelectMany(key => image.Run.TryGetProperty(key, out var part)
                && part.ValueKind == System.Text.Json.JsonValueKind.Array
                ? part.EnumerateArray().Select(a => a.GetString()!) : []).ToList();

        var start = new ProcessStartInfo("unshare")
            { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in (string[])["--mount", "--pid", "--fork", "--kill-child", $"--mount-proc={root}/proc",
                     "sh", "-c", Setup, "sh", root, $"{uid}:{gid}",
                     "/usr/bin/env", "-i", "-C", image.Run.GetProperty("WorkingDir").GetString()!,
                     .. variables.Select(v => $"{v.Key}={v.Value}"), .. command])
            start.ArgumentList.Add(arg);
        var process = new Process { StartInfo = start };
        var run = new ContainerRun(process, root);
        process.OutputDataReceived += (_, e) => { lock (run._output) run._output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { lock (run._output) run._output.AppendLine(e.Data); };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return run;
    }

    /// <summary>The user as the image's own /etc/passwd defines it, by name or number.</summary>
    private static (int Uid, int Gid, string Home) User(string root, string user)
    {
        var name = user.Split(':')[0];
        var entry = File.ReadAllLines(Path.Combine(root, "etc", "passwd")).Select(l => l.Split(':'))
            .FirstOrDefault(f => f.Length >= 6 && (f[0] == name || f[2] == name))
            ?? throw new InvalidOperationException($"The image's user {user} is not in its /etc/passwd.");
        return (int.Parse(entry[2]),
            user.Contains(':') ? int.Parse(user.Split(':')[1]) : int.Parse(entry[3]),
            entry[5]);
    }

    /// <summary>The processes running in the image's root, with their real user id.</summary>
    public IReadOnlyList<(int Pid, int Uid, string Name)> Processes()
    {
        var found = new List<(int, int, string)>();
        foreach (var dir in Directory.GetDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid)) continue;
            try
            {
                if (new FileInfo(Path.Combine(dir, "root")).LinkTarget != _root) continue;
                var status = File.ReadAllLines(Path.Combine(dir, "status"));
                var uid = int.Parse(status.First(l => l.StartsWith("Uid:", StringComparison.Ordinal))
                    .Split('\t', StringSplitOptions.RemoveEmptyEntries)[1]);
                found.Add((pid, uid, status[0]["Name:".Length..].Trim()));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { /* it ended meanwhile */ }
        }
        return found;
    }

    public async ValueTask DisposeAsync()
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            var inside = Processes();
            if (inside.Count == 0 && _process.HasExited) break;
            // The namespace's first process takes all the others with it; the rest is in case it was already gone.
            foreach (var (pid, _, _) in inside)
                try { using var p = Process.GetProcessById(pid); p.Kill(); }
                catch (Exception) { /* it ended meanwhile */ }
            try { if (!_process.HasExited) _process.Kill(entireProcessTree: true); }
            catch (Exception) { /* it ended meanwhile */ }
            await Task.Delay(100);
        }
        _process.Dispose();
    }
}
