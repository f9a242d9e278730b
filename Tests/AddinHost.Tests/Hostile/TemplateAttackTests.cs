using System.IO.Compression;
using System.Net.Http.Headers;
using System.Text;
using AddinHost.Letters;
using AddinHost.Letters.Engine;
using AddinHost.Tests.Fixtures;
using AddinHost.Tests.Letters;
using DocumentFormat.OpenXml.Packaging;

namespace AddinHost.Tests.Hostile;

/// <summary>
/// Templates built to explode or to reach out: a zip bomb, thousands of entries, an XML entity bomb, a list nested in
/// itself, a letter grown past its cap, and links that would make the server fetch an address. Each is refused with a
/// French reason, within a bound the test counts (bytes inflated, elements rendered).
/// </summary>
public abstract class TemplateAttackTests(DbKind kind) : ApiTestBase(kind)
{
    protected override IReadOnlyDictionary<string, string> Settings { get; } =
        new Dictionary<string, string> { ["Letters:MaxRenderedNodes"] = "10000" };

    private static MultipartFormDataContent Upload(byte[] docx)
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(docx);
        file.Headers.ContentType = new MediaTypeHeaderValue(LetterEndpoints.DocxType);
        form.Add(file, "file", "modele.docx");
        return form;
    }

    /// <summary>A valid .docx whose body is followed by <paramref name="filler"/> megabytes of spaces: about 100 KB
    /// once zipped.</summary>
    private static byte[] Bomb(int filler)
    {
        var docx = Docx.Build(Docx.P(Docx.R("Bonjour")));
        using var stream = new MemoryStream();
        stream.Write(docx);
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Update, leaveOpen: true))
        {
            zip.GetEntry("word/document.xml")!.Delete();
            using var part = new StreamWriter(zip.CreateEntry("word/document.xml",
                CompressionLevel.SmallestSize).Open());
            part.Write($"<w:document {Docx.Ns}><w:body><w:p/>");
            var spaces = new string(' ', 1 << 20);
            for (var i = 0; i < filler; i++) part.Write(spaces);
            part.Write("</w:body></w:document>");
        }
        return stream.ToArray();
    }

    private static byte[] WithEntries(int count)
    {
        using var stream = new MemoryStream();
        stream.Write(Docx.Build(Docx.P(Docx.R("Bonjour"))));
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Update, leaveOpen: true))
            for (var i = 0; i < count; i++) zip.CreateEntry($"customXml/vide{i}.xml");
        return stream.ToArray();
    }

    [Fact]
    public async Task A_zip_bomb_is_stopped_after_inflating_a_bounded_number_of_bytes()
    {
        // Announced as 200 MB: refused on the zip's directory, nothing inflated.
        Assert.Equal(0, Assert.Throws<DocumentTooLargeException>(() => LetterService.Engine.Lint(Bomb(200))).Counted);
        var bomb = Bomb(50); // 50 MB of XML in about 50 KB, under the 64 MB announced: the reading itself must stop
        Assert.True(bomb.Length < 1024 * 1024);
        var e = Assert.Throws<DocumentTooLargeException>(() => LetterService.Engine.Lint(bomb));
        var compressed = new ZipArchive(new MemoryStream(bomb)).GetEntry("word/document.xml")!.CompressedLength;
        // Inflation stops at the ratio (100 × the compressed size), plus one read buffer: never the 200 MB.
        Assert.InRange(e.Counted, DocumentLimits.RatioGraceBytes, 100 * compressed + 81920 + 64 * 1024);
        var problem = await (await Client.PostAsync("/api/templates/lint", Upload(bomb))).ProblemAsync(422);
        Assert.Contains("bombe de décompression", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Thousands_of_entries_or_an_entity_bomb_are_refused_before_being_read()
    {
        var many = Assert.Throws<DocumentTooLargeException>(() => LetterService.Engine.Lint(WithEntries(2_000)));
        Assert.Equal(0, many.Counted); // refused on the zip's directory alone
        Assert.Contains("au plus 1000",
            (await (await Client.PostAsync("/api/templates/lint", Upload(WithEntries(2_000)))).ProblemAsync(422))
            .GetProperty("detail").GetString());

        var laughs = new StringBuilder("<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">");
        for (var i = 1; i <= 9; i++)
            laughs.Append($"<!ENTITY lol{i} \""
                + $"{string.Concat(Enumerable.Repeat(i == 1 ? "&lol;" : $"&lol{i - 1};", 10))}\">");
        laughs.Append($"]><w:document {Docx.Ns}><w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>");
        var entityBomb = Replace(Docx.Build(Docx.P(Docx.R("x"))), "word/document.xml", laughs.ToString());
        var problem = await (await Client.PostAsync("/api/templates/lint", Upload(entityBomb))).ProblemAsync(422);
        Assert.Contains("DTD", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_list_nested_in_itself_is_refused_by_the_lint_and_at_upload()
    {
        // The 926-byte attack: each level multiplies the letter by the number of invoices.
        var nested = Docx.Build(
            Docx.P(Docx.R("{{#factures}}{{#factures}}{{#factures}}"
                + "{{#factures}}{{numero}}{{/factures}}{{/factures}}{{/factures}}{{/factures}}")));
        var lint = await (await Client.PostAsync("/api/templates/lint", Upload(nested)))
            .ReadAsync<LetterEndpoints.LintDto>();
        Assert.False(lint.Valide);
        Assert.Equal(3, lint.Problemes.Count(p => p.Message.Contains("déjà ouverte")));
        await (await Client.PutAsync("/api/templates/relance-1", Upload(nested))).ProblemAsync(422);
    }

    [Fact]
    public async Task A_letter_past_its_element_cap_is_refused_in_french_after_a_bounded_rendering()
    {
        var creditor = await CreateCreditorAsync();
        var rows = Enumerable.Range(1, 400)
            .Select(i => $"Garage Fontaine SARL;732829320;;;;;G-{i:000};01/02/2025;03/03/2025;10,00;0;professionnel")
            .ToArray();
        (await Client.PostAsync("/api/import/invoices",
            SampleFiles.Form(SampleFiles.Csv(rows), creditorId: creditor)))
            .EnsureSuccessStatusCode();
        var caseId = (await ListCasesAsync()).Single().Id;
        // Each invoice repeats ten paragraphs (paragraph, run, text):
        // 400 × 30 elements is past this host's cap of 10,000.
        var big = Docx.Build(Docx.P(Docx.R("{{#factures}}"))
            + string.Concat(Enumerable.Repeat(Docx.P(Docx.R("{{numero}}")), 10))
            + Docx.P(Docx.R("{{/factures}}")));
        // A sound template, under a firm's own name (a shipped one must also keep its mandatory mentions).
        (await Client.PutAsync("/api/templates/releve-volumineux", Upload(big))).EnsureSuccessStatusCode();
        var problem = await (await Client.PostJsonAsync($"/api/cases/{caseId}/letters/preview",
            new { template = "releve-volumineux" })).ProblemAsync(422);
        Assert.Contains("dépasserait 10", problem.GetProperty("detail").GetString());

        // The engine counts what it made and stops at the first clone past the cap.
        var engine = new LetterEngine(LetterFields.All, new DocumentLimits(MaxRenderedNodes: 10_000));
        var data = new Dictionary<string, object?>
        {
            ["factures"] = Enumerable.Range(0, 400)
                .Select(i => (object?)new Dictionary<string, object?> { ["numero"] = $"G-{i}" }).ToList()
        };
        var e = Assert.Throws<DocumentTooLargeException>(() => engine.Render(big, data));
        Assert.InRange(e.Counted, 10_001, 10_000 + 10 * 3);
    }

    [Fact]
    public async Task Links_that_would_make_the_server_fetch_an_address_are_refused_and_hyperlinks_stay()
    {
        var linked = LinkedImage("http://127.0.0.1:9/image.png");
        var lint = await (await Client.PostAsync("/api/templates/lint", Upload(linked)))
            .ReadAsync<LetterEndpoints.LintDto>();
        Assert.Contains(lint.Problemes, p => p.Message.Contains("image liée") && p.Context.Contains("127.0.0.1"));
        Assert.Contains(lint.Problemes, p => p.Message.Contains("champ INCLUDEPICTURE"));
        Assert.Contains(lint.Problemes, p => p.Message.Contains("champ INCLUDETEXT"));
        Assert.Contains(lint.Problemes, p => p.Message.Contains("modèle attaché"));
        Assert.DoesNotContain(lint.Problemes, p => p.Context.Contains("cabinet.example"));
        await (await Client.PutAsync("/api/templates/relance-1", Upload(linked))).ProblemAsync(422);
    }

    /// <summary>
    /// A template with an image linked (not embedded) to <paramref name="url"/>, INCLUDEPICTURE and INCLUDETEXT fields,
    /// an attached template, and a plain hyperlink, which is allowed.
    /// </summary>
    internal static byte[] LinkedImage(string url)
    {
        using var stream = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(stream,
            DocumentFormat.OpenXml.WordprocessingDocumentType.Document))
        {
            var main = doc.AddMainDocumentPart();
            var image = main.AddExternalRelationship(
                "http://schemas.openxmlformats.org/officeDocument/2006/relationships/image",
                new Uri(url));
            var link = main.AddHyperlinkRelationship(new Uri("https://cabinet.example/paiement"), true);
            var settings = main.AddNewPart<DocumentSettingsPart>();
            var template = settings.AddExternalRelationship(
                "http://schemas.openxmlformats.org/officeDocument/2006/relationships/attachedTemplate",
                new Uri("http://127.0.0.1:9/modele.dotm"));
            using (var s = new StreamWriter(settings.GetStream(FileMode.Create)))
                s.Write($"<w:settings {Docx.Ns}><w:attachedTemplate r:id=\"{template.Id}\"/></w:settings>");
            var drawing = $"<w:drawing><wp:inline><wp:extent cx=\"952500\" cy=\"952500\"/>" +
                          $"<wp:docPr id=\"1\" name=\"Image\"/><a:graphic>" +
                          $"<a:graphicData uri=\"http://schemas.openxmlformats.org/drawingml/2006/picture\">" +
                          $"<pic:pic xmlns:pic=\"http://schemas.openxmlformats.org/drawingml/2006/picture\">" +
                          $"<pic:nvPicPr><pic:cNvPr id=\"1\" name=\"x.png\"/><pic:cNvPicPr/></pic:nvPicPr>" +
                          $"<pic:blipFill><a:blip r:link=\"{image.Id}\"/><a:stretch><a:fillRect/></a:stretch>" +
                          $"</pic:blipFill><pic:spPr><a:xfrm><a:off x=\"0\" y=\"0\"/>" +
                          $"<a:ext cx=\"952500\" cy=\"952500\"/></a:xfrm>" +
                          $"<a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom>" +
                          $"</pic:spPr></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing>";
            var body = $"<w:p><w:r>{drawing}</w:r></w:p>" +
                       $"<w:p><w:fldSimple w:instr=' INCLUDEPICTURE \"{url}\" \\d '>" +
                       $"<w:r><w:t>image</w:t></w:r></w:fldSimple></w:p>" +
                       $"<w:p><w:r><w:fldChar w:fldCharType=\"begin\"/></w:r>" +
                       $"<w:r><w:instrText xml:space=\"preserve\"> INCLUDE</w:instrText></w:r>" +
                       $"<w:r><w:instrText xml:space=\"preserve\">TEXT \"{url}\" </w:instrText></w:r>" +
                       $"<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r>" +
                       $"<w:r><w:t>texte</w:t></w:r><w:r><w:fldChar w:fldCharType=\"end\"/></w:r></w:p>" +
                       $"<w:p><w:hyperlink r:id=\"{link.Id}\"><w:r><w:t>Payer en ligne</w:t></w:r></w:hyperlink></w:p>";
            using var writer = new StreamWriter(main.GetStream(FileMode.Create));
            writer.Write($"<w:document {Docx.Ns}><w:body>{body}<w:sectPr/></w:body></w:document>");
        }
        return stream.ToArray();
    }

    private static byte[] Replace(byte[] docx, string entry, string content)
    {
        using var stream = new MemoryStream();
        stream.Write(docx);
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Update, leaveOpen: true))
        {
            zip.GetEntry(entry)!.Delete();
            using var writer = new StreamWriter(zip.CreateEntry(entry).Open());
            writer.Write(content);
        }
        return stream.ToArray();
    }
}

public sealed class TemplateAttacksOnSqlite() : TemplateAttackTests(DbKind.Sqlite);
public sealed class TemplateAttacksOnPostgres() : TemplateAttackTests(DbKind.Postgres);
