using System.Diagnostics;

namespace AddinHost.Letters.Pdf;

/// <summary>
/// LibreOffice instances whose host died without taking them down (its bridge killed too, or an older version of it):
/// each profile names its host (process id and start time), and at start-up those whose host is gone are killed and
/// removed, as the tests do for their PostgreSQL servers. Instances of living hosts, even other ones, are left alone.
/// </summary>
public static class LibreOfficeSweep
{
    internal const string ProfilePrefix = "od-lo-";
    private const string OwnerFile = "owner";

    internal static void MarkOwner(string profile) =>
        File.WriteAllText(Path.Combine(profile, OwnerFile),
            $"{Environment.ProcessId} {StartTicks(Environment.ProcessId)}");

    /// <summary>Kills the processes of every abandoned profile and removes it; answers how many processes were
    /// killed.</summary>
    public static int SweepAbandoned()
    {
        if (!OperatingSystem.IsLinux()) return 0;
        var killed = 0;
        foreach (var profile in Directory.GetDirectories(Path.GetTempPath(), ProfilePrefix + "*"))
        {
            var owner = Path.Combine(profile, OwnerFile);
            string[] mark;
            try { mark = File.ReadAllText(owner).Split(' '); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                continue; // not ours, or being written
            }
            if (mark.Length == 2 && int.TryParse(mark[0], out var pid) && StartTicks(pid) == mark[1])
                continue; // its host lives
            foreach (var process in ProcessesUsing(profile))
            {
                LibreOfficeWorker.KillProcessGroup(process);
                try { Process.GetProcessById(process).Kill(); killed++; }
                catch (Exception e) when (e is ArgumentException or InvalidOperationException
                                              or System.ComponentModel.Win32Exception) { /* gone meanwhile */ }
            }
            try { Directory.Delete(profile, recursive: true); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                /* another host is sweeping it */
            }
        }
        return killed;
    }

    /// <summary>Processes whose command line names the profile: the bridge, LibreOffice's launcher and LibreOffice
    /// itself.</summary>
    private static IEnumerable<int> ProcessesUsing(string profile)
    {
        foreach (var folder in Directory.GetDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(folder), out var pid) || pid == Environment.ProcessId) continue;
            string commandLine;
            try { commandLine = File.ReadAllText(Path.Combine(folder, "cmdline")); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { continue; }
            if (commandLine.Contains(profile, StringComparison.Ordinal)) yield return pid;
        }
    }

    /// <summary>A process's start time in clock ticks (/proc/pid/stat, field 22), so a reused process id is not taken
    /// for the host.</summary>
    private static string StartTicks(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return fields[19]; // field 22 counted from the state, which is field 3
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or IndexOutOfRangeException)
        {
            return "gone";
        }
    }
}
