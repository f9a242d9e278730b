using System.Diagnostics;
using AddinHost.Tests.Fixtures;
using AddinHost.Infrastructure.Problems;
using AddinHost.Letters;
using AddinHost.Letters.Pdf;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace AddinHost.Tests.Letters;

/// <summary>The real LibreOffice: templates it saved, the warm pool, and a converter that hangs.</summary>
public sealed class LibreOfficeTests
{
    private static readonly string Templates = Path.Combine(AppContext.BaseDirectory, "Templates");

    [Fact]
    public async Task A_template_saved_by_libreoffice_still_lints_clean_and_renders_a_valid_letter()
    {
        var folder = Directory.CreateTempSubdirectory("od-lo-save-").FullName;
        var source = Path.Combine(folder, "source", "mise-en-demeure-professionnel.odt");
        Directory.CreateDirectory(Path.GetDirectoryName(source)!);
        // Round trip through ODT and back, so that every run is written by LibreOffice's own export.
        await Soffice(folder, "--convert-to", "odt", "--outdir", Path.GetDirectoryName(source)!,
            Path.Combine(Templates, "mise-en-demeure-professionnel.docx"));
        await Soffice(folder, "--convert-to", "docx:MS Word 2007 XML", "--outdir", folder, source);
        var saved = await File.ReadAllBytesAsync(Path.Combine(folder, "mise-en-demeure-professionnel.docx"));

        Assert.Empty(LetterService.Lint("mise-en-demeure-professionnel", saved)); // mandatory mentions included
        // LibreOffice 7.4 repeats some run properties (<w:b/><w:b/>): the rendered letter must come out valid anyway.
        var data = LetterCommands.ToData(System.Text.Json.JsonDocument.Parse(
            await File.ReadAllTextAsync(Path.Combine(RepositoryRoot.Path, "Templates", "exemple-donnees.json")))
            .RootElement);
        var letter = LetterService.Engine.Render(saved, data);
        Assert.Empty(Docx.Validate(letter));
        var body = string.Join("\n", Docx.Paragraphs(letter)).Replace('\u00a0', ' ');
        Assert.Contains("MISE EN DEMEURE", body);
        Assert.Contains("Total réclamé : 3 498,08 €", body); // the computed sample (see TemplateMentionsTests)
        Assert.DoesNotContain("{{", body);
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task The_pool_converts_letter_after_letter_with_the_same_instance()
    {
        // Speed is measured by the PDF benchmark; here, that one warm instance serves several letters in a row.
        using var pool = new LibreOfficePool(Options.Create(new PdfOptions { PoolSize = 1 }),
            NullLogger<LibreOfficePool>.Instance);
        foreach (var text in new[] { "Première lettre", "Deuxième lettre", "Troisième lettre" })
            Assert.Contains(text, await PdfText.ReadAsync(
                await pool.ConvertAsync(Docx.Build(Docx.P(Docx.R(text))), CancellationToken.None)));
    }

    [Fact]
    public async Task A_stopped_instance_quits_properly_and_leaves_nothing_in_the_temp_folder()
    {
        // A host replaces instances for months: each one's profile and pipes must go with it.
        var worker = await LibreOfficeWorker.StartAsync(new PdfOptions().ResolveSoffice()!, new PdfOptions(),
            CancellationToken.None);
        var (profile, pipe) = worker.Footprint;
        await worker.ConvertAsync(await WriteLetterAsync(profile), Path.Combine(profile, "lettre.pdf"),
            TimeSpan.FromSeconds(60), CancellationToken.None);
        // its scratch files live in its profile
        Assert.NotEmpty(Directory.GetDirectories(Path.Combine(profile, "tmp"), "lu*.tmp"));
        Assert.NotEmpty(Directory.GetFiles(LibreOfficeWorker.PipeFolder, $"OSL_PIPE_*_{pipe}"));

        worker.Dispose();

        // It quit when asked, before the wait that precedes a kill, so it also took its single-instance pipe away.
        Assert.True(worker.QuitWhenAsked, "LibreOffice had to be killed instead of quitting");
        Assert.False(Directory.Exists(profile));
        Assert.Empty(Directory.GetFiles(LibreOfficeWorker.PipeFolder, $"OSL_PIPE_*_{pipe}"));
    }

    [Fact]
    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    public async Task A_converter_that_never_answers_is_killed_and_the_request_gets_a_clear_error()
    {
        // A stand-in for the Python bridge that says nothing and records its process id.
        var folder = Directory.CreateTempSubdirectory("od-hang-").FullName;
        var pidFile = Path.Combine(folder, "pid");
        var silent = Path.Combine(folder, "python");
        await File.WriteAllTextAsync(silent, $"#!/bin/sh\necho $$ > {pidFile}\nexec sleep 600\n");
        File.SetUnixFileMode(silent, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        using var pool = new LibreOfficePool(Options.Create(new PdfOptions { PoolSize = 1, TimeoutSeconds = 5,
            PythonPath = silent }), NullLogger<LibreOfficePool>.Instance);

        var e = await Assert.ThrowsAsync<DomainException>(() =>
            pool.ConvertAsync(Docx.Build(Docx.P(Docx.R("x"))), CancellationToken.None));
        Assert.Equal(ErrorKind.Unavailable, e.Kind);
        Assert.Contains("5 secondes", e.Message);

        var pid = int.Parse((await File.ReadAllTextAsync(pidFile)).Trim());
        for (var i = 0; i < 40 && Directory.Exists($"/proc/{pid}"); i++) await Task.Delay(50);
        Assert.False(Directory.Exists($"/proc/{pid}"), "the hung bridge must be killed");
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task Without_libreoffice_a_pdf_request_is_refused_at_once_with_a_french_reason()
    {
        using var pool = new LibreOfficePool(
            Options.Create(new PdfOptions { LibreOfficePath = "/nonexistent/soffice" }),
            NullLogger<LibreOfficePool>.Instance);
        Assert.False(pool.IsAvailable);
        var e = await Assert.ThrowsAsync<DomainException>(() => pool.ConvertAsync([1, 2, 3], CancellationToken.None));
        Assert.Contains("LibreOffice", e.Message);
    }

    private static async Task<string> WriteLetterAsync(string folder)
    {
        var path = Path.Combine(folder, "lettre.docx");
        await File.WriteAllBytesAsync(path, Docx.Build(Docx.P(Docx.R("Lettre"))));
        return path;
    }

    private static async Task Soffice(string profileRoot, params string[] args)
    {
        using var p = Process.Start(new ProcessStartInfo("soffice",
            ["--headless", $"-env:UserInstallation=file://{profileRoot}/profile", .. args])
        { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var output = await p.StandardOutput.ReadToEndAsync() + await p.StandardError.ReadToEndAsync();
        await p.WaitForExitAsync();
        Assert.True(p.ExitCode == 0, output);
    }

}
