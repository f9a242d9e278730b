using System.Xml.Linq;
using AddinHost.Letters;
using AddinHost.Letters.Engine;
using static AddinHost.Tests.Letters.Docx;

namespace AddinHost.Tests.Letters;

public sealed class LetterEngineTests
{
    private static readonly LetterEngine Engine = new(LetterFields.All);

    private static Dictionary<string, object?> Invoice(int n) => new()
    {
        ["numero"] = $"F-{n:000}", ["date"] = new DateOnly(2025, 2, 1), ["echeance"] = new DateOnly(2025, 3, 3),
        ["montant_ttc"] = 1200m + n, ["reste_du"] = 1000m, ["jours_retard"] = 211, ["penalites"] = 88.2m,
        ["indemnite"] = 40m,
    };

    private static Dictionary<string, object?> Data(int invoices = 2, string debtor = "Garage Fontaine SARL") => new()
    {
        ["debiteur"] = new Dictionary<string, object?> { ["nom"] = debtor, ["professionnel"] = true,
            ["consommateur"] = false, ["adresse"] = "61 avenue Alsace-Lorraine" },
        ["cabinet"] = new Dictionary<string, object?> { ["nom"] = "Cabinet Delaunay", ["ville"] = "Lyon" },
        ["dossier"] = new Dictionary<string, object?> { ["reference"] = "DR-2025-00007" },
        ["totaux"] = new Dictionary<string, object?> { ["total"] = 3508.30m, ["principal"] = 3340.10m },
        ["courrier"] = new Dictionary<string, object?> { ["date"] = new DateOnly(2025, 9, 30),
            ["demonstration"] = false },
        ["factures"] = Enumerable.Range(1, invoices).Select(i => (object?)Invoice(i)).ToList(),
        ["relances_precedentes"] = new List<object?>(),
    };

    private static byte[] Render(string body, Dictionary<string, object?>? data = null, string? header = null,
        string? footer = null, string? footnote = null)
    {
        var output = Engine.Render(Build(body, header, footer, footnote), data ?? Data());
        Assert.Empty(Validate(output));
        return output;
    }

    [Fact]
    public void A_tag_split_by_word_over_runs_proofing_and_bookmarks_is_filled_in_the_formatting_of_its_first_run()
    {
        var body = """
            <w:p w:rsidR="00A11B2C" w:rsidRDefault="00D34E5F">
            <w:r w:rsidRPr="00AB12CD"><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">Bonjour {{</w:t></w:r>
            <w:proofErr w:type="spellStart"/><w:r w:rsidR="00FF0011"><w:rPr><w:b/></w:rPr><w:t>debi</w:t></w:r>
            <w:bookmarkStart w:id="0" w:name="_GoBack"/><w:bookmarkEnd w:id="0"/>
            <w:r><w:rPr><w:i/></w:rPr><w:t>teur.nom</w:t></w:r><w:proofErr w:type="spellEnd"/>
            <w:r><w:t>}}, merci.</w:t></w:r></w:p>
            """;
        var output = Render(body);
        Assert.Equal(["Bonjour Garage Fontaine SARL, merci."], Paragraphs(output));
        var valueRun = Parts(output)["body"].Descendants(Wn + "r").Single(r => r.Value == "Garage Fontaine SARL");
        Assert.NotNull(valueRun.Element(Wn + "rPr")?.Element(Wn + "b"));
        Assert.Null(Parts(output)["body"].Descendants(Wn + "r").Single(r => r.Value.Contains("merci"))
            .Element(Wn + "rPr"));
    }

    [Fact]
    public void Values_are_escaped_keep_their_spaces_and_turn_line_breaks_into_breaks()
    {
        var data = Data(debtor: "  Dupont & Fils <SARL> \"l'atelier\"\nBâtiment B");
        var output = Render(P(R("[{{debiteur.nom}}]")), data);
        Assert.Equal(["[  Dupont & Fils <SARL> \"l'atelier\"\nBâtiment B]"], Paragraphs(output));
        Assert.All(Parts(output)["body"].Descendants(Wn + "t"), t =>
            Assert.Equal("preserve", (string?)t.Attribute(XNamespace.Xml + "space")));
    }

    [Fact]
    public void Formatters_write_amounts_dates_and_rates_the_french_way()
    {
        var output = Render(P(R("{{totaux.total | montant}} · {{courrier.date | date}} · "
            + "{{courrier.date | date_longue}} · {{debiteur.nom | majuscules}}")));
        Assert.Equal(["3\u00a0508,30\u00a0€ · 30/09/2025 · 30 septembre 2025 · GARAGE FONTAINE SARL"],
            Paragraphs(output));
        Assert.Equal("12,15\u00a0%", Formatters.Apply(12.15m, ["pourcentage"]));
        Assert.Equal("1er mars 2025", Formatters.Apply(new DateOnly(2025, 3, 1), ["date_longue"]));
        Assert.Equal("1\u00a0234,56\u00a0€", Formatters.Apply(1234.56m, ["montant"]));
    }

    private static string InvoiceTable(string headerRow = "") => $"""
        <w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr>
        <w:tblGrid><w:gridCol w:w="3000"/><w:gridCol w:w="3000"/></w:tblGrid>
        {headerRow}
        <w:tr><w:tc><w:tcPr><w:tcW w:w="3000" w:type="dxa"/></w:tcPr>
        <w:p><w:r><w:t>{"{{"}#factures{"}}"}{"{{"}numero{"}}"}</w:t></w:r></w:p></w:tc>
        <w:tc><w:tcPr><w:tcW w:w="3000" w:type="dxa"/></w:tcPr>
        <w:p><w:r><w:t>{"{{"}montant_ttc | montant{"}}"}{"{{"}/factures{"}}"}</w:t></w:r></w:p></w:tc></w:tr></w:tbl>
        <w:p/>
        """;

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(500)]
    public void A_section_across_the_cells_of_a_row_repeats_the_row_once_per_invoice(int count)
    {
        var header = "<w:tr><w:tc><w:p><w:r><w:t>Facture</w:t></w:r></w:p></w:tc>"
            + "<w:tc><w:p><w:r><w:t>Montant</w:t></w:r></w:p></w:tc></w:tr>";
        var output = Render(InvoiceTable(header), Data(count));
        var rows = Parts(output)["body"].Descendants(Wn + "tr").ToList();
        Assert.Equal(count + 1, rows.Count);
        if (count > 0)
        {
            Assert.Equal("F-001", Text(rows[1].Descendants(Wn + "p").First()));
            Assert.Equal($"F-{count:000}", Text(rows[^1].Descendants(Wn + "p").First()));
            Assert.Equal(Formatters.Amount(1200m + count), Text(rows[^1].Descendants(Wn + "p").Last()));
        }
    }

    [Fact]
    public void Repeated_rows_escape_values_and_keep_their_line_breaks()
    {
        var data = Data(2);
        ((Dictionary<string, object?>)((List<object?>)data["factures"]!)[1]!)["numero"] = "A & <B>\n\"suite\"\tfin";
        var output = Render(InvoiceTable(), data);
        var cells = Parts(output)["body"].Descendants(Wn + "tr").Select(r => Text(r.Descendants(Wn + "p").First()))
            .ToList();
        Assert.Equal(["F-001", "A & <B>\n\"suite\"\tfin"], cells);
        Assert.Single(Parts(output)["body"].Descendants(Wn + "tbl"));
    }

    [Fact]
    public void A_table_left_without_rows_is_removed()
    {
        var output = Render(InvoiceTable(), Data(0));
        Assert.Empty(Parts(output)["body"].Descendants(Wn + "tbl"));
    }

    [Fact]
    public void A_section_over_paragraphs_repeats_them_and_drops_the_tag_paragraphs()
    {
        var body = P(R("Avant")) + P(R("{{#factures}}")) + P(R("Facture {{numero}}"))
            + P(R("due le {{echeance | date}}")) + P(R("{{/factures}}")) + P(R("Après"));
        Assert.Equal(["Avant", "Facture F-001", "due le 03/03/2025", "Facture F-002", "due le 03/03/2025", "Après"],
            Paragraphs(Render(body)));
    }

    [Fact]
    public void A_section_inside_a_paragraph_repeats_the_text_between()
    {
        Assert.Equal(["Factures : F-001, F-002, F-003, ."],
            Paragraphs(Render(P(R("Factures : {{#factures}}{{numero}}, {{/factures}}.")), Data(3))));
    }

    [Fact]
    public void Conditions_inverted_sections_and_nested_sections_follow_the_data()
    {
        var body = P(R("{{#debiteur.professionnel}}Pro{{/debiteur.professionnel}}"
                       + "{{^debiteur.professionnel}}Particulier{{/debiteur.professionnel}}"))
                   + P(R("{{^relances_precedentes}}Aucune relance.{{/relances_precedentes}}"))
                   + P(R("{{#factures}}[{{numero}}{{#debiteur.professionnel}}+40{{/debiteur.professionnel}} "
                       + "{{dossier.reference}}]{{/factures}}"));
        Assert.Equal(["Pro", "Aucune relance.", "[F-001+40 DR-2025-00007][F-002+40 DR-2025-00007]"],
            Paragraphs(Render(body)));
    }

    [Fact]
    public void Headers_footers_footnotes_and_text_boxes_are_filled()
    {
        var textBox = """
            <w:p><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing>
            <wp:anchor distT="0" distB="0" distL="0" distR="0" simplePos="0" relativeHeight="1" behindDoc="0" locked="0"
                layoutInCell="1" allowOverlap="1">
            <wp:simplePos x="0" y="0"/>
            <wp:positionH relativeFrom="column"><wp:posOffset>0</wp:posOffset></wp:positionH>
            <wp:positionV relativeFrom="paragraph"><wp:posOffset>0</wp:posOffset></wp:positionV>
            <wp:extent cx="914400" cy="457200"/><wp:effectExtent l="0" t="0" r="0" b="0"/><wp:wrapNone/>
            <wp:docPr id="7" name="Zone de texte 1"/><wp:cNvGraphicFramePr/>
            <a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">
            <wps:wsp><wps:cNvSpPr txBox="1"/>
            <wps:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="914400" cy="457200"/></a:xfrm>
            <a:prstGeom prst="rect"><a:avLst/></a:prstGeom></wps:spPr>
            <wps:txbx><w:txbxContent><w:p><w:r><w:t>Réf. {{dossier.reference}}</w:t></w:r></w:p></w:txbxContent>
            </wps:txbx>
            <wps:bodyPr/></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>
            <mc:Fallback><w:pict><v:rect style="width:72pt;height:36pt"><v:textbox>
            <w:txbxContent><w:p><w:r><w:t>Réf. {{dossier.reference}}</w:t></w:r></w:p></w:txbxContent></v:textbox>
            </v:rect></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>
            """;
        var output = Render(textBox + P(R("Corps")), header: P(R("{{cabinet.nom}}")),
            footer: P(R("Page — {{cabinet.ville}}")),
            footnote: P(R("Note {{debiteur.nom}}")));
        var parts = Parts(output);
        Assert.Equal("Cabinet Delaunay", Text(parts["header0"].Root!.Element(Wn + "p")!));
        Assert.Equal("Page — Lyon", Text(parts["footer0"].Root!.Element(Wn + "p")!));
        Assert.Contains("Note Garage Fontaine SARL", parts["footnotes"].Root!.Value);
        // Word stores a text box twice (DrawingML and its VML fallback): both are filled.
        Assert.All(parts["body"].Descendants(Wn + "txbxContent"), box =>
            Assert.Equal("Réf. DR-2025-00007", Text(box.Element(Wn + "p")!)));
        Assert.DoesNotContain("{{", parts["body"].Root!.Value);
    }

    [Fact]
    public void Drawings_repeated_by_a_loop_get_unique_ids()
    {
        var image =
            """<w:r><w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent cx="9525" cy="9525"/>"""
            + """<wp:docPr id="1" name="Logo"/><a:graphic>"""
            + """<a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"/></a:graphic>"""
            + """</wp:inline></w:drawing></w:r>""";
        var body = P(R("{{#factures}}") + image + R("{{numero}}{{/factures}}"));
        var output = Engine.Render(Build(body), Data(3));
        var ids = Parts(output)["body"].Descendants(XName.Get("docPr",
            "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"))
            .Select(d => (string?)d.Attribute("id")).ToList();
        Assert.Equal(3, ids.Count);
        Assert.Equal(3, ids.Distinct().Count());
    }

    [Fact]
    public void Lint_reports_every_problem_at_once_with_part_paragraph_and_context()
    {
        var body = P(R("Madame, Monsieur {{debiteur.prenom}},"))                 // 1: unknown field
                   + P(R("Total : {{totaux.total | euros}}"))                   // 2: unknown formatter
                   + P(R("{{#factures}}{{numero}}{{/relances_precedentes}}"))  // 3: mismatched close
                   + P(R("{{debiteur nom}} et {{ }}"))                         // 4: unreadable tags
                   + P(R("Reste {{totaux.principal"))                          // 5: unclosed braces
                   + P(R("{{/factures}} fin }}"))                              // 6: stray close + stray braces
                   + P(R("{{#debiteur.professionnel}}"));                      // 7: never closed
        var problems = Engine.Lint(Build(body, headerXml: P(R("{{cabinet.adresse_complete}}"))));

        void Has(string part, int paragraph, string message, string context) =>
            Assert.Contains(problems, p => p.Part == part && p.Paragraph == paragraph && p.Message.Contains(message)
                && p.Context.Contains(context));
        Has("corps", 1, "champ inconnu « debiteur.prenom »", "Madame, Monsieur");
        Has("corps", 2, "format inconnu « euros »", "Total :");
        Has("corps", 3, "ne correspond pas à la section ouverte", "{{numero}}");
        Has("corps", 4, "« {{debiteur nom}} » illisible", "et");
        Has("corps", 4, "balise vide", "debiteur nom");
        Has("corps", 5, "balise non fermée", "Reste");
        Has("corps", 6, "« }} » sans « {{ »", "fin");
        Has("corps", 7, "jamais fermée", "debiteur.professionnel");
        Has("en-tête 1", 1, "champ inconnu « cabinet.adresse_complete »", "cabinet");
        Assert.Throws<TemplateProblemsException>(() => Engine.Render(Build(body), Data()));
    }

    [Fact]
    public void Lint_refuses_a_section_whose_tags_cannot_be_repeated_together()
    {
        var body = $"<w:tbl><w:tblGrid><w:gridCol w:w=\"3000\"/></w:tblGrid><w:tr><w:tc><w:p>"
            + $"{R("{{#factures}}")}</w:p></w:tc></w:tr><w:tr><w:tc><w:p>"
            + $"{R("{{/factures}}")}</w:p></w:tc></w:tr></w:tbl><w:p/>";
        var problem = Assert.Single(Engine.Lint(Build(body)));
        Assert.Contains("section mal placée", problem.Message);
    }

    [Fact]
    public void A_list_used_as_a_value_or_a_clean_template_are_told_apart()
    {
        Assert.Contains("est une liste", Assert.Single(Engine.Lint(Build(P(R("{{factures}}"))))).Message);
        Assert.Empty(Engine.Lint(Build(P(R("{{#factures}}{{numero}} {{penalites | montant}}{{/factures}} "
            + "{{totaux.total | montant}}")))));
    }

    [Fact]
    public void A_file_that_is_not_a_docx_is_a_clear_error()
    {
        var e = Assert.Throws<TemplateRenderException>(() => Engine.Lint("pas un document"u8.ToArray()));
        Assert.Contains(".docx", e.Message);
    }
}
