namespace AddinHost.Cases.Money;

/// <summary>
/// One invoice's deadline. <see cref="MayBeEarlier"/>: the period runs from a date the case does not know (the
/// completion of the service, the end of the mandate), so the real deadline may come sooner. <see cref="Warnings"/>
/// name payments or acknowledgements that came after the period had run and restarted nothing. The period's rule
/// (<see cref="Rule"/>, the act that restarted it, or the enforceable title) is kept so that <see cref="Reason"/> is
/// written only when read: the planning reads the dates of a hundred thousand invoices and none of the words.
/// </summary>
public sealed record PrescriptionInfo(DateOnly Deadline, int Years, DateOnly RunsFrom, int DaysLeft,
    bool IsTimeBarred, bool MayBeEarlier = false, IReadOnlyList<string>? Warnings = null,
    PrescriptionRule? Rule = null, ActKind? RestartedBy = null)
{
    /// <summary>The deadline in words, for the lawyer.</summary>
    public string Reason => Rule is null
        ? $"Titre exécutoire (décision de justice) depuis le {RunsFrom:dd/MM/yyyy} : son exécution peut être " +
          $"poursuivie pendant dix ans (art. L.\u00a0111-4 CPCE), au plus tard le {Deadline:dd/MM/yyyy}."
        : $"Prescription de {Rule.Basis}, {From(Rule)} : action à engager au plus tard le {Deadline:dd/MM/yyyy}."
          + (MayBeEarlier
              ? $" La date de {Rule.StartLabel} n'est pas renseignée : l'échéance peut être antérieure."
              : "");

    private string From(PrescriptionRule rule) => RestartedBy is { } act
        ? $"depuis le {RunsFrom:dd/MM/yyyy}, date {InterruptingAct.OfKind(act)} qui l'a interrompue (art. 2240 C. civ.)"
        : MayBeEarlier
            ? $"depuis le {RunsFrom:dd/MM/yyyy}, date de la facture faute de connaître la date de {rule.StartLabel}"
            : $"depuis le {RunsFrom:dd/MM/yyyy}, date de {rule.StartLabel}";
}

/// <summary>How long, and from which event: the invoice's due date, or the completion of the service / end of the
/// mandate.</summary>
public sealed record PrescriptionRule(int Years, bool FromCompletion, string Basis, string StartLabel);

public enum ActKind { Paiement, Reconnaissance }

/// <summary>A payment or a written acknowledgement of one invoice: it interrupts prescription for that debt (C. civ.
/// 2240).</summary>
public sealed record InterruptingAct(DateOnly On, ActKind Kind)
{
    public string Label => Kind == ActKind.Paiement ? "Paiement" : "Reconnaissance de dette";
    public string Of => OfKind(Kind);

    public static string OfKind(ActKind kind) =>
        kind == ActKind.Paiement ? "du paiement" : "de la reconnaissance de dette";
}

/// <summary>When a claim becomes time-barred. A mise en demeure does not interrupt it; an acknowledgement or a payment
/// does.</summary>
public static class Prescription
{
    /// <summary>
    /// Two years for a professional's action against a consumer (C. conso. L.218-2; consumers only, natural persons),
    /// from the completion of the service (Cass. 1re civ., 19 mai 2021, n° 20-12.520); otherwise five years (C. com.
    /// L.110-4, C. civ. 2224) from the due date. A lawyer's fees run from the end of the mandate, whatever the client.
    /// </summary>
    public static PrescriptionRule RuleFor(PartyKind creditor, DebtorKind debtor, bool ownFees)
    {
        var consumer = creditor == PartyKind.Professionnel && debtor == DebtorKind.Consommateur;
        var start = ownFees ? "fin du mandat" : consumer ? "achèvement de la prestation" : "exigibilité de la facture";
        return consumer
            ? new PrescriptionRule(2, true,
                "2 ans pour l'action d'un professionnel contre un consommateur (art. L.\u00a0218-2 C. conso.)", start)
            : new PrescriptionRule(5, ownFees, "5 ans (art. L.\u00a0110-4 C. com. et 2224 C. civ.)", start);
    }

    /// <summary>
    /// The deadline of one invoice: its own start, restarted by each act that names it and comes before the period has
    /// run; a new period of the same length then runs (C. civ. 2231). An act after the deadline interrupts nothing.
    /// </summary>
    public static PrescriptionInfo ForInvoice(PrescriptionRule rule, DateOnly dueDate, DateOnly issueDate,
        DateOnly? completedOn,
        IReadOnlyCollection<InterruptingAct> acts, DateOnly asOf)
    {
        // The invoice date usually follows the completion, so it is a late bound, never a safe fallback.
        var mayBeEarlier = rule.FromCompletion && completedOn is null;
        var start = !rule.FromCompletion ? dueDate : completedOn ?? issueDate;
        ActKind? restartedBy = null;
        List<string>? warnings = null;
        IEnumerable<InterruptingAct> ordered = acts.Count == 0 ? [] : acts.Where(a => a.On <= asOf).OrderBy(a => a.On);
        foreach (var act in ordered)
        {
            var deadline = start.AddYears(rule.Years);
            if (act.On > deadline)
                (warnings ??= []).Add(
                    $"{act.Label} du {act.On:dd/MM/yyyy} : intervenu après la prescription acquise le " +
                    $"{deadline:dd/MM/yyyy}, " +
                    "il n'a rien interrompu (art. 2240 C. civ.).");
            else if (act.On > start)
                (start, restartedBy) = (act.On, act.Kind);
        }
        var end = start.AddYears(rule.Years);
        // Art. 2229: prescription is acquired once the last day of the period has passed.
        return new PrescriptionInfo(end, rule.Years, start, end.DayNumber - asOf.DayNumber, asOf > end,
            mayBeEarlier, warnings ?? [], rule, restartedBy);
    }

    /// <summary>
    /// Once a court decision is enforceable, its execution may be pursued for ten years (CPCE L.111-4 al. 1, titles of
    /// L.111-3 1° to 3°), unless the claim's own prescription is longer. The small-claims title (L.111-3 7°: numbering
    /// to check in the consolidated text) is not one of them and keeps the claim's own period. Before enforceability,
    /// the claim's period still runs.
    /// </summary>
    public static PrescriptionInfo UnderTitle(PrescriptionInfo claim, EnforceableTitle? title, DateOnly asOf)
    {
        if (title is not { Kind: TitleKind.DecisionDeJustice } || title.EnforceableFrom > asOf) return claim;
        var end = title.EnforceableFrom.AddYears(10);
        if (claim.Deadline > end) return claim;
        return new PrescriptionInfo(end, 10, title.EnforceableFrom, end.DayNumber - asOf.DayNumber, asOf > end);
    }
}
