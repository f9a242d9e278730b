using AddinHost.Cases;
using AddinHost.Cases.Planning;
using AddinHost.Dispatch.Outbox;
using AddinHost.Letters;

namespace AddinHost.Calendar;

public enum DeadlineKind
{
    FinDelaiMiseEnDemeure, FinAcceptationEre, Prescription90, Prescription30, EcheancePromesse,
    // The injonction de payer's dates (AddinHost/Judicial, JudicialDeadline.Kind by the same names).
    SignificationInjonction, FinOpposition, ForceExecutoire, MajorationTauxLegal,
}

public sealed record Deadline(DeadlineKind Kind, DateOnly On, string Title);

/// <summary>
/// The dates a lawyer must not miss on a case, derived from it: the end of the mise en demeure's deadline, counted from
/// its receipt (acceptance, refusal, négligence, or the postal first presentation) and never from its sending; the end
/// of the 15-day acceptance window of a registered letter; the prescription warnings (90 and 30 days before); and the
/// day a promise to pay falls due. Only future dates.
/// </summary>
public static class CaseDeadlines
{
    public const int EreAcceptanceDays = ReplyDeadlines.AcceptanceWindowDays; // CPCE R.53-3

    public static IReadOnlyList<Deadline> For(RecoveryCase c, CaseAssessment a, IEnumerable<DispatchItem> dispatches,
        DateOnly today,
        int noticeDeadlineDays = LetterDataBuilder.DefaultDeadlineDays)
    {
        var list = new List<Deadline>();
        foreach (var d in dispatches)
        {
            var sentOn = c.Events.Where(e => e.Kind == CaseEventKind.EtapeEffectuee && e.Level == d.Level)
                .Select(e => (DateOnly?)e.EffectiveOn).Max();
            if (sentOn is not { } sent) continue;
            var receipt = c.Events.Where(e => e.Kind == CaseEventKind.MiseEnDemeureRecue
                    && (e.Level == d.Level || (e.Level is null
                        && d.LevelName.Contains("demeure", StringComparison.OrdinalIgnoreCase))))
                .Select(e => (DateOnly?)e.EffectiveOn).Min();
            if (receipt is { } received)
                list.Add(new Deadline(DeadlineKind.FinDelaiMiseEnDemeure,
                    ReplyDeadlines.Ends(received, d.DeadlineDays ?? noticeDeadlineDays),
                    $"Fin du délai de la mise en demeure — {c.Debtor.Name}"));
            if (d.State == DispatchState.Deposited && d.Channel is StepChannel.Ere or StepChannel.LreQualifiee)
                list.Add(new Deadline(DeadlineKind.FinAcceptationEre, sent.AddDays(EreAcceptanceDays),
                    $"Fin du délai d'acceptation de la lettre recommandée électronique — {c.Debtor.Name}"));
        }
        if (a.Prescription is { Earliest: { IsTimeBarred: false } p } prescription)
        {
            list.Add(new Deadline(DeadlineKind.Prescription90, p.Deadline.AddDays(-90),
                $"Prescription dans 90 jours (facture {prescription.InvoiceNumber}) — {c.Debtor.Name}"));
            list.Add(new Deadline(DeadlineKind.Prescription30, p.Deadline.AddDays(-30),
                $"Prescription dans 30 jours (facture {prescription.InvoiceNumber}) — {c.Debtor.Name}"));
        }
        if (c.Pauses.Where(x => x.Kind == PauseKind.PromesseDePaiement && x.LiftedOn is null && x.Until is not null)
                .Select(x => x.Until!.Value).DefaultIfEmpty().Max() is var promised && promised != default)
            list.Add(new Deadline(DeadlineKind.EcheancePromesse, promised,
                $"Échéance de la promesse de paiement — {c.Debtor.Name}"));
        return list.Where(d => d.On >= today).GroupBy(d => d.Kind).Select(g => g.OrderByDescending(d => d.On).First())
            .ToList();
    }
}
