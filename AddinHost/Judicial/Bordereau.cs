using AddinHost.Cases;
using AddinHost.Cases.Planning;
using AddinHost.Letters;

namespace AddinHost.Judicial;

/// <summary>What an exhibit is, so the court file can find its document.</summary>
public enum PieceKind { Facture, Relance, MiseEnDemeure, PreuveReception }

/// <summary>One exhibit of the bordereau: its number, its title, and what it points to.</summary>
public sealed record Piece(int Number, PieceKind Kind, string Title, string? InvoiceNumber = null, int? Level = null);

/// <summary>
/// The bordereau of the exhibits a requête en injonction de payer lists and is filed with (CPC 1407, mandatory since 1
/// March 2022), in one fixed order that the court file follows: each invoice still owed (by due date, then number),
/// each reminder sent (not the courtesy messages before the due date, as the letters list them), the mise en demeure
/// as sent, then the proof of its receipt, refusal or non-collection. Pure: from the case and its assessment.
/// </summary>
public static class Bordereau
{
    public static IReadOnlyList<Piece> For(RecoveryCase c, CaseAssessment a, ReminderPolicy policy)
    {
        var pieces = new List<Piece>();
        foreach (var i in LetterDataBuilder.Listed(c, a))
            pieces.Add(new(pieces.Count + 1, PieceKind.Facture,
                $"Facture n° {i.Number} du {i.IssueDate:dd/MM/yyyy}, échéance le {i.DueDate:dd/MM/yyyy} " +
                $"({CaseCommands.Money(i.AmountTtc)} TTC)", i.Number));
        var dueDates = c.Invoices.ToDictionary(i => i.Number, i => i.DueDate);
        var steps = c.Events
            .Where(e => e.Kind == CaseEventKind.EtapeEffectuee && e.Level is { } l && e.EffectiveOn <= a.AsOf
                        && (l >= policy.Levels.Count
                            || policy.Levels[l].Channel is not (StepChannel.Decision or StepChannel.Telephone)))
            .Where(e => !(e.InvoiceNumbers.Count > 0
                          && e.InvoiceNumbers.All(n => dueDates.TryGetValue(n, out var due) && due >= e.EffectiveOn)))
            .OrderBy(e => e.EffectiveOn).ThenBy(e => e.Level).ToList();
        foreach (var step in steps)
        {
            var level = step.Level!.Value;
            var notice = level < policy.Levels.Count && policy.Levels[level].IsNotice;
            var name = step.StepName ?? (level < policy.Levels.Count ? policy.Levels[level].Name : $"Étape " +
                $"{level + 1}");
            pieces.Add(new(pieces.Count + 1, notice ? PieceKind.MiseEnDemeure : PieceKind.Relance,
                notice ? $"Mise en demeure du {step.EffectiveOn:dd/MM/yyyy}, telle qu'envoyée"
                    : $"{name} du {step.EffectiveOn:dd/MM/yyyy}", Level: level));
            if (!notice) continue;
            var receipt = c.Events
                .Where(e => e.Kind == CaseEventKind.MiseEnDemeureRecue && (e.Level == level || e.Level is null))
                .OrderBy(e => e.EffectiveOn).FirstOrDefault();
            if (receipt is not null)
                pieces.Add(new(pieces.Count + 1, PieceKind.PreuveReception,
                    $"Preuve de la réception, du refus ou de la non-réclamation de la mise en demeure, le " +
                    $"{receipt.EffectiveOn:dd/MM/yyyy}", Level: level));
        }
        return pieces;
    }
}
