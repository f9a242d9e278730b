using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using AddinHost.Cases;
using AddinHost.Letters;
using AddinHost.Tests.Fixtures;

namespace AddinHost.Tests.Letters;

/// <summary>A firm's own templates (versioned, linted before saving) and letters kept byte for byte.</summary>
public abstract class TemplateUploadAndStorageTests(DbKind kind) : ApiTestBase(kind)
{
    private static MultipartFormDataContent Upload(byte[] docx)
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(docx);
        file.Headers.ContentType = new MediaTypeHeaderValue(LetterEndpoints.DocxType);
        form.Add(file, "file", "modele.docx");
        return form;
    }

    private static byte[] Template(string text) => Docx.Build(Docx.P(Docx.R(text)));

    [Fact]
    public async Task An_uploaded_template_becomes_the_firms_version_and_older_versions_are_kept()
    {
        // A template of the firm's own, under a name no shipped template has: no mandatory mentions are imposed on it.
        var (_, company, _) = await SeedTypicalAsync();
        var v1 = await (await Client.PutAsync("/api/templates/relance-maison",
            Upload(Template("Version une pour {{debiteur.nom}}")))).ReadAsync<TemplateStore.VersionInfo>();
        var v2 = await (await Client.PutAsync("/api/templates/relance-maison",
            Upload(Template("Version deux pour {{debiteur.nom}}")))).ReadAsync<TemplateStore.VersionInfo>();
        Assert.Equal((1, 2), (v1.Version, v2.Version));
        Assert.Equal([2, 1], (await (await Client.GetAsync("/api/templates/relance-maison/versions"))
            .ReadAsync<List<TemplateStore.VersionInfo>>()).Select(v => v.Version));
        Assert.Contains(await (await Client.GetAsync("/api/templates")).ReadAsync<List<TemplateStore.TemplateInfo>>(),
            t => t is { Name: "relance-maison", Version: 2 });

        var preview = await Client.PostJsonAsync($"/api/cases/{company.Id}/letters/preview",
            new { template = "relance-maison" });
        Assert.Equal(["Version deux pour Garage Fontaine SARL"],
            Docx.Paragraphs(await preview.Content.ReadAsByteArrayAsync()));
    }

    [Fact]
    public async Task A_firms_version_of_a_shipped_template_must_keep_its_mandatory_mentions()
    {
        var problem = await (await Client.PutAsync("/api/templates/relance-1",
            Upload(Template("Relance pour {{destinataire.nom}}")))).ProblemAsync(422);
        var errors = problem.GetProperty("errors").ToString();
        Assert.Contains("mention obligatoire absente", errors);
        Assert.Contains("RIN art. 8.2", errors);
        Assert.Contains("mentions.conseil_avocat", errors);
        Assert.Empty(await (await Client.GetAsync("/api/templates/relance-1/versions"))
            .ReadAsync<List<TemplateStore.VersionInfo>>());
        // The shipped template itself, uploaded as the firm's version, passes.
        var shipped = await File.ReadAllBytesAsync(Path.Combine(AppContext.BaseDirectory, "Templates",
            "relance-1.docx"));
        Assert.Equal(1, (await (await Client.PutAsync("/api/templates/relance-1", Upload(shipped)))
            .ReadAsync<TemplateStore.VersionInfo>()).Version);
    }

    [Fact]
    public async Task A_template_with_problems_is_refused_with_every_problem_and_not_saved()
    {
        var problem = await (await Client.PutAsync("/api/templates/relance-1",
            Upload(Template("{{debiteur.prenom}} {{#factures}}")))).ProblemAsync(422);
        var errors = problem.GetProperty("errors").ToString();
        Assert.Contains("debiteur.prenom", errors);
        Assert.Contains("jamais fermée", errors);
        await (await Client.PutAsync("/api/templates/relance-1", Upload("pas un docx"u8.ToArray()))).ProblemAsync(422);
        await (await Client.PutAsync("/api/templates/Relance_1", Upload(Template("x")))).ProblemAsync(400);
        await (await Client.PutAsync("/api/templates/relance-1", new MultipartFormDataContent())).ProblemAsync(400);
        Assert.Empty(await (await Client.GetAsync("/api/templates/relance-1/versions"))
            .ReadAsync<List<TemplateStore.VersionInfo>>());
        Assert.Equal(0, (await (await Client.GetAsync("/api/templates/relance-1/lint"))
            .ReadAsync<LetterEndpoints.LintDto>()).Version);
    }

    [Fact]
    public async Task The_firms_identity_set_by_an_admin_signs_the_letters()
    {
        var (_, company, _) = await SeedTypicalAsync();
        await (await Client.PutJsonAsync("/api/cabinet", new { name = "Cabinet Martin", signingLawyer = "" }))
            .ProblemAsync(400);
        (await Client.PutJsonAsync("/api/cabinet", new { name = "Cabinet Martin", city = "Nantes",
            signingLawyer = "Maître Paul Martin", bar = "barreau de Nantes" })).EnsureSuccessStatusCode();
        var preview = await Client.PostJsonAsync($"/api/cases/{company.Id}/letters/preview",
            new { template = "relance-2" });
        var body = string.Join("\n", Docx.Paragraphs(await preview.Content.ReadAsByteArrayAsync()));
        Assert.Contains("Maître Paul Martin", body);
        Assert.Contains("Avocat au barreau de Nantes", body);
        Assert.Contains("Nantes, le 30 septembre 2025", body);
    }

    [Fact]
    public async Task A_generated_letter_is_kept_byte_for_byte_with_its_hash_and_written_in_the_history()
    {
        var (_, company, _) = await SeedTypicalAsync();
        var response = await Client.PostJsonAsync($"/api/cases/{company.Id}/letters",
            new { template = "relance-2", format = "docx" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var letter = await response.ReadAsync<LetterService.GeneratedLetterDto>();

        var bytes = await (await Client.GetAsync($"/api/cases/{company.Id}/letters/{letter.Id}"))
            .Content.ReadAsByteArrayAsync();
        Assert.Equal(letter.Sha256, Convert.ToHexStringLower(SHA256.HashData(bytes)));
        Assert.Contains("Garage Fontaine SARL", string.Join("\n", Docx.Paragraphs(bytes)));
        Assert.Equal([letter.Id], (await (await Client.GetAsync($"/api/cases/{company.Id}/letters"))
            .ReadAsync<List<LetterService.GeneratedLetterDto>>()).Select(l => l.Id));

        var history = (await GetCaseAsync(company.Id)).History;
        Assert.Contains(history, h => h.Kind == CaseEventKind.CourrierGenere
            && h.Summary.Contains(letter.Sha256[..12]));
        Assert.Contains("courrier.genere", await (await Client.GetAsync("/api/audit")).Content.ReadAsStringAsync());

        await (await Client.PostJsonAsync($"/api/cases/{company.Id}/letters",
            new { template = "relance-2", asOf = "2025-01-01" })).ProblemAsync(400);
        await (await Client.GetAsync($"/api/cases/{company.Id}/letters/{Guid.NewGuid()}")).ProblemAsync(404);
    }
}

public sealed class TemplateUploadAndStorageOnSqlite() : TemplateUploadAndStorageTests(DbKind.Sqlite);
public sealed class TemplateUploadAndStorageOnPostgres() : TemplateUploadAndStorageTests(DbKind.Postgres);
