using System.Globalization;
using System.Text;

namespace AddinHost.Mailbox;

public enum ReplyHint { PromesseDePaiement, Contestation, AvisDePaiement }

/// <summary>A suggestion for the lawyer about a debtor's message, with what they might do: never applied by
/// itself.</summary>
public sealed record ReplySuggestion(ReplyHint Hint, string Label, string SuggestedAction, string Evidence);

/// <summary>
/// Reads a debtor's message for the usual replies to a reminder, in French: a promise to pay, a dispute, or a
/// payment notice. Plain phrase matching on the subject and the first lines: a hint to read, not a decision.
/// </summary>
public static class ReplyHints
{
    private static readonly (ReplyHint Hint, string Label, string Action, string[] Phrases)[] Rules =
    [
        (ReplyHint.AvisDePaiement, "Avis de paiement",
            "Vérifiez la réception des fonds, puis enregistrez le règlement.",
            ["virement effectue", "virement a ete effectue", "avons regle", "avons procede au reglement",
                "effectue ce jour", "a ete vire", "avons effectue le virement", "paiement effectue",
                "paiement a ete effectue",
             "cheque envoye", "cheque a ete envoye", "avis de virement", "regle ce jour", "reglement effectue",
                 "a ete regle", "avons paye", "ai paye"]),
        (ReplyHint.Contestation, "Contestation",
            "Lisez les motifs ; s'ils sont sérieux, ouvrez une pause « litige » avant toute nouvelle relance.",
            ["contest", "litige", "desaccord", "pas d'accord", "erreur sur la facture", "facture erronee",
                "reclamation", "non conforme",
             "refusons de payer", "ne sommes pas redevables", "pas redevable", "prestation non realisee", "jamais recu",
                 "malfacon"]),
        (ReplyHint.PromesseDePaiement, "Promesse de paiement",
            "Ouvrez une pause « promesse de paiement » jusqu'à la date annoncée, avec un rappel.",
            ["je vais payer", "nous allons payer", "allons regler", "vais regler", "reglerons", "paierons", "paierai",
                "reglerai", "virement sera",
             "reglement sera", "paiement sera", "echeancier", "en plusieurs fois", "mensualites",
                 "d'ici la fin du mois", "sous huitaine", "delai de paiement"]),
    ];

    public static IReadOnlyList<ReplySuggestion> Read(string? subject, string? text)
    {
        var haystack = Fold($"{subject}\n{text}");
        var found = new List<ReplySuggestion>();
        foreach (var (hint, label, action, phrases) in Rules)
            if (phrases.FirstOrDefault(p => haystack.Contains(p, StringComparison.Ordinal)) is { } phrase)
                found.Add(new ReplySuggestion(hint, label, action, phrase));
        return found;
    }

    /// <summary>Lower case without accents or typographic apostrophes, so "Réglé" and "regle" meet.</summary>
    private static string Fold(string s)
    {
        var decomposed = s.ToLowerInvariant().Replace('’', '\'').Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        foreach (var ch in decomposed)
            if (CharUnicodeInfo.GetUnicodeCategory(ch) != UnicodeCategory.NonSpacingMark) sb.Append(ch);
        return sb.ToString();
    }
}
