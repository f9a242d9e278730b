using AddinHost.Cases;
using AddinHost.Cases.Money;
using AddinHost.Cases.Planning;
using AddinHost.Infrastructure.Problems;

namespace AddinHost.Dispatch.Channels;

/// <summary>How a step will leave the firm, why, and what it costs (HT, as configured).</summary>
public sealed record ChannelChoice(StepChannel Planned, StepChannel Channel, string ChannelLabel, string Explanation, decimal PriceHt, bool NeedsOtp);

/// <summary>
/// Picks the channel of a registered step from the case's policy level and the debtor: a consumer who has not
/// consented to electronic registered mail (CPCE L.100), or a debtor without an address, gets the postal route.
/// </summary>
public static class ChannelChooser
{
    public static bool IsDispatchable(StepChannel planned) => planned is StepChannel.Email or StepChannel.Ere or StepChannel.LreQualifiee or StepChannel.Courrier;

    public static ChannelChoice Choose(StepChannel planned, Debtor debtor, DispatchPrices prices)
    {
        if (!IsDispatchable(planned))
            throw new DomainException(planned switch
            {
                StepChannel.Telephone => "Cette étape est un appel téléphonique : enregistrez-la une fois faite, il n'y a rien à envoyer.",
                _ => "Cette étape est une décision de l'avocat (suite judiciaire) : il n'y a pas de courrier à envoyer.",
            }, StatusCodes.Status409Conflict);

        if (planned == StepChannel.Email)
            return string.IsNullOrWhiteSpace(debtor.Email)
                ? throw new DomainException("Le débiteur n'a pas d'adresse électronique : cette relance par courriel ne peut pas partir. " +
                    "Renseignez son adresse, ou appelez-le et enregistrez l'étape.", StatusCodes.Status409Conflict)
                : new ChannelChoice(planned, planned, "Courriel depuis votre boîte Microsoft 365",
                    "La politique du dossier prévoit une relance par courriel : elle part de votre boîte aux lettres, une seule fois, " +
                    "et sa copie reste dans vos éléments envoyés.", 0m, NeedsOtp: false);
        if (planned == StepChannel.Courrier)
            return Postal(planned, "La politique du dossier prévoit un courrier papier pour cette étape : la lettre est prête à imprimer.", prices);
        if (debtor.Kind == DebtorKind.Consommateur && !debtor.ConsentsToElectronicRegisteredMail)
            return Postal(planned, "Le débiteur est un consommateur qui n'a pas accepté de recevoir des lettres recommandées électroniques " +
                "(art. L.100 du CPCE) : la lettre est à imprimer et à envoyer en recommandé avec accusé de réception par La Poste.", prices);
        if (string.IsNullOrWhiteSpace(debtor.Email))
            return Postal(planned, "Le débiteur n'a pas d'adresse électronique connue : la lettre est à imprimer et à envoyer en recommandé " +
                "avec accusé de réception par La Poste.", prices);

        return planned == StepChannel.LreQualifiee
            ? new ChannelChoice(planned, planned, "Lettre recommandée électronique qualifiée (AR24)",
                "La politique du dossier prévoit une lettre recommandée électronique qualifiée (eIDAS art. 44, équivalente à une LRAR). " +
                "L'avocat expéditeur s'identifie avec le code à usage unique (OTP) reçu d'AR24 ; le destinataire a 15 jours pour l'accepter.",
                prices.LreQualifieeHt, NeedsOtp: true)
            : new ChannelChoice(planned, planned, "Envoi recommandé électronique (AR24)",
                "La politique du dossier prévoit un envoi recommandé électronique (eIDAS art. 43), recevable comme preuve. " +
                "Le destinataire est prévenu par courriel et a 15 jours pour l'accepter ou le refuser ; chaque preuve est classée au dossier.",
                prices.EreHt, NeedsOtp: false);
    }

    private static ChannelChoice Postal(StepChannel planned, string why, DispatchPrices prices) =>
        new(planned, StepChannel.Courrier, "Recommandé postal (La Poste), à imprimer", why, prices.PostalHt, NeedsOtp: false);
}
