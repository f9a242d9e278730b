namespace AddinHost.Dispatch.Outbox;

/// <summary>
/// Planned → Sending → Deposited → Accepted | Refused | Negligence | Bounced; Sending → Failed (a definite refusal)
/// or ToVerify (crash, time-out, lost reply) → reconciled at AR24 by the dispatch id → Deposited, or Planned again
/// only when AR24 surely has no such mail. The postal route: ToPrint → Posted, once La Poste's tracking number is entered.
/// An e-mail: Planned → Sending (a draft marked with the dispatch id, then sent) → EmailSent; in doubt, ToVerify → looked up by that mark.
/// </summary>
public enum DispatchState { Planned, Sending, ToVerify, Deposited, Accepted, Refused, Negligence, Bounced, Failed, ToPrint, Posted, EmailSent }

public static class DispatchStates
{
    public static string Label(DispatchState state) => state switch
    {
        DispatchState.Planned => "Planifié",
        DispatchState.Sending => "Envoi en cours",
        DispatchState.ToVerify => "À vérifier",
        DispatchState.Deposited => "Déposé",
        DispatchState.Accepted => "Accepté",
        DispatchState.Refused => "Refusé",
        DispatchState.Negligence => "Négligence",
        DispatchState.Bounced => "Non distribué",
        DispatchState.ToPrint => "À imprimer et poster",
        DispatchState.Posted => "Posté en recommandé",
        DispatchState.EmailSent => "Courriel envoyé",
        _ => "Échec",
    };

    /// <summary>Still moving without anyone's help (the outbox holds it).</summary>
    public static bool InFlight(DispatchState state) => state is DispatchState.Planned or DispatchState.Sending or DispatchState.ToVerify;
}
