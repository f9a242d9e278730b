namespace AddinHost.Cases.Money;

public sealed record PrescriptionInfo(DateOnly Deadline, int Years, DateOnly RunsFrom, string Reason, int DaysLeft, bool IsTimeBarred);

/// <summary>When a claim becomes time-barred. A mise en demeure does not interrupt it; an acknowledgement does.</summary>
public static class Prescription
{
    public static PrescriptionInfo Compute(DebtorKind kind, DateOnly dueDate, DateOnly? lastAcknowledgement, DateOnly asOf)
    {
        var years = kind == DebtorKind.Consommateur ? 2 : 5;
        var restarted = lastAcknowledgement is { } ack && ack > dueDate;
        var runsFrom = restarted ? lastAcknowledgement!.Value : dueDate;
        var deadline = runsFrom.AddYears(years);
        var basis = kind == DebtorKind.Consommateur
            ? "2 ans pour l'action d'un professionnel contre un consommateur (art. L.218-2 C. conso.)"
            : "5 ans (art. L.110-4 C. com. et 2224 C. civ.)";
        var from = restarted
            ? $"depuis le {runsFrom:dd/MM/yyyy}, date de la dernière reconnaissance de dette ou du dernier paiement, qui l'a interrompue (art. 2240 C. civ.)"
            : $"depuis le {runsFrom:dd/MM/yyyy}, date d'exigibilité";
        // Art. 2229: prescription is acquired once the last day of the period has passed.
        return new PrescriptionInfo(deadline, years, runsFrom, $"Prescription de {basis}, {from} : action à engager au plus tard le {deadline:dd/MM/yyyy}.",
            deadline.DayNumber - asOf.DayNumber, asOf > deadline);
    }
}
