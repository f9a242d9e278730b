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

    private LibreOfficeWorker(Process office, Process bridge, string profile) => (_office, _bridge, _profile) = (office, bridge, profile);

    public static async Task<LibreOfficeWorker> StartAsync(string soffice, PdfOptions options, CancellationToken ct)
    {
        var id = Guid.NewGuid().ToString("N")[..12];
        var profile = Path.Combine(Path.GetTempPath(), "od-lo-" + id);
        var pipe = "od-lo-" + id;
        var office = Process.Start(new ProcessStartInfo(soffice,
        [
            "--headless", "--invisible", "--nologo", "--nodefault", "--norestore", "--nolockcheck", "--nofirststartwizard",
            $"-env:UserInstallation=file://{profile}", $"--accept=pipe,name={pipe};urp;StarOffice.ComponentContext",
        ]) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false })!;
        var script = Path.Combine(AppContext.BaseDirectory, "Letters", "Pdf", "uno_bridge.py");
        var bridge = Process.Start(new ProcessStartInfo(options.PythonPath, [script, pipe, options.TimeoutSeconds.ToString()])
        { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false })!;
        var worker = new LibreOfficeWorker(office, bridge, profile);
        try
        {
            var hello = await bridge.StandardOutput.ReadLineAsync(ct).AsTask().WaitAsync(TimeSpan.FromSeconds(options.TimeoutSeconds), ct);
            if (hello != "ready")
                throw new PdfConversionException($"LibreOffice n'a pas démarré : {hello ?? await bridge.StandardError.ReadToEndAsync(ct)}");
            return worker;
        }
        catch
        {
            worker.Dispose();
            throw;
        }
    }

    public bool IsAlive => !_office.HasExited && !_bridge.HasExited;

    /// <summary>Converts; on time-out the caller must dispose this worker (the instance may be hung).</summary>
    public async Task ConvertAsync(string source, string target, TimeSpan timeout, CancellationToken ct)
    {
        await _bridge.StandardInput.WriteLineAsync($"{source}\t{target}".AsMemory(), ct);
        await _bridge.StandardInput.FlushAsync(ct);
        var answer = await _bridge.StandardOutput.ReadLineAsync(ct).AsTask().WaitAsync(timeout, ct);
        if (answer != "ok")
            throw new PdfConversionException($"LibreOffice n'a pas pu convertir le document : {answer?.Split('\t').LastOrDefault() ?? "processus arrêté"}.");
    }

    public void Dispose()
    {
        foreach (var p in new[] { _bridge, _office })
        {
            try { if (!p.HasExited) p.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
            p.Dispose();
        }
        try { Directory.Delete(_profile, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}

public sealed class PdfConversionException(string message) : Exception(message);
