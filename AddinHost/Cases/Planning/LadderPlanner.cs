namespace AddinHost.Cases.Planning;

public enum CaseStatus { EnCours, EnPause, EchelleTerminee, Solde, SousLeSeuil }

/// <summary>
/// A step already taken: the policy level's position and its date. For a mise en demeure, <see cref="ReceivedOn"/> is
/// when it reached the debtor (acceptance, refusal, négligence, or the postal first presentation): what follows counts
/// from it, never from the sending, since an ERE may wait 15 days for its recipient (CPCE R.53-3).
/// </summary>
public sealed record StepTaken(int Level, DateOnly On, bool IsNotice = false, DateOnly? ReceivedOn = null);

/// <summary>An active or past hold, as the planner needs it.</summary>
public sealed record PauseWindow(PauseKind Kind, DateOnly StartedOn, DateOnly? Until, DateOnly? LiftedOn)
{
    public bool IsActiveOn(DateOnly day) =>
        StartedOn <= day && (LiftedOn is null || day < LiftedOn) && (Until is null || day <= Until);
}

public static class PauseWindows
{
    /// <summary>The planner's view of a stored pause.</summary>
    public static PauseWindow Window(this Pause p) => new(p.Kind, p.StartedOn, p.Until, p.LiftedOn);
}

public sealed record LadderInput(
    IReadOnlyList<PolicyLevel> Levels,
    decimal ToleranceAmount,
    decimal Balance,
    DateOnly? OldestOpenDueDate,
    IReadOnlyList<StepTaken> Steps,
    IReadOnlyList<PauseWindow> Pauses,
    DateOnly AsOf);

public sealed record NextStep(
    int Level, string Name, StepChannel Channel, string? Template, bool AttachInvoices,
    DateOnly DueOn, bool IsDue, string? BlockedBy);

public sealed record LadderPosition(
    CaseStatus Status, string StatusLabel, int? LastLevel, string? LastLevelName, DateOnly? LastStepOn,
    NextStep? Next, string Explanation);

/// <summary>Derives where a case stands on the ladder and what comes next, from its history alone.</summary>
public static class LadderPlanner
{
    public static LadderPosition Plan(LadderInput input)
    {
        var last = input.Steps.OrderBy(s => s.Level).ThenBy(s => s.On).LastOrDefault();
        string? lastName = last is null ? null : LevelName(input.Levels, last.Level);

        if (input.Balance <= 0m || input.OldestOpenDueDate is null)
            return new(CaseStatus.Solde, "Soldé", last?.Level, lastName, last?.On, null,
                "Aucune somme n'est due : aucune étape à prévoir.");
        if (input.Balance < input.ToleranceAmount)
            return new(CaseStatus.SousLeSeuil, "Sous le seuil de tolérance", last?.Level, lastName, last?.On, null,
                $"Le solde est inférieur au seuil de tolérance de la politique ({input.ToleranceAmount:0.00} €) : " +
                    $"aucune relance.");

        var dueDate = input.OldestOpenDueDate.Value;
        var nextIndex = NextLevelIndex(input.Levels, last?.Level, dueDate, input.AsOf);
        if (nextIndex is null)
            return new(CaseStatus.EchelleTerminee, "Échelle terminée", last?.Level, lastName, last?.On, null,
                "Toutes les étapes de la politique ont été effectuées : la suite relève de la décision de l'avocat.");

        var level = input.Levels[nextIndex.Value];
        var byDelay = dueDate.AddDays(level.DelayDays);
        var awaitingReceipt = last is { IsNotice: true, ReceivedOn: null };
        var gapFrom = last is { IsNotice: true, ReceivedOn: { } received } ? received : last?.On;
        var byGap = gapFrom is { } g ? g.AddDays(level.MinGapDays) : byDelay;
        var dueOn = Max(byDelay, byGap);
        var explanation = last is null
            ? $"{level.Name} prévue à J{level.DelayDays:+0;-0;+0} de l'échéance du {dueDate:dd/MM/yyyy}."
            : last.IsNotice && last.ReceivedOn is { } r
                ? $"{level.Name} prévue à J{level.DelayDays:+0;-0;+0} de l'échéance du {dueDate:dd/MM/yyyy}, au " +
                    $"moins {level.MinGapDays} jours " +
                  $"après la réception de « {lastName} » le {r:dd/MM/yyyy} (son délai court de la réception, non de " +
                      $"l'envoi)."
                : $"{level.Name} prévue à J{level.DelayDays:+0;-0;+0} de l'échéance du {dueDate:dd/MM/yyyy}, au " +
                    $"moins {level.MinGapDays} jours après « {lastName} ».";

        var pause = input.Pauses.FirstOrDefault(p => p.IsActiveOn(input.AsOf));
        string? blockedBy = awaitingReceipt ? AwaitingReceipt : null;
        if (awaitingReceipt)
            explanation +=
                $" La suite attend la réception de « {lastName} » : son délai court de sa réception, de son refus ou " +
                $"de sa " +
                "non-réclamation, ou pour un envoi postal de sa première présentation (à enregistrer).";
        if (pause is not null)
        {
            blockedBy = PauseLabel(pause);
            // A promise to pay has a date: the ladder resumes the day after it.
            if (pause.Until is { } until)
                dueOn = Max(dueOn, until.AddDays(1));
        }

        var next = new NextStep(nextIndex.Value, level.Name, level.Channel, level.Template, level.AttachInvoices,
            dueOn, blockedBy is null && dueOn <= input.AsOf, blockedBy);
        return pause is null
            ? new(CaseStatus.EnCours, awaitingReceipt ? "En cours : " + AwaitingReceipt : "En cours", last?.Level,
                lastName, last?.On, next, explanation)
            : new(CaseStatus.EnPause, $"En pause : {blockedBy}", last?.Level, lastName, last?.On, next,
                $"{explanation} Le dossier est en pause ({blockedBy}) : aucune étape n'est faite pendant la pause.");
    }

    // Levels are taken in order. A reminder meant for before the due date is pointless once it has passed.
    /// <summary>Why the step after a mise en demeure is not due yet: its receipt is not known.</summary>
    public const string AwaitingReceipt = "en attente de la réception de la mise en demeure";

    private static int? NextLevelIndex(IReadOnlyList<PolicyLevel> levels, int? lastLevel, DateOnly dueDate,
        DateOnly asOf)
    {
        for (var i = (lastLevel ?? -1) + 1; i < levels.Count; i++)
        {
            if (levels[i].DelayDays <= 0 && asOf > dueDate && i + 1 < levels.Count)
                continue;
            return i;
        }
        return null;
    }

    private static string? LevelName(IReadOnlyList<PolicyLevel> levels, int level) =>
        level >= 0 && level < levels.Count ? levels[level].Name : $"Étape {level + 1}";

    public static string PauseLabel(PauseWindow pause) => pause.Kind switch
    {
        PauseKind.Litige => "litige en cours",
        PauseKind.PromesseDePaiement => pause.Until is { } u ? $"promesse de paiement jusqu'au {u:dd/MM/yyyy}"
            : "promesse de paiement",
        PauseKind.Echeancier => pause.Until is { } u ? $"échéancier jusqu'au {u:dd/MM/yyyy}" : "échéancier accordé",
        _ => "suspension manuelle",
    };

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;
}
