using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace TemplateAuthoring;

/// <summary>A small vocabulary to write a letter template: paragraphs of runs, and invoice tables.</summary>
public sealed class Letter
{
    private readonly List<OpenXmlElement> _body = [];
    private const string Font = "Times New Roman";

    public Letter Para(params object[] runs) => Add(Paragraph(JustificationValues.Both, 0, runs));
    public Letter Right(params object[] runs) => Add(Paragraph(JustificationValues.Right, 0, runs));
    public Letter Center(params object[] runs) => Add(Paragraph(JustificationValues.Center, 0, runs));
    public Letter Indent(params object[] runs) => Add(Paragraph(JustificationValues.Left, 4800, runs));
    public Letter Blank() => Add(new Paragraph());

    public static Run B(string text) => TextRun(text, bold: true);
    public static Run I(string text) => TextRun(text, italic: true);
    public static Run Red(string text) => TextRun(text, bold: true, color: "C00000");

    /// <summary>A table whose second row repeats once per item of <paramref name="list"/>.</summary>
    public Letter Table(string list, params (string Header, string Cell, bool Amount)[] columns)
    {
        var width = 9000 / columns.Length;
        var table = new Table(
            new TableProperties(
                new TableWidth { Width = "5000", Type = TableWidthUnitValues.Pct },
                new TableBorders(
                    new TopBorder { Val = BorderValues.Single, Size = 4 },
                    new BottomBorder { Val = BorderValues.Single, Size = 4 },
                    new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 })),
            new TableGrid(columns.Select(_ => new GridColumn { Width = width.ToString() })));
        // 9 pt in tables, so that an invoice number or an amount fits on one line.
        table.Append(new TableRow(columns.Select(c => Cell(width, c.Amount, TextRun(c.Header, bold: true, size: 18)))));
        table.Append(new TableRow(columns.Select((c, i) => Cell(width, c.Amount,
            TextRun((i == 0 ? $"{{{{#{list}}}}}" : "") + c.Cell + (i == columns.Length - 1 ? $"{{{{/{list}}}}}" : ""),
                size: 18)))));
        return Add(table);
    }

    public byte[] Save(string title)
    {
        using var stream = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            doc.PackageProperties.Title = title;
            doc.PackageProperties.Creator = "OutlookDunning";
            doc.PackageProperties.Language = "fr-FR";
            var main = doc.AddMainDocumentPart();
            AddStyles(main);
            var header = main.AddNewPart<HeaderPart>();
            header.Header = new Header(
                Paragraph(JustificationValues.Center, 0, [Red("{{#courrier.demonstration}}DOCUMENT DE DÉMONSTRATION " +
                    "— données fictives, sans valeur juridique{{/courrier.demonstration}}")]),
                Paragraph(JustificationValues.Left, 0, [B("{{cabinet.nom}}")]),
                Paragraph(JustificationValues.Left, 0, [TextRun("{{cabinet.adresse}} — {{cabinet.code_postal}} " +
                    "{{cabinet.ville}}", size: 18)]));
            var footer = main.AddNewPart<FooterPart>();
            footer.Footer = new Footer(Paragraph(JustificationValues.Center, 0,
            [
                TextRun("Réf. {{dossier.reference}} — page ", size: 16),
                new SimpleField(TextRun("1", size: 16)) { Instruction = " PAGE " },
                TextRun(" sur ", size: 16), new SimpleField(TextRun("1", size: 16)) { Instruction = " NUMPAGES " },
            ]));
            main.Document = new Document(new Body(_body.Select(e => e.CloneNode(true)).Append(new SectionProperties(
                new HeaderReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(header) },
                new FooterReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(footer) },
                new PageSize { Width = 11906, Height = 16838 },
                new PageMargin
                {
                    Top = 1417, Right = 1417, Bottom = 1417, Left = 1417, Header = 708, Footer = 708, Gutter = 0
                }))));
        }
        return stream.ToArray();
    }

    private Letter Add(OpenXmlElement e) { _body.Add(e); return this; }

    private static Paragraph Paragraph(JustificationValues align, int indent, object[] runs)
    {
        var properties = new ParagraphProperties(new SpacingBetweenLines { After = "120" });
        if (indent > 0) properties.Append(new Indentation { Left = indent.ToString() });
        properties.Append(new Justification { Val = align });
        var p = new Paragraph(properties);
        foreach (var r in runs)
            p.Append(r switch
            {
                string s => TextRun(s),
                OpenXmlElement e => e,
                _ => throw new ArgumentException("run")
            });
        return p;
    }

    private static TableCell Cell(int width, bool amount, Run run) => new(
        new TableCellProperties(new TableCellWidth { Width = width.ToString(), Type = TableWidthUnitValues.Dxa }),
        new Paragraph(new ParagraphProperties(new SpacingBetweenLines { After = "0" },
            new Justification { Val = amount ? JustificationValues.Right : JustificationValues.Left }), run));

    /// <summary>
    /// French typography on the template's own text: a no-break space before « : ; ! ? », inside « », between a
    /// number and « € » or « % », after « n° » and in article numbers (« L. 441-10 »), so no line starts with a lone
    /// sign.
    /// </summary>
    public static string Typo(string text)
    {
        var t = System.Text.RegularExpressions.Regex.Replace(text, @" ([:;!?»])", "\u00a0$1");
        t = t.Replace("« ", "«\u00a0");
        t = System.Text.RegularExpressions.Regex.Replace(t, @"(\d) (€|%)", "$1\u00a0$2");
        t = System.Text.RegularExpressions.Regex.Replace(t, @"\b(L|D|R)\. (\d)", "$1.\u00a0$2");
        return t.Replace("n° ", "n°\u00a0");
    }

    private static Run TextRun(string text, bool bold = false, bool italic = false, string? color = null,
        int? size = null)
    {
        text = Typo(text);
        var properties = new RunProperties();
        if (bold) properties.Append(new Bold());
        if (italic) properties.Append(new Italic());
        if (color is not null) properties.Append(new Color { Val = color });
        if (size is not null) properties.Append(new FontSize { Val = size.ToString() });
        return new Run(properties, new Text(text) { Space = SpaceProcessingModeValues.Preserve });
    }

    private static void AddStyles(MainDocumentPart main)
    {
        var styles = main.AddNewPart<StyleDefinitionsPart>();
        styles.Styles = new Styles(
            new DocDefaults(
                new RunPropertiesDefault(new RunPropertiesBaseStyle(
                    new RunFonts { Ascii = Font, HighAnsi = Font, ComplexScript = Font, EastAsia = Font },
                    new FontSize { Val = "22" }, new Languages { Val = "fr-FR" })),
                new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(
                    new SpacingBetweenLines { After = "120", Line = "264", LineRule = LineSpacingRuleValues.Auto }))),
            new Style(new StyleName { Val = "Normal" }, new PrimaryStyle())
                { Type = StyleValues.Paragraph, StyleId = "Normal", Default = true });
    }
}
