using System.Diagnostics;
using System.Runtime.InteropServices;

namespace AddinHost.Letters.Pdf;

/// <summary>
/// One warm LibreOffice: a headless soffice with its own profile, started and driven through UNO by a small Python
/// bridge. Starting soffice costs seconds; a warm one converts a letter in a fraction of that. The bridge gives
/// LibreOffice a cleared environment and takes it down with the host (see uno_bridge.py); the profile names its host,
/// so a host that died without the bridge noticing is swept at the next start (<see cref="LibreOfficeSweep"/>).
/// </summary>
internal sealed class LibreOfficeWorker : IDisposable
{
    private readonly Process _bridge;
    private readonly int _office;
    private readonly string _profile;
    private readonly string _pipe;

    private LibreOfficeWorker(Process bridge, int office, string profile, string pipe) =>
        (_bridge, _office, _profile, _pipe) = (bridge, office, profile, pipe);

    public static async Task<LibreOfficeWorker> StartAsync(string soffice, PdfOptions options, CancellationToken ct)
    {
        var id = Guid.NewGuid().ToString("N")[..12];
        var profile = Path.Combine(Path.GetTempPath(), LibreOfficeSweep.ProfilePrefix + id);
        var pipe = "od-lo-" + id;
        // its lu*.tmp folders go with the profile
        var scratch = Directory.CreateDirectory(Path.Combine(profile, "tmp")).FullName;
        LibreOfficeSweep.MarkOwner(profile);
        WriteSettings(profile);
        var script = Path.Combine(AppContext.BaseDirectory, "Letters", "Pdf", "uno_bridge.py");
        var start = new ProcessStartInfo(options.PythonPath,
            [script, soffice, profile, pipe, options.TimeoutSeconds.ToString()])
        { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true,
            UseShellExecute = false };
        // Key Vault's secrets live in the host's environment: neither the bridge nor LibreOffice inherits it.
        start.Environment.Clear();
        start.Environment["PATH"] = "/usr/bin:/bin";
        start.Environment["LANG"] = "C.UTF-8";
        start.Environment["HOME"] = profile;
        start.Environment["TMPDIR"] = scratch;
        var bridge = Process.Start(start)!;
        try
        {
            var hello = await bridge.StandardOutput.ReadLineAsync(ct).AsTask()
                .WaitAsync(TimeSpan.FromSeconds(options.TimeoutSeconds), ct);
            if (hello?.Split('\t') is not ["ready", var pid] || !int.TryParse(pid, out var office))
                throw new PdfConversionException(
                    $"LibreOffice did not start: {hello ?? await bridge.StandardError.ReadToEndAsync(ct)}");
            return new LibreOfficeWorker(bridge, office, profile, pipe);
        }
        catch
        {
            Kill(bridge, null);
            DeleteProfile(profile, pipe);
            throw;
        }
    }

    public bool IsAlive => !_bridge.HasExited && Directory.Exists($"/proc/{_office}");

    /// <summary>Whether the last stop found LibreOffice gone by itself when asked to quit, before any kill.</summary>
    internal bool QuitWhenAsked { get; private set; }

    /// <summary>The instance's own profile folder and pipe name, both removed when it stops.</summary>
    internal (string Profile, string Pipe) Footprint => (_profile, _pipe);

    /// <summary>LibreOffice's process id (its session's), as the bridge reported it.</summary>
    internal int OfficeProcessId => _office;

    /// <summary>The bridge's process id.</summary>
    internal int BridgeProcessId => _bridge.Id;

    /// <summary>Converts; on time-out the caller must dispose this worker (the instance may be hung).</summary>
    public async Task ConvertAsync(string source, string target, TimeSpan timeout, CancellationToken ct)
    {
        await _bridge.StandardInput.WriteLineAsync($"{source}\t{target}".AsMemory(), ct);
        await _bridge.StandardInput.FlushAsync(ct);
        var answer = await _bridge.StandardOutput.ReadLineAsync(ct).AsTask().WaitAsync(timeout, ct);
        if (answer != "ok")
            throw new PdfConversionException(
                $"LibreOffice could not convert: {answer?.Split('\t').LastOrDefault() ?? "process stopped"}");
    }

    /// <summary>Asks LibreOffice to quit (the bridge closes it when its input ends); kills it if it does not.</summary>
    public void Dispose() => Stop(graceful: true);

    /// <summary>For a hung instance, which would not answer a request to quit.</summary>
    public void Kill() => Stop(graceful: false);

    private void Stop(bool graceful)
    {
        if (graceful)
        {
            try
            {
                if (!_bridge.HasExited) _bridge.StandardInput.Close();
                // It quit when asked: the bridge closed it and left, and nothing of LibreOffice's remains to kill.
                QuitWhenAsked = _bridge.WaitForExit(TimeSpan.FromSeconds(5)) && !Directory.Exists($"/proc/{_office}");
            }
            catch (Exception e) when (e is IOException or InvalidOperationException) { /* already gone */ }
        }
        Kill(_bridge, _office);
        DeleteProfile(_profile, _pipe);
    }

    private static void Kill(Process bridge, int? office)
    {
        try { if (!bridge.HasExited) bridge.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
        bridge.Dispose();
        // LibreOffice's own session, whatever became of the bridge
        if (office is { } session) KillProcessGroup(session);
    }

    private static void DeleteProfile(string profile, string pipe)
    {
        // A killed soffice leaves its pipe behind; a host that runs for months would pile them up in /tmp.
        try
        {
            foreach (var leftover in Directory.GetFiles(PipeFolder, $"OSL_PIPE_*_{pipe}")) File.Delete(leftover);
            Directory.Delete(profile, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { /* best effort */ }
    }

    internal static void KillProcessGroup(int group) => _ = SendSignal(-group, 9);

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int SendSignal(int pid, int signal);

    /// <summary>
    /// LibreOffice's own settings in the fresh profile: linked content from untrusted places is never loaded, and
    /// macros never run, whatever a document asks.
    /// </summary>
    private static void WriteSettings(string profile)
    {
        var user = Directory.CreateDirectory(Path.Combine(profile, "user")).FullName;
        File.WriteAllText(Path.Combine(user, "registrymodifications.xcu"), """
            <?xml version="1.0" encoding="UTF-8"?>
            <oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema"
              xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
            <item oor:path="/org.openoffice.Office.Common/Security/Scripting"><prop
              oor:name="BlockUntrustedRefererLinks" oor:op="fuse"><value>true</value></prop></item>
            <item oor:path="/org.openoffice.Office.Common/Security/Scripting"><prop
              oor:name="DisableMacrosExecution" oor:op="fuse"><value>true</value></prop></item>
            <item oor:path="/org.openoffice.Office.Common/Security/Scripting"><prop
              oor:name="MacroSecurityLevel" oor:op="fuse"><value>3</value></prop></item>
            </oor:items>
            """);
    }

    /// <summary>Where LibreOffice's runtime puts its named pipes, whatever TMPDIR says.</summary>
    internal const string PipeFolder = "/tmp";
}

public sealed class PdfConversionException(string message) : Exception(message);
