namespace AddinHost.Dispatch.Outbox;

/// <summary>
/// Planned → Sending → Deposited → Accepted | Refused | Negligence | Bounced; Sending → Failed (a definite refusal)
/// or ToVerify (crash, time-out, lost reply) → reconciled at AR24 by the dispatch id → Deposited, or Planned again
/// only when AR24 surely has no such mail. The postal route: ToPrint → Posted, once La Poste's tracking number is
/// entered. An e-mail: Planned → Sending (a draft marked with the dispatch id, then sent) → EmailSent; in doubt,
/// ToVerify → looked up by that mark. The numbers are what the database stores: never renumber one.
/// The transitions themselves are <see cref="DispatchItem"/>'s methods.
/// </summary>
public enum DispatchState
{
    Planned = 0,
    Sending = 1,
    ToVerify = 2,
    Deposited = 3,
    Accepted = 4,
    Refused = 5,
    Negligence = 6,
    Bounced = 7,
    Failed = 8,
    ToPrint = 9,
    Posted = 10,
    EmailSent = 11,
}

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
    public static bool InFlight(DispatchState state) =>
        state is DispatchState.Planned or DispatchState.Sending or DispatchState.ToVerify;
}
