using System.Diagnostics;

namespace AddinHost.Tests.Fixtures;

/// <summary>
/// Temp folders of the throw-away servers (PostgreSQL, Azurite), marked with the process that made them.
/// A killed test run cannot clean up after itself, so each run removes the folders of runs that are gone:
/// otherwise a shared CI machine's disk fills up, run after run.
/// </summary>
internal static class RunFolders
{
    private const string OwnerFile = "owner.pid";

    /// <summary>A new folder of this process, in the temp folder or under <paramref name="root"/>.</summary>
    public static string Create(string prefix, string? root = null)
    {
        var folder = root is null
            ? Directory.CreateTempSubdirectory(prefix).FullName
            : Directory.CreateDirectory(Path.Combine(root, prefix + Guid.NewGuid().ToString("N")[..12])).FullName;
        File.WriteAllText(Path.Combine(folder, OwnerFile), Environment.ProcessId.ToString());
        return folder;
    }

    /// <summary>Stops what runs in each abandoned folder (<paramref name="stop"/>, best effort), then
    /// deletes it.</summary>
    public static async Task SweepAbandonedAsync(string prefix, Func<string, Task> stop, string? root = null)
    {
        foreach (var folder in Directory.GetDirectories(root ?? Path.GetTempPath(), prefix + "*"))
        {
            var owner = Path.Combine(folder, OwnerFile);
            if (File.Exists(owner) ? IsRunning(File.ReadAllText(owner))
                : Directory.GetLastWriteTimeUtc(folder) > DateTime.UtcNow.AddHours(-12))
                continue; // still in use, or too young to tell (its owner file may not be written yet)
            try { await stop(folder); }
            catch (Exception e) when (e is InvalidOperationException or IOException) { /* already stopped */ }
            try { Directory.Delete(folder, recursive: true); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            { /* another run is removing it */ }
        }
    }

    public static bool IsRunning(string pid)
    {
        if (!int.TryParse(pid.Trim(), out var id)) return false;
        try
        {
            using var process = Process.GetProcessById(id);
            return !process.HasExited;
        }
        catch (ArgumentException) { return false; }
    }
}
