using System.Diagnostics;

namespace AddinHost.Letters.Pdf;

/// <summary>
/// One warm LibreOffice: a headless soffice with its own profile, driven through UNO by a small Python bridge.
/// Starting soffice costs seconds; a warm one converts a letter in a fraction of that.
/// </summary>
internal sealed class LibreOfficeWorker : IDisposable
{
    private readonly Process _office;
    private readonly Process _bridge;
    private readonly string _profile;
    private readonly string _pipe;

    private LibreOfficeWorker(Process office, Process bridge, string profile, string pipe) =>
        (_office, _bridge, _profile, _pipe) = (office, bridge, profile, pipe);

    public static async Task<LibreOfficeWorker> StartAsync(string soffice, PdfOptions options, CancellationToken ct)
    {
        var id = Guid.NewGuid().ToString("N")[..12];
        var profile = Path.Combine(Path.GetTempPath(), "od-lo-" + id);
        var pipe = "od-lo-" + id;
        var scratch = Directory.CreateDirectory(Path.Combine(profile, "tmp")).FullName;
        var start = new ProcessStartInfo(soffice,
        [
            "--headless", "--invisible", "--nologo", "--nodefault", "--norestore", "--nolockcheck", "--nofirststartwizard",
            $"-env:UserInstallation=file://{profile}", $"--accept=pipe,name={pipe};urp;StarOffice.ComponentContext",
        ]) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.Environment["TMPDIR"] = scratch; // its lu*.tmp folders then go with the profile, even when it is killed
        var office = Process.Start(start)!;
        var script = Path.Combine(AppContext.BaseDirectory, "Letters", "Pdf", "uno_bridge.py");
        var bridge = Process.Start(new ProcessStartInfo(options.PythonPath, [script, pipe, options.TimeoutSeconds.ToString()])
        { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false })!;
        var worker = new LibreOfficeWorker(office, bridge, profile, pipe);
        try
        {
            var hello = await bridge.StandardOutput.ReadLineAsync(ct).AsTask().WaitAsync(TimeSpan.FromSeconds(options.TimeoutSeconds), ct);
            if (hello != "ready")
                throw new PdfConversionException($"LibreOffice n'a pas démarré : {hello ?? await bridge.StandardError.ReadToEndAsync(ct)}");
            return worker;
        }
        catch
        {
            worker.Kill();
            throw;
        }
    }

    public bool IsAlive => !_office.HasExited && !_bridge.HasExited;

    /// <summary>Whether the last stop found LibreOffice gone by itself when asked to quit, before any kill.</summary>
    internal bool QuitWhenAsked { get; private set; }

    /// <summary>The instance's own profile folder and pipe name, both removed when it stops.</summary>
    internal (string Profile, string Pipe) Footprint => (_profile, _pipe);

    /// <summary>Converts; on time-out the caller must dispose this worker (the instance may be hung).</summary>
    public async Task ConvertAsync(string source, string target, TimeSpan timeout, CancellationToken ct)
    {
        await _bridge.StandardInput.WriteLineAsync($"{source}\t{target}".AsMemory(), ct);
        await _bridge.StandardInput.FlushAsync(ct);
        var answer = await _bridge.StandardOutput.ReadLineAsync(ct).AsTask().WaitAsync(timeout, ct);
        if (answer != "ok")
            throw new PdfConversionException($"LibreOffice n'a pas pu convertir le document : {answer?.Split('\t').LastOrDefault() ?? "processus arrêté"}.");
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
                QuitWhenAsked = _office.WaitForExit(TimeSpan.FromSeconds(5));
            }
            catch (Exception e) when (e is IOException or InvalidOperationException) { /* already gone */ }
        }
        foreach (var p in new[] { _bridge, _office })
        {
            try { if (!p.HasExited) p.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
            p.Dispose();
        }
        // A killed soffice leaves its pipe behind; a host that runs for months would pile them up in /tmp.
        try
        {
            foreach (var leftover in Directory.GetFiles(PipeFolder, $"OSL_PIPE_*_{_pipe}")) File.Delete(leftover);
            Directory.Delete(_profile, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { /* best effort */ }
    }

    /// <summary>Where LibreOffice's runtime puts its named pipes, whatever TMPDIR says.</summary>
    internal const string PipeFolder = "/tmp";
}

public sealed class PdfConversionException(string message) : Exception(message);
