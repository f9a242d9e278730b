using AddinHost.Tests.Fixtures;
using AddinHost.Letters;

namespace AddinHost.Tests.Letters;

public sealed class ShippedTemplatesTests
{
    private static string[] Shipped() =>
        Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Templates"), "*.docx")
        .Select(f => Path.GetFileNameWithoutExtension(f)).Order().ToArray();

    public static TheoryData<string> Names() => new(Shipped());

    [Fact]
    public void Every_template_the_ladder_names_is_shipped()
    {
        var shipped = Shipped().ToHashSet();
        Assert.Superset(shipped, new HashSet<string> { "relance-1", "relance-2", "mise-en-demeure-professionnel",
            "mise-en-demeure-consommateur", "mise-en-demeure-honoraires", "courriel-courtoisie", "courriel-relance-1",
            "mise-en-demeure-confrere", "relance-confrere", "courriel-confrere",
            "requete-injonction-de-payer", "invitation-petites-creances" });
        foreach (var level in AddinHost.Cases.Planning.ReminderPolicy.CreateDefault()
            .Levels.Where(l => l.Template is not null))
            Assert.Contains(TemplateStore.Variant(level.Template!, ownFees: false, legalInterest: false), shipped);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void A_shipped_template_lints_clean_and_is_a_valid_document(string name)
    {
        var docx = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Templates", name + ".docx"));
        Assert.Empty(LetterService.Engine.Lint(docx));
        Assert.Empty(Docx.Validate(docx));
    }
}

/// <summary>The template authors' command line, run as a real process.</summary>
public sealed class LetterCommandLineTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("od-letters-").FullName;
    private static readonly string Templates = Path.Combine(AppContext.BaseDirectory, "Templates");

    private static async Task<(int Code, string Out)> RunAsync(params string[] args)
    {
        var psi = new System.Diagnostics.ProcessStartInfo("dotnet",
            ["exec", Path.Combine(AppContext.BaseDirectory, "AddinHost.dll"), .. args])
        { RedirectStandardOutput = true, RedirectStandardError = true };
        using var p = System.Diagnostics.Process.Start(psi)!;
        var output = await p.StandardOutput.ReadToEndAsync() + await p.StandardError.ReadToEndAsync();
        await p.WaitForExitAsync();
        return (p.ExitCode, output);
    }

    [Fact]
    public async Task Render_fills_a_shipped_template_with_the_example_data()
    {
        var data = Path.Combine(RepositoryRoot.Path, "Templates", "exemple-donnees.json");
        var output = Path.Combine(_folder, "relance.docx");
        var (code, text) = await RunAsync("render", Path.Combine(Templates, "relance-2.docx"), data, output);
        Assert.True(code == 0, text);
        var docx = await File.ReadAllBytesAsync(output);
        Assert.Empty(Docx.Validate(docx));
        var body = string.Join("\n", Docx.Paragraphs(docx)).Replace('\u00a0', ' ');
        Assert.Contains("Garage Fontaine SARL", body);
        // The computed sample: 3 266,59 of principal, 151,49 of penalties, 2 × 40 € (see TemplateMentionsTests).
        Assert.Contains("Total réclamé : 3 498,08 €", body);
        Assert.Contains("— Relance 1 du 10/03/2025 (factures visées : F2025-0041)\n— Relance 2 du 29/04/2025 (factures "
            + "visées : F2025-0041, F2025-0057)", body);
    }

    [Fact]
    public async Task Lint_exits_0_on_a_clean_template_and_1_with_every_problem_otherwise()
    {
        Assert.Equal(0, (await RunAsync("lint", Path.Combine(Templates, "mise-en-demeure-professionnel.docx"))).Code);
        // A copy of a shipped template under its name is checked for its mandatory mentions too.
        var stripped = Path.Combine(_folder, "relance-1.docx");
        await File.WriteAllBytesAsync(stripped, Docx.Build(Docx.P(Docx.R("{{destinataire.nom}}"))));
        var (strippedCode, strippedText) = await RunAsync("lint", stripped);
        Assert.Equal(1, strippedCode);
        Assert.Contains("mention obligatoire absente", strippedText);
        Assert.Contains("RIN art. 8.2", strippedText);
        var bad = Path.Combine(_folder, "mauvais.docx");
        await File.WriteAllBytesAsync(bad, Docx.Build(Docx.P(Docx.R("{{debiteur.prenom}} {{#factures}}"))));
        var (code, text) = await RunAsync("lint", bad);
        Assert.Equal(1, code);
        Assert.Contains("2 problème(s)", text);
        Assert.Contains("corps, paragraphe 1 : champ inconnu « debiteur.prenom »", text);
        var (renderCode, renderText) = await RunAsync("render", bad,
            Path.Combine(RepositoryRoot.Path, "Templates", "exemple-donnees.json"), Path.Combine(_folder, "x.docx"));
        Assert.Equal(1, renderCode);
        Assert.Contains("jamais fermée", renderText);
        Assert.Equal(2, (await RunAsync("lint")).Code);
    }


    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
