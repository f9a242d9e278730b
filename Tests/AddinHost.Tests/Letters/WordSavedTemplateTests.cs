using System.IO.Compression;
using System.Text;
using System.Xml.Linq;
using AddinHost.Letters.Engine;

namespace AddinHost.Tests.Letters;

/// <summary>Files really saved by Microsoft Word (see Fixtures/README.md), with their tags split over runs.</summary>
public sealed class WordSavedTemplateTests
{
    private static byte[] DoubledBraces(string fixture)
    {
        // Single to double braces inside each w:t, so Word's own run splitting stays exactly as saved.
        using var output = new MemoryStream();
        using (var source = new ZipArchive(
            File.OpenRead(Path.Combine(AppContext.BaseDirectory, "Letters", "Fixtures", fixture))))
        using (var target = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
            foreach (var entry in source.Entries)
            {
                using var read = entry.Open();
                using var write = target.CreateEntry(entry.FullName).Open();
                if (entry.FullName == "word/document.xml")
                {
                    var xml = XDocument.Load(read);
                    foreach (var t in xml.Descendants(Docx.Wn + "t"))
                        t.Value = t.Value.Replace("{", "{{").Replace("}", "}}");
                    using var writer = new StreamWriter(write, new UTF8Encoding(false));
                    xml.Save(writer, SaveOptions.DisableFormatting);
                }
                else read.CopyTo(write);
            }
        return output.ToArray();
    }

    [Fact]
    public void A_tag_word_split_with_proofing_marks_and_a_bookmark_is_filled()
    {
        var engine = new LetterEngine([new("last_name", "Nom", "Dupont"), new("first_name", "Prénom", "Jean")]);
        var template = DoubledBraces("word-tag-example.docx");
        Assert.Empty(engine.Lint(template));
        var output = engine.Render(template,
            new Dictionary<string, object?> { ["last_name"] = "Fontaine", ["first_name"] = "Léa & Co" });
        Assert.Empty(Docx.Validate(output));
        Assert.Contains("Fontaine Léa & Co", Docx.Paragraphs(output));
    }

    [Fact]
    public void A_word_table_with_a_row_loop_and_totals_is_filled_and_stays_valid()
    {
        var engine = new LetterEngine(
        [
            .. Enumerable.Range(1, 3).Select(i => new FieldDefinition($"t1total{i}", "total", "1")),
            .. Enumerable.Range(1, 3).Select(i => new FieldDefinition($"t2total{i}", "total", "1")),
            new("table1", "lignes", "", FieldKind.Liste,
                Enumerable.Range(1, 4).Select(i => new FieldDefinition($"t1data{i}", "donnée", "x")).ToList()),
            new("table2", "lignes", "", FieldKind.Liste,
                Enumerable.Range(1, 4).Select(i => new FieldDefinition($"t2data{i}", "donnée", "x")).ToList()),
        ]);
        var template = DoubledBraces("word-table-complex-example.docx");
        Assert.Empty(engine.Lint(template));

        Dictionary<string, object?> Row(string prefix, int n) => Enumerable.Range(1, 4)
            .ToDictionary(i => $"{prefix}data{i}", i => (object?)$"{prefix}-{n}-{i}");
        var data = new Dictionary<string, object?>
        {
            ["table1"] = Enumerable.Range(1, 3).Select(n => (object?)Row("t1", n)).ToList(),
            ["table2"] = Enumerable.Range(1, 2).Select(n => (object?)Row("t2", n)).ToList(),
        };
        for (var i = 1; i <= 3; i++) { data[$"t1total{i}"] = 10m * i; data[$"t2total{i}"] = 20m * i; }
        var output = engine.Render(template, data);
        Assert.Empty(Docx.Validate(output));

        var text = string.Join("|", Docx.Parts(output)["body"].Descendants(Docx.Wn + "p").Select(Docx.Text));
        Assert.DoesNotContain("{{", text);
        Assert.Contains("t2-2-4", text);
        Assert.Contains("60", text);
    }
}
