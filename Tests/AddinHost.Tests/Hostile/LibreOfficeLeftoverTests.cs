using System.Diagnostics;
using AddinHost.Letters.Pdf;
using AddinHost.Tests.Fixtures;

namespace AddinHost.Tests.Hostile;

/// <summary>
/// A host killed with SIGKILL mid-conversion (as an out-of-memory kill would) leaves no LibreOffice running, and
/// LibreOffice never sees the host's secrets; what an older host left behind is swept at the next start.
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class LibreOfficeLeftoverTests
{
    private const string Secret = "Ar24__PrivateKey";

    /// <summary>Processes whose command line names one of LibreOffice's profiles, with that profile.</summary>
    private static List<(int Pid, string CommandLine)> OfficeProcesses() =>
        Directory.GetDirectories("/proc")
            .Select(d => (Ok: int.TryParse(Path.GetFileName(d), out var pid), Pid: pid, Dir: d))
            .Where(x => x.Ok)
            .Select(x => (x.Pid, CommandLine: Read(Path.Combine(x.Dir, "cmdline")).Replace('\0', ' ')))
            .Where(x => x.CommandLine.Contains("/od-lo-", StringComparison.Ordinal)
                && x.CommandLine.Contains("soffice", StringComparison.Ordinal))
            .ToList();

    private static string Read(string path)
    {
        try { return File.ReadAllText(path); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return ""; }
    }

    private static int Parent(int pid) =>
        int.TryParse(Read($"/proc/{pid}/stat").Split(')').LastOrDefault()?.Trim().Split(' ').ElementAtOrDefault(1),
            out var p) ? p : 0;

    private static bool DescendsFrom(int pid, int ancestor)
    {
        for (var p = pid; p > 1; p = Parent(p))
            if (p == ancestor) return true;
        return false;
    }

    [Fact]
    public async Task A_host_killed_mid_conversion_leaves_no_libreoffice_behind_and_never_lent_it_its_secrets()
    {
        var output = Path.Combine(Directory.CreateTempSubdirectory("od-kill-").FullName, "lettre.pdf");
        var psi = new ProcessStartInfo("dotnet", ["exec", Path.Combine(AppContext.BaseDirectory, "AddinHost.dll"),
            "render", Path.Combine(AppContext.BaseDirectory, "Templates", "relance-1.docx"),
            Path.Combine(RepositoryRoot.Path, "Templates", "exemple-donnees.json"), output])
        { RedirectStandardOutput = true, RedirectStandardError = true };
        psi.Environment[Secret] = "secret-du-coffre";
        using var host = Process.Start(psi)!;

        // Wait (bounded by count) until this host's LibreOffice runs: the conversion is under way.
        List<int> mine = [];
        for (var i = 0; i < 600 && mine.Count < 2 && !host.HasExited; i++)
        {
            await Task.Delay(100);
            mine = OfficeProcesses().Where(p => DescendsFrom(p.Pid, host.Id)).Select(p => p.Pid).ToList();
        }
        Assert.True(mine.Count >= 2, "the host's LibreOffice (launcher and soffice.bin) should be running");
        foreach (var pid in mine)
            Assert.DoesNotContain(Secret, Read($"/proc/{pid}/environ")); // a cleared environment, not the host's

        host.Kill(); // SIGKILL: nothing of the host runs after this, no finally, no Dispose
        await host.WaitForExitAsync();

        var left = mine;
        for (var i = 0; i < 100 && left.Count > 0; i++)
        {
            await Task.Delay(100);
            left = mine.Where(pid => Directory.Exists($"/proc/{pid}")
                && !Read($"/proc/{pid}/stat").Contains(") Z ")).ToList();
        }
        Assert.Empty(left);
    }

    [Fact]
    public async Task The_start_up_sweep_kills_what_a_dead_host_left_and_spares_a_living_one()
    {
        // What a host killed together with its bridge would leave: a profile naming a dead host, a process using it.
        var abandoned = Directory.CreateTempSubdirectory("od-lo-").FullName;
        // The process first, then its owner: a host sweeping in a parallel test skips a profile with no owner yet,
        // and would otherwise remove it before the process that uses it starts.
        using var orphan = Process.Start(new ProcessStartInfo("python3",
            ["-c", "import time; time.sleep(600)",
            $"soffice -env:UserInstallation=file://{abandoned}"]))!;
        using (var gone = Process.Start("true")!)
        {
            await gone.WaitForExitAsync();
            await File.WriteAllTextAsync(Path.Combine(abandoned, "owner"), $"{gone.Id} 1");
        }
        var living = Directory.CreateTempSubdirectory("od-lo-").FullName;
        await File.WriteAllTextAsync(Path.Combine(living, "owner"),
            $"{Environment.ProcessId} "
            + $"{File.ReadAllText("/proc/self/stat").Split(')')[1].Trim().Split(' ')[19]}");
        using var ours = Process.Start(new ProcessStartInfo("python3",
            ["-c", "import time; time.sleep(600)",
            $"soffice -env:UserInstallation=file://{living}"]))!;

        // Any host starting in a parallel test sweeps too, and may get there first: the outcome is what counts.
        LibreOfficeSweep.SweepAbandoned();
        Assert.True(orphan.WaitForExit(TimeSpan.FromSeconds(10)));
        Assert.False(Directory.Exists(abandoned));
        Assert.False(ours.HasExited); // its host (this test run) lives
        Assert.True(Directory.Exists(living));
        ours.Kill();
        Directory.Delete(living, recursive: true);
    }
}
