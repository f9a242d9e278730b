using System.Diagnostics;
using System.Text.Json;
using AddinHost.Letters;
using AddinHost.Letters.Pdf;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Benchmarks;

/// <summary>Letters to PDF: the pool of warm LibreOffice instances against one soffice process per letter,
/// same concurrency.</summary>
public static class PdfBenchmark
{
    private const int Concurrency = 2;

    public static async Task RunAsync(Report report, int letters, TextWriter log)
    {
        var repository = Repository.Root();
        var data = LetterCommands.ToData(
            JsonDocument.Parse(
            await File.ReadAllTextAsync(Path.Combine(repository, "Templates", "exemple-donnees.json")))
            .RootElement);
        var docx = LetterService.Engine.Render(
            await File.ReadAllBytesAsync(
            Path.Combine(repository, "Templates", "mise-en-demeure-professionnel.docx")),
            data);

        using var pool = new LibreOfficePool(Options.Create(new PdfOptions { PoolSize = Concurrency }),
            NullLogger<LibreOfficePool>.Instance);
        var sw = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(0, letters),
            new ParallelOptions { MaxDegreeOfParallelism = Concurrency },
            async (_, ct) => await pool.ConvertAsync(docx, ct));
        var pooled = sw.Elapsed;

        var folder = Directory.CreateTempSubdirectory("od-bench-pdf-");
        var source = Path.Combine(folder.FullName, "courrier.docx");
        await File.WriteAllBytesAsync(source, docx);
        sw.Restart();
        await Parallel.ForEachAsync(Enumerable.Range(0, letters),
            new ParallelOptions { MaxDegreeOfParallelism = Concurrency },
            async (i, ct) => await OneProcessAsync(source, Path.Combine(folder.FullName, $"out{i}"), ct));
        var perProcess = sw.Elapsed;
        folder.Delete(recursive: true);

        log.WriteLine($"PDF: {letters} letters in {Report.Format(pooled)} with the pool, "
            + $"{Report.Format(perProcess)} with one soffice per letter");
        report.AddPeer("-", $"PDF, {letters} letters", pooled / letters, perProcess / letters,
            "faster than one process per letter",
            pooled < perProcess, "per letter; peer = soffice --convert-to pdf per letter");
    }

    private static async Task OneProcessAsync(string source, string outdir, CancellationToken ct)
    {
        Directory.CreateDirectory(outdir);
        using var p = Process.Start(new ProcessStartInfo("soffice",
            ["--headless", "--norestore", $"-env:UserInstallation=file://{outdir}/profile",
             "--convert-to", "pdf", "--outdir", outdir, source])
        { RedirectStandardOutput = true, RedirectStandardError = true })!;
        await p.WaitForExitAsync(ct);
        if (!File.Exists(Path.Combine(outdir, "courrier.pdf")))
            throw new InvalidOperationException("soffice produced no PDF");
    }
}
