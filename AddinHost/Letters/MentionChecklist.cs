using System.Text.RegularExpressions;
using AddinHost.Letters.Engine;

namespace AddinHost.Letters;

/// <summary>
/// A mention a letter must carry, where the law or the profession's rules require it, and what a template needs to
/// print it: fields (« factures/numero » is the item field of a list) and, for fixed words, text.
/// </summary>
public sealed record MandatoryMention(string Name, string Source, IReadOnlyList<string> Fields,
    IReadOnlyList<string>? Texts = null);

/// <summary>
/// The mandatory mentions of each shipped template (listed with their sources in Templates/README.md). The lint checks
/// that a template of that name still holds what they need, so a firm's own version cannot drop one unnoticed.
/// </summary>
public static partial class MentionChecklist
{
    private static MandatoryMention M(string name, string source, string[] fields, params string[] texts)
        => new(name, source, fields, texts);

    private static readonly MandatoryMention Rin82 =
        M("Rappel de la faculté de consulter un avocat et invitation à en donner le nom",
        "RIN art. 8.2", ["mentions.conseil_avocat"]);
    private static readonly MandatoryMention Channel =
        M("Mode d'envoi réel (ERE simple, LRE qualifiée, LRAR, courriel)",
        "eIDAS art. 43 et 44 ; CPCE L.100", ["courrier.mode_envoi"]);
    private static readonly MandatoryMention Creditor =
        M("Identité du créancier pour le compte duquel l'avocat écrit", "RIN art. 8.2 (présentation loyale)",
        ["creancier.nom"]);
    private static readonly MandatoryMention Invoices =
        M("Factures : numéro, date, échéance, reste dû", "C. civ. 1344 (interpellation suffisante)",
        ["factures", "factures/numero", "factures/date", "factures/echeance", "factures/reste_du"]);
    private static readonly MandatoryMention Deadline =
        M("Délai de paiement courant de la réception, selon le mode d'envoi",
        "CPCE R.53-3 ; C. civ. 1344", ["delai.jours", "delai.point_de_depart"]);
    private static readonly MandatoryMention PlaceDate =
        M("Lieu et date", "usage ; preuve de la date de l'interpellation", ["courrier.lieu", "courrier.date"]);
    private static readonly MandatoryMention Recipient =
        M("Destinataire : le débiteur, ou son avocat s'il est représenté", "RIN art. 8.2", ["destinataire.nom"]);
    private static readonly MandatoryMention Words =
        M("Les mots « mise en demeure » et leur portée", "C. civ. 1344", [], "mise en demeure", "1344");
    private static readonly MandatoryMention Total =
        M("Total réclamé, principal et intérêts ou pénalités", "C. civ. 1231-6, 1344-1 ; C. com. L.441-10",
        ["totaux.principal", "totaux.penalites", "totaux.total"]);
    private static readonly MandatoryMention Basis =
        M("Fondement des pénalités ou intérêts", "C. com. L.441-10, D.441-5 ; C. civ. 1231-6, 1344-1",
        ["regime.fondement"]);
    private static readonly MandatoryMention Breakdown =
        M("Décompte par facture et période : dates, jours, taux, montant", "CPC art. 1407",
        ["decompte", "decompte/du", "decompte/au", "decompte/jours", "decompte/taux", "decompte/montant"]);
    private static readonly MandatoryMention Earlier =
        M("Relances antérieures, sous leur nom, avec les factures visées", "C. civ. 1344 (historique)",
        ["relances_precedentes", "relances_precedentes/nom", "relances_precedentes/date",
            "relances_precedentes/factures"]);
    private static readonly MandatoryMention Payment =
        M("Modalités de paiement", "usage", ["paiement.iban", "paiement.reference"]);
    private static readonly MandatoryMention Procedure =
        M("Procédure possible, mentionnée sans menace ; dépens laissés au juge",
        "RIN art. 8.2 ; CPC 835 ou 873, 1405 et s., 696 et 700 ; CPCE L.111-8",
            ["procedure.juridiction", "procedure.article_refere"], "1405", "700");
    private static readonly MandatoryMention SmallClaims =
        M("Petites créances proposées seulement jusqu'à 5 000 € en principal et intérêts",
        "CPCE L.125-1, R.125-1", ["procedure.petites_creances"]);
    private static readonly MandatoryMention Signature =
        M("Signature de l'avocat et son barreau", "usage de la profession", ["avocat.nom", "avocat.barreau"]);
    private static readonly MandatoryMention Indemnity =
        M("Indemnité forfaitaire de 40 € par facture payée en retard", "C. com. L.441-10 II, D.441-5",
        ["totaux.indemnites", "regime.penalites"]);

    public static readonly IReadOnlyDictionary<string,
        IReadOnlyList<MandatoryMention>> ByTemplate = new Dictionary<string, IReadOnlyList<MandatoryMention>>
    {
        ["relance-1"] = [Recipient, Channel, PlaceDate, Creditor, Invoices, Deadline, Payment, Rin82, Signature],
        ["relance-2"] = [Recipient, Channel, PlaceDate, Creditor, Invoices, Total, Earlier, Deadline, Payment, Rin82,
            Signature],
        ["mise-en-demeure-professionnel"] =
            [Recipient, Channel, PlaceDate, Words, Creditor, Invoices, Total, Indemnity, Basis, Breakdown, Earlier,
                Deadline, Payment, Procedure, SmallClaims, Rin82, Signature],
        ["mise-en-demeure-consommateur"] =
            [Recipient, Channel, PlaceDate, Words, Creditor, Invoices, Total, Breakdown, Earlier, Deadline, Payment,
                Procedure, SmallClaims, Rin82, Signature,
             M("Intérêts au taux légal à compter de la mise en demeure",
                 "C. civ. 1231-6, 1344-1 ; C. mon. fin. L.313-2", ["interets.depuis"], "1231-6")],
        ["mise-en-demeure-honoraires"] =
            [Recipient, Channel, PlaceDate, Words, Invoices, Total, Breakdown, Earlier, Deadline, Payment, Signature,
             M("Contestation et fixation des honoraires par le bâtonnier du barreau de l'avocat",
                 "décret n° 91-1197, art. 174 et s.", ["avocat.barreau"], "91-1197"),
             M("Convention d'honoraires citée lorsqu'elle existe, jamais supposée", "loi n° 71-1130, art. 10",
                 ["honoraires.convention", "honoraires.convention_date"]),
             M("Médiateur de la consommation pour un client consommateur", "C. conso. L.612-1, L.616-1",
                 ["debiteur.consommateur", "mediateur.nom", "mediateur.adresse", "mediateur.site"])],
        ["mise-en-demeure-confrere"] =
            [Recipient, Channel, PlaceDate, Words, Creditor, Invoices, Total, Basis, Breakdown, Earlier, Deadline,
                Payment, Signature,
             M("Mention « officielle » d'une lettre entre avocats destinée à être produite", "RIN art. 3.2", [],
                 "officielle"),
             M("Information du confrère avant toute procédure", "RIN art. 5.4", ["procedure.juridiction"], "5.4")],
        ["relance-confrere"] = [Recipient, Channel, PlaceDate, Creditor, Invoices, Total, Deadline, Payment, Signature],
        ["courriel-courtoisie"] = [Channel, Creditor, Invoices, Payment, Rin82],
        ["courriel-relance-1"] = [Channel, Creditor, Invoices, Deadline, Payment, Rin82],
        ["courriel-confrere"] = [Channel, Creditor, Invoices, Deadline, Payment],
        [JudicialTemplateNames.SmallClaims] =
            [Recipient, Channel, PlaceDate, Invoices, Payment, Rin82, Signature,
             M("Commissaire de justice mandaté pour mener la procédure : nom et étude", "CPCE L.125-1, R.125-2 I 1°",
                 ["petites_creances.commissaire", "petites_creances.etude"]),
             M("Créancier : nom ou dénomination, adresse ou siège", "CPCE R.125-2 I 2°",
                 ["creancier.nom", "creancier.adresse", "creancier.ville"]),
             M("Fondement et montant en principal et intérêts, en distinguant les éléments de la dette",
                 "CPCE R.125-1, R.125-2 I 3°",
                 ["totaux.principal", "totaux.penalites", "totaux.principal_et_interets", "regime.fondement"],
                 "5 000 €"),
             M("Liberté d'accepter ou de refuser ; accord dans le mois ; le silence vaut refus",
                 "CPCE L.125-1, R.125-2 III", [], "libre d'accepter ou de refuser", "un mois", "vaut refus"),
             M("Frais à la charge exclusive du créancier", "CPCE L.125-1", [], "charge exclusive du créancier"),
             M("Effets : prescription suspendue par l'accord, titre exécutoire délivré par le commissaire",
                 "CPCE L.111-3 7°, L.125-1 ; C. civ. 2238", [], "2238", "titre exécutoire"),
             M("En cas de refus, le créancier peut saisir le juge", "CPCE R.125-2 III 5°", [], "saisir le juge")],
        [JudicialTemplateNames.Injunction] =
            [M("Juridiction saisie", "CPC art. 54 1° et 1406", ["requete.juridiction"]),
             M("Objet de la demande : une injonction de payer", "CPC art. 54 2° et 1405", [], "injonction de payer",
                 "1405"),
             M("Requérant personne morale : forme, dénomination, siège social, organe qui la représente",
                 "CPC art. 54 3°",
                 ["creancier.nom", "creancier.adresse", "requete.creancier_forme"], "représentant légal"),
             M("Débiteur : nom et domicile, ou dénomination et siège social", "CPC art. 57",
                 ["debiteur.nom", "debiteur.adresse", "debiteur.ville"]),
             Invoices, Total,
             M("Montant précis avec le décompte des éléments de la créance", "CPC art. 1407",
                 ["decompte", "decompte/du", "decompte/au", "decompte/jours", "decompte/taux", "decompte/montant",
                  "totaux.indemnites"]),
             M("Fondement de la créance", "CPC art. 1407", ["requete.fondement", "regime.fondement"]),
             M("Bordereau des pièces justificatives produites", "CPC art. 1407 (depuis le 1er mars 2022)",
                 ["bordereau", "bordereau/numero", "bordereau/intitule"], "bordereau"),
             M("Date et signature, par l'avocat et son barreau", "CPC art. 57 ; usage de la profession",
                 ["courrier.date", "avocat.nom", "avocat.barreau"])],
    };

    /// <summary>Every mandatory mention of the named template that the document cannot print, as a problem naming it
    /// and its source.</summary>
    public static IReadOnlyList<TemplateProblem> Check(string templateName, byte[] docx)
    {
        if (!ByTemplate.TryGetValue(templateName, out var mentions))
            return [];
        using var package = TemplatePackage.Open(docx);
        var text = string.Join("\n", package.Parts.SelectMany(p => p.Xml.Descendants(W.P)).Select(W.TextOf))
            .Replace('\u00a0', ' ');
        var tags = Tags().Matches(text).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);
        var problems = new List<TemplateProblem>();
        foreach (var mention in mentions)
        {
            var missing = mention.Fields.Where(f => !f.Split('/').All(tags.Contains))
                .Select(f => $"{{{{{f.Split('/')[^1]}}}}}")
                .Concat((mention.Texts ?? []).Where(t => !text.Contains(t, StringComparison.OrdinalIgnoreCase))
                    .Select(t => $"« {t} »"))
                .ToList();
            if (missing.Count > 0)
                problems.Add(new TemplateProblem("modèle", 0, mention.Name,
                    $"mention obligatoire absente : « {mention.Name} » ({mention.Source}) — il manque " +
                        $"{string.Join(", ", missing)}"));
        }
        return problems;
    }

    [GeneratedRegex(@"\{\{\s*[#^/]?\s*([\p{L}_][\p{L}\p{Nd}_.]*)", RegexOptions.NonBacktracking)]
    private static partial Regex Tags();
}
