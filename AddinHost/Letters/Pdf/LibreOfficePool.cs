using System.Threading.Channels;
using AddinHost.Infrastructure.Problems;
using Microsoft.Extensions.Options;

namespace AddinHost.Letters.Pdf;

public interface IPdfConverter
{
    Task<byte[]> ConvertAsync(byte[] docx, CancellationToken ct);
}

/// <summary>
/// A few warm LibreOffice instances, each with its own profile, used one conversion at a time. A conversion
/// that overruns its time-out kills its instance, which is replaced on the next request.
/// </summary>
public sealed class LibreOfficePool : IPdfConverter, IDisposable
{
    private readonly PdfOptions _options;
    private readonly string? _soffice;
    private readonly Channel<LibreOfficeWorker?> _slots;
    private readonly ILogger<LibreOfficePool> _log;
    private bool _disposed;

    public LibreOfficePool(IOptions<PdfOptions> options, ILogger<LibreOfficePool> log)
    {
        _options = options.Value;
        _soffice = _options.ResolveSoffice();
        _log = log;
        _slots = Channel.CreateBounded<LibreOfficeWorker?>(_options.PoolSize);
        for (var i = 0; i < _options.PoolSize; i++) _slots.Writer.TryWrite(null); // started lazily
    }

    public bool IsAvailable => _soffice is not null && File.Exists(_options.PythonPath);

    public async Task<byte[]> ConvertAsync(byte[] docx, CancellationToken ct)
    {
        if (!IsAvailable)
            throw DomainException.Unavailable(
                "La conversion en PDF est indisponible : LibreOffice (paquet libreoffice-writer-nogui, avec " +
                "python3-uno) n'est pas installé sur le serveur.");
        var folder = Directory.CreateTempSubdirectory("od-pdf-");
        var source = Path.Combine(folder.FullName, "courrier.docx");
        var target = Path.Combine(folder.FullName, "courrier.pdf");
        await File.WriteAllBytesAsync(source, docx, ct);

        var worker = await _slots.Reader.ReadAsync(ct);
        try
        {
            if (worker is null || !worker.IsAlive)
            {
                worker?.Kill();
                worker = await LibreOfficeWorker.StartAsync(_soffice!, _options, ct);
            }
            await worker.ConvertAsync(source, target, TimeSpan.FromSeconds(_options.TimeoutSeconds), ct);
            return await File.ReadAllBytesAsync(target, ct);
        }
        catch (Exception e) when (e is TimeoutException or PdfConversionException or IOException
            or OperationCanceledException)
        {
            // A hung or confused instance is not reused: the next request starts a fresh one.
            worker?.Kill();
            worker = null;
            // LibreOffice's own words (temporary paths, internals) go to the log, never to the caller.
            _log.LogWarning("PDF conversion failed: {Reason}: {Detail}", e.GetType().Name, e.Message);
            if (e is OperationCanceledException) throw;
            throw DomainException.Unavailable(e is TimeoutException
                    ? $"La conversion en PDF a dépassé {_options.TimeoutSeconds} secondes et a été interrompue."
                    : "La conversion en PDF a échoué : réessayez dans un instant. Si cela se reproduit, prévenez " +
                        "l'administrateur (détail dans le journal du serveur).");
        }
        finally
        {
            if (!_disposed) _slots.Writer.TryWrite(worker);
            else worker?.Dispose();
            folder.Delete(recursive: true);
        }
    }

    public void Dispose()
    {
        _disposed = true;
        while (_slots.Reader.TryRead(out var worker)) worker?.Dispose();
    }
}
