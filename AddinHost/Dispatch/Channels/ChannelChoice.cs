using AddinHost.Cases;
using AddinHost.Cases.Planning;
using AddinHost.Infrastructure.Problems;

namespace AddinHost.Dispatch.Channels;

/// <summary>How a step will leave the firm, why, and what it costs (HT, as configured).</summary>
public sealed record ChannelChoice(StepChannel Planned, StepChannel Channel, string ChannelLabel, string Explanation,
    decimal PriceHt, bool NeedsOtp);

/// <summary>
/// Picks the channel of a registered step from the case's policy level and its recipient (the debtor, or its counsel):
/// a recipient who is not a professional and has not consented to electronic registered mail (CPCE L.100), or one
/// without an e-mail address, gets the postal route.
/// </summary>
public static class ChannelChooser
{
    /// <summary>
    /// The case's next letter: refused when it would reach the debtor without the client's consent to contact it
    /// (RIN art. 8.2; the firm's own fees need none, and writing to the debtor's counsel is not contacting the debtor).
    /// </summary>
    public static ChannelChoice ChooseFor(RecoveryCase c, StepChannel planned, DispatchPrices prices)
    {
        var to = LetterRecipients.For(c);
        if (!to.IsCounsel && IsDispatchable(planned) && c.EffectiveContactConsentOn is null)
            throw DomainException.Conflict(
                "Le client n'a pas donné son accord pour que le cabinet contacte ce débiteur (RIN art. 8.2) : " +
                "enregistrez son accord dans la fiche juridique du dossier (ou pour tous ses débiteurs) avant tout " +
                    "envoi.");
        return Choose(planned, to, prices);
    }

    public static bool IsDispatchable(StepChannel planned) => planned is StepChannel.Email or StepChannel.Ere
        or StepChannel.LreQualifiee or StepChannel.Courrier;

    public static ChannelChoice Choose(StepChannel planned, LetterRecipient to, DispatchPrices prices)
    {
        if (!IsDispatchable(planned))
            throw DomainException.Conflict(planned switch
            {
                StepChannel.Telephone
                    => "Cette étape est un appel téléphonique : enregistrez-la une fois faite, il n'y a rien à " +
                    "envoyer.",
                _ => "Cette étape est une décision de l'avocat (suite judiciaire) : il n'y a pas de courrier à " +
                    "envoyer.",
            });

        var route = LetterRecipients.Route(planned, to);
        if (route == StepChannel.Email)
            return string.IsNullOrWhiteSpace(to.Email)
                ? throw DomainException.Conflict(
                    $"{Capital(to.Role)} n'a pas d'adresse électronique : cette relance par courriel ne peut pas " +
                    $"partir. " +
                    "Renseignez son adresse, ou appelez-le et enregistrez l'étape.")
                : new ChannelChoice(planned, planned, "Courriel depuis votre boîte Microsoft 365",
                    "La politique du dossier prévoit une relance par courriel : elle part de votre boîte aux " +
                        "lettres, une seule fois, " +
                    "et sa copie reste dans vos éléments envoyés." + CounselNote(to), 0m, NeedsOtp: false);
        if (planned == StepChannel.Courrier)
            return Postal(planned,
                "La politique du dossier prévoit un courrier papier pour cette étape : la lettre est prête à imprimer."
                + CounselNote(to), prices);
        if (route == StepChannel.Courrier && !to.IsProfessional && !to.ConsentsToElectronicRegisteredMail)
            return Postal(planned,
                $"{Capital(to.Role)} n'est pas un professionnel et n'a pas accepté de recevoir des lettres " +
                $"recommandées " +
                "électroniques (art. L.100 du CPCE) : la lettre est à imprimer et à envoyer en recommandé avec " +
                    "accusé de réception par La Poste.", prices);
        if (route == StepChannel.Courrier)
            return Postal(planned,
                $"{Capital(to.Role)} n'a pas d'adresse électronique connue : la lettre est à imprimer et à envoyer " +
                $"en " +
                "recommandé avec accusé de réception par La Poste." + CounselNote(to), prices);

        return planned == StepChannel.LreQualifiee
            ? new ChannelChoice(planned, planned, "Lettre recommandée électronique qualifiée (AR24)",
                "La politique du dossier prévoit une lettre recommandée électronique qualifiée (eIDAS art. 44, " +
                    "équivalente à une LRAR). " +
                "L'avocat expéditeur s'identifie avec le code à usage unique (OTP) reçu d'AR24 ; le destinataire a " +
                    "15 jours pour l'accepter." + CounselNote(to),
                prices.LreQualifieeHt, NeedsOtp: true)
            : new ChannelChoice(planned, planned, "Envoi recommandé électronique (AR24)",
                "La politique du dossier prévoit un envoi recommandé électronique (eIDAS art. 43), recevable comme " +
                    "preuve. " +
                "Le destinataire est prévenu par courriel et a 15 jours pour l'accepter ou le refuser ; chaque " +
                    "preuve est classée au dossier." + CounselNote(to),
                prices.EreHt, NeedsOtp: false);
    }

    private static string CounselNote(LetterRecipient to) => to.IsCounsel
        ? $" Le débiteur est représenté : le courrier est adressé à son conseil, {to.Name}, et non au débiteur (RIN " +
            $"art. 8.2)."
        : "";

    private static string Capital(string s) => char.ToUpperInvariant(s[0]) + s[1..];

    private static ChannelChoice Postal(StepChannel planned, string why, DispatchPrices prices) =>
        new(planned, StepChannel.Courrier, "Recommandé postal (La Poste), à imprimer", why, prices.PostalHt,
            NeedsOtp: false);
}
