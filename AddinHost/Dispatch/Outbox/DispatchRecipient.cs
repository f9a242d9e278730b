using AddinHost.Cases;
using AddinHost.Infrastructure.Problems;

namespace AddinHost.Dispatch.Outbox;

/// <summary>Who a planned letter goes to when it leaves: the recipient it was written for, or nobody if that
/// changed.</summary>
public static class DispatchRecipient
{
    /// <summary>
    /// The letter names the debtor or its counsel as it was when generated; if the case has since recorded a counsel
    /// (or removed it), sending it would reach the wrong person (RIN art. 8.2): it fails, and a retry writes the letter
    /// anew.
    /// </summary>
    public static LetterRecipient For(DispatchItem row, RecoveryCase c)
    {
        if (row.ToCounsel != c.HasCounsel)
            throw DomainException.Conflict(row.ToCounsel
                ? "Ce courrier était adressé au conseil du débiteur, qui n'est plus enregistré au dossier : il ne " +
                    "part pas. " +
                  "Envoyez l'étape de nouveau : le courrier sera réécrit pour le débiteur."
                : "Le débiteur est désormais représenté par un avocat : ce courrier, adressé au débiteur, ne part " +
                    "pas (RIN art. 8.2). " +
                  "Envoyez l'étape de nouveau : le courrier sera réécrit pour son conseil.");
        return LetterRecipients.For(c);
    }
}
