using System.Text.RegularExpressions;
using AddinHost.Letters;
using AddinHost.Tests.Fixtures;

namespace AddinHost.Tests.Letters;

/// <summary>
/// Each shipped template rendered with the computed sample data (Templates/exemple-donnees.json), read back as text:
/// its mandatory mentions, its French typography, and the checklist that keeps a firm's version from dropping one.
/// </summary>
public sealed partial class TemplateMentionsTests
{
    private static string TemplatePath(string name) =>
        Path.Combine(AppContext.BaseDirectory, "Templates", name + ".docx");

    public static TheoryData<string> Checklisted() => new(MentionChecklist.ByTemplate.Keys.Order());

    /// <summary>The sample data with some fields changed, as a case of another kind would give them.</summary>
    private static Dictionary<string, object?> Data(Action<Dictionary<string, object?>>? change = null)
    {
        var data = SampleLetterData.Data();
        change?.Invoke(data);
        return data;
    }

    private static Dictionary<string, object?> Section(Dictionary<string, object?> data, string name) =>
        (Dictionary<string, object?>)data[name]!;

    private static (string Text, string Raw) Render(string name, Dictionary<string, object?> data)
    {
        var docx = LetterService.Engine.Render(File.ReadAllBytes(TemplatePath(name)), data);
        Assert.Empty(Docx.Validate(docx));
        var raw = string.Join("\n", Docx.Paragraphs(docx));
        return (raw.Replace('\u00a0', ' '), raw);
    }

    [Fact]
    public void The_sample_data_is_what_the_calculator_gives_for_the_sample_case()
    {
        var file = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "Templates", "exemple-donnees.json"))
            .Replace("\r\n", "\n");
        Assert.True(file == SampleLetterData.Json(),
            "Templates/exemple-donnees.json n'est plus celui que calcule le produit : "
            + "dotnet run --project AddinHost -- exemple-donnees $PWD/Templates/exemple-donnees.json");
        // Worked by hand: F2025-0041, 1 200,00 due 03/03/2025: 119 d × 13,15 % = 51,45 and 92 d × 12,15 % = 36,75.
        // F2025-0057, 2 400,50 due 14/04: 77 d × 13,15 % = 66,59, paid with 333,91 of principal by the 400,50 of 30/06;
        // then 92 d × 12,15 % on 2 066,59 = 63,29. Total: 3 266,59 + 151,49 + 2 × 40 = 3 498,08.
        var totals = Section(SampleLetterData.Data(), "totaux");
        Assert.Equal((3266.59m, 151.49m, 80m, 3498.08m),
            ((decimal)totals["principal"]!, (decimal)totals["penalites"]!, (decimal)totals["indemnites"]!,
            (decimal)totals["total"]!));
    }

    [Theory]
    [MemberData(nameof(Checklisted))]
    public void A_shipped_template_holds_every_mandatory_mention_and_the_readme_lists_each_with_its_source(string name)
    {
        Assert.Empty(LetterService.Lint(name, File.ReadAllBytes(TemplatePath(name))));
        var readme = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "Templates", "README.md"));
        var section = readme[readme.IndexOf($"### `{name}.docx`", StringComparison.Ordinal)..];
        section = section[..(section.IndexOf("\n### ", 5, StringComparison.Ordinal) is var end and > 0 ? end
            : section.Length)];
        foreach (var mention in MentionChecklist.ByTemplate[name])
        {
            Assert.Contains(mention.Name, section);
            Assert.Contains(mention.Source, section);
        }
    }

    [Fact]
    public void A_template_that_drops_a_mandatory_mention_is_told_which_and_why()
    {
        var docx = Docx.Build(Docx.P(Docx.R("Madame, Monsieur, {{destinataire.nom}} {{courrier.mode_envoi}} "
            + "{{totaux.total | montant}}")));
        var problems = LetterService.Lint("mise-en-demeure-professionnel", docx);
        Assert.Contains(problems, p => p.Message.Contains("RIN art. 8.2")
            && p.Message.Contains("{{mentions.conseil_avocat}}"));
        Assert.Contains(problems, p => p.Message.Contains("CPC art. 1407"));
        Assert.Contains(problems, p => p.Message.Contains("C. civ. 1344") && p.Message.Contains("« mise en demeure »"));
        Assert.DoesNotContain(problems, p => p.Context.StartsWith("Mode d'envoi", StringComparison.Ordinal));
        // a template of the firm's own is not held to a shipped one's list
        Assert.Empty(LetterService.Lint("lettre-libre", docx));
    }

    [Fact]
    public void The_notice_to_a_company_names_the_channel_the_deadline_from_receipt_the_breakdown_and_the_rin_sentence()
    {
        var (text, _) = Render("mise-en-demeure-professionnel", Data());
        Assert.Contains("Par envoi recommandé électronique simple (non qualifié)", text);
        Assert.Contains("dans un délai de 8 jours à compter de la réception de la présente, c'est-à-dire de son "
            + "acceptation ou de son refus", text);
        // no fixed date that could pass before an ERE is even accepted
        Assert.DoesNotContain("soit au plus tard", text);
        Assert.Contains("faculté de consulter un avocat", text);
        Assert.Contains("SIREN 512789348", text);
        Assert.Contains("Menuiserie Bressan SAS (SIREN 798456125)", text);
        // The breakdown: each invoice's periods, with dates, days, rate and amount (CPC 1407).
        Assert.Contains("F2025-0057\n15/04/2025\n30/06/2025\n77\n13,15 %\n2 400,50 €\n66,59 €", text);
        Assert.Contains("F2025-0057\n01/07/2025\n30/09/2025\n92\n12,15 %\n2 066,59 €\n63,29 €", text);
        Assert.Contains("Total réclamé : 3 498,08 €", text);
        // The penalties keep running: not « majorées » again after a total that includes them.
        Assert.DoesNotContain("majorées", text);
        Assert.Contains("continuent de courir sur le principal restant dû jusqu'à complet paiement", text);
        Assert.Contains("président du tribunal de commerce compétent (article 873 du même code)", text);
        Assert.DoesNotContain("frais de procédure s'ajoutant", text);
        Assert.Contains("articles 696 et 700", text);
        Assert.Contains("petites créances", text); // 3 266,59 + 151,49 = 3 418,08 ≤ 5 000 €
        Assert.Contains("— Relance 1 du 10/03/2025 (factures visées : F2025-0041)", text);
        Assert.Contains("— Relance 2 du 29/04/2025 (factures visées : F2025-0041, F2025-0057)", text);
        Assert.DoesNotContain("Rappel de courtoisie", text); // before the due date: not a reminder of a debt in arrears
    }

    [Fact]
    public void The_small_claims_procedure_is_offered_only_up_to_5000_euros_of_principal_and_interest()
    {
        var (text, _) = Render("mise-en-demeure-professionnel",
            Data(d => Section(d, "procedure")["petites_creances"] = false));
        Assert.DoesNotContain("petites créances", text);
    }

    [Theory]
    [InlineData("Courrier", "Par lettre recommandée avec demande d'avis de réception",
        "à compter de la première présentation de la présente")]
    [InlineData("LreQualifiee", "Par lettre recommandée électronique",
        "à compter de la réception de la présente, c'est-à-dire de son acceptation")]
    public void A_notice_says_the_channel_it_really_leaves_by(string channel, string mention, string start)
    {
        var data = SampleLetterData.Data();
        var route = Enum.Parse<AddinHost.Cases.Planning.StepChannel>(channel);
        Section(data, "courrier")["mode_envoi"] = AddinHost.Cases.Planning.ChannelMentions.For(route);
        Section(data, "delai")["point_de_depart"] = AddinHost.Cases.Planning.ReplyDeadlines.StartPhrase(route);
        var (text, _) = Render("mise-en-demeure-consommateur", data);
        Assert.Contains(mention, text);
        Assert.Contains(start, text);
        Assert.DoesNotContain("Par lettre recommandée électronique", channel == "Courrier" ? text : "");
    }

    [Fact]
    public void The_legal_interest_notice_has_an_interest_column_and_says_when_interest_runs()
    {
        static void LegalInterest(Dictionary<string, object?> d)
        {
            Section(d, "regime")["penalites"] = false;
            Section(d, "regime")["interets_legaux"] = true;
        }
        var (before, _) = Render("mise-en-demeure-consommateur", Data(LegalInterest));
        Assert.Contains("Intérêts", before);
        Assert.DoesNotContain("Pénalités\n", before);
        Assert.Contains("porteront intérêts au taux légal à compter de la réception de la présente mise en demeure",
            before);
        var (after, _) = Render("mise-en-demeure-consommateur",
            Data(d => { LegalInterest(d); Section(d, "interets")["depuis"] = new DateOnly(2025, 5, 22); }));
        Assert.Contains("Les intérêts au taux légal courent depuis le 22 mai 2025", after);
    }

    [Theory]
    [InlineData("relance-2")]
    [InlineData("mise-en-demeure-professionnel")]
    public void The_invoice_table_heads_its_column_with_what_the_regime_charges(string name)
    {
        // A private creditor owed by a company: legal interest, no L.441-10 penalty, whatever the template's name.
        var (interest, _) = Render(name, Data(d =>
        {
            Section(d, "regime")["penalites"] = false;
            Section(d, "regime")["interets_legaux"] = true;
        }));
        Assert.Contains("Intérêts\n", interest);
        Assert.DoesNotContain("Pénalités\n", interest);
        var (penalties, _) = Render(name, Data());
        Assert.Contains("Pénalités\n", penalties);
    }

    [Fact]
    public void A_letter_to_the_debtors_counsel_is_official_without_the_rin_sentence_and_announces_proceedings()
    {
        var (text, _) = Render("mise-en-demeure-confrere", Data(d =>
        {
            Section(d, "destinataire")["nom"] = "Maître Paul Girard";
            Section(d, "destinataire")["confrere"] = true;
            Section(d, "mentions")["conseil_avocat"] = null;
        }));
        Assert.StartsWith("OFFICIELLE\nMaître Paul Girard", text);
        Assert.Contains("Mon cher Confrère", text);
        Assert.Contains("Votre client reste redevable", text);
        Assert.Contains("article 5.4 du Règlement intérieur national", text);
        Assert.DoesNotContain("faculté de consulter un avocat", text);

        // The firm's own fees, its former client represented: the bâtonnier, not a court, and no « conseil de » the
        // firm itself.
        var (fees, _) = Render("mise-en-demeure-confrere", Data(d => Section(d, "creancier")["est_cabinet"] = true));
        Assert.Contains("je saisirai le bâtonnier de l'ordre des avocats du barreau de Lyon", fees);
        Assert.DoesNotContain("injonction de payer", fees);
        Assert.DoesNotContain("conseil de Menuiserie", fees);
    }

    [Fact]
    public void The_fee_notice_cites_the_agreement_only_if_any_and_names_the_batonnier_and_mediator_for_a_consumer()
    {
        var (without, _) = Render("mise-en-demeure-honoraires", Data());
        Assert.DoesNotContain("convention", without); // never implied
        Assert.Contains("bâtonnier de l'ordre des avocats du barreau de Lyon", without);
        Assert.Contains("décret n° 91-1197", without);
        Assert.DoesNotContain("médiateur", without); // a company client
        Assert.DoesNotContain("faculté de consulter un avocat", without);

        var (with, _) = Render("mise-en-demeure-honoraires", Data(d =>
        {
            Section(d, "honoraires")["convention"] = true;
            Section(d, "honoraires")["convention_date"] = new DateOnly(2024, 11, 4);
            Section(d, "honoraires")["convention_reference"] = "CH-2024-031";
            Section(d, "debiteur")["consommateur"] = true;
        }));
        Assert.Contains("dans le cadre de la convention d'honoraires signée le 4 novembre 2024 (référence CH-2024-031)",
            with);
        Assert.Contains("médiateur de la consommation dont nous relevons " +
            "(articles L. 612-1 et L. 616-1 du Code de la consommation) : " +
            "Médiateur de la consommation de la profession d'avocat, 180 boulevard Haussmann, 75008 Paris", with);
    }

    [Fact]
    public void Earlier_steps_are_conditional_and_an_e_mail_lists_one_invoice_per_line()
    {
        var (none, _) = Render("relance-2", Data(d =>
        {
            d["relances_precedentes"] = new List<object?>();
            Section(d, "courrier")["apres_relances"] = false;
        }));
        Assert.DoesNotContain("Malgré ces démarches", none);
        Assert.Contains("Les factures ci-dessous, émises par Menuiserie Bressan SAS, demeurent impayées", none);
        Assert.Contains("(art. L. 441-10 II et D. 441-5 C. com.)", none); // the short basis: no nested parentheses

        var data = Data();
        Section(data, "courrier")["mode_envoi"] = "Par courriel";
        Section(data, "delai")["date"] = new DateOnly(2025, 10, 8);
        var email = Docx.Paragraphs(LetterService.Engine.Render(File.ReadAllBytes(TemplatePath("courriel-relance-1")),
            data));
        Assert.Contains("— facture F2025-0041 du 01/02/2025, échue le 03/03/2025\u00a0: 1\u00a0200,00\u00a0€", email);
        Assert.Contains("— facture F2025-0057 du 15/03/2025, échue le 14/04/2025\u00a0: 2\u00a0066,59\u00a0€", email);
        // an e-mail arrives the day it leaves
        Assert.Contains(email, p => p.Contains("soit au plus tard le 8 octobre 2025"));
    }

    [Theory]
    [MemberData(nameof(Checklisted))]
    public void Every_template_follows_french_typography_and_repeats_no_word(string name)
    {
        var (text, raw) = Render(name, Data(d => Section(d, "delai")["date"] = new DateOnly(2025, 10, 8)));
        Assert.DoesNotContain("{{", text);
        Assert.Empty(SpaceBeforeSign().Matches(raw).Select(m => m.Value));       // « : ; ! ? » after a no-break space
        Assert.Empty(BreakingEuro().Matches(raw).Select(m => m.Value));          // « 40 € »
        Assert.DoesNotContain("L.441", raw);                                     // « L. 441-10 »
        Assert.DoesNotContain(" 2d ", raw);
        // « Nous nous permettons »: a reflexive pronoun is not a doubled word.
        var doubled = DoubledWord().Matches(text).Select(m => m.Value)
            .Where(w => w.ToLowerInvariant() is not ("nous nous" or "vous vous")).ToList();
        Assert.True(doubled.Count == 0, string.Join(", ", doubled));
        Assert.DoesNotContain("((", text.Replace(" ", "")); // no nested parentheses from a long basis
    }

    [GeneratedRegex(@"[^\u00a0\s][ ][:;!?](?=\s|$)")]
    private static partial Regex SpaceBeforeSign();

    [GeneratedRegex(@"\d [€%]")]
    private static partial Regex BreakingEuro();

    [GeneratedRegex(@"\b(\p{L}{2,}) \1\b", RegexOptions.IgnoreCase)]
    private static partial Regex DoubledWord();
}
