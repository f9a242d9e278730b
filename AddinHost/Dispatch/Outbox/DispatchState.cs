namespace AddinHost.Dispatch.Outbox;

/// <summary>
/// Planned → Sending → Deposited → Accepted | Refused | Negligence | Bounced; Sending → Failed (a definite refusal)
/// or ToVerify (crash, time-out, lost reply) → reconciled at AR24 by the dispatch id → Deposited, or Planned again
/// only when AR24 surely has no such mail.
/// </summary>
public enum DispatchState { Planned, Sending, ToVerify, Deposited, Accepted, Refused, Negligence, Bounced, Failed }

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
        _ => "Échec",
    };
}
