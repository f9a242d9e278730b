namespace AddinHost.Dispatch.Ar24;

/// <summary>
/// Where a sender account stands at AR24 (knowledge base « Créer un compte expéditeur via l'API »): to open; an
/// existing account whose holder must accept the access request (<c>/user/request_access</c>); opened, but its holder
/// must confirm the address and accept AR24's terms; active. Only an active sender sends.
/// </summary>
public enum Ar24SenderState { ToCreate, AccessRequested, TermsToAccept, Active }

public static class Ar24SenderStates
{
    public static string Label(Ar24SenderState state) => state switch
    {
        Ar24SenderState.ToCreate => "À créer",
        Ar24SenderState.AccessRequested => "Accès demandé",
        Ar24SenderState.TermsToAccept => "CGU à accepter",
        _ => "Actif",
    };

    /// <summary>Why a sender in this state cannot send yet, and what unblocks it.</summary>
    public static string WhyNotActive(Ar24SenderState state, string email) => state switch
    {
        Ar24SenderState.ToCreate => $"le compte expéditeur AR24 de {email} n'est pas encore ouvert : l'administrateur "
            + $"doit l'ouvrir "
            + "(page d'administration, onglet « Expéditeurs AR24 »)",
        Ar24SenderState.AccessRequested => $"{email} a déjà un compte AR24 : son titulaire doit accepter la demande "
            + $"d'accès envoyée par AR24, "
            + "puis l'administrateur vérifie le compte (onglet « Expéditeurs AR24 »)",
        Ar24SenderState.TermsToAccept => $"le titulaire de {email} doit confirmer son adresse et accepter les "
            + $"conditions générales d'AR24 "
            + "(courriels d'AR24), puis l'administrateur vérifie le compte (onglet « Expéditeurs AR24 »)",
        _ => "",
    };
}
