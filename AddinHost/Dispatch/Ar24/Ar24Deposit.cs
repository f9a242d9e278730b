using AddinHost.Cases;
using AddinHost.Dispatch.Outbox;
using AddinHost.Infrastructure;
using AddinHost.Infrastructure.Audit;
using AddinHost.Infrastructure.Data;
using AddinHost.Letters;
using AddinHost.Proofs;
using Microsoft.EntityFrameworkCore;

namespace AddinHost.Dispatch.Ar24;

/// <summary>
/// A letter AR24 holds (sent in this turn, or found there after a doubt): the letter as sent and its annexes join the
/// case's evidence, then the row says "deposited" and the ladder moves on from the history line.
/// </summary>
public sealed class Ar24Deposit(DunningDbContext db, ProofFiling proofs, DispatchAnnexes annexes, AuditTrail audit,
    TimeProvider clock)
{
    public async Task RecordAsync(DispatchItem row, long mailId, string how, CancellationToken ct,
        GeneratedLetter? letter = null, string? reference = null, IReadOnlyList<CaseDocument>? sent = null)
    {
        // The letter as sent joins the case's evidence, write-once, before the state says "deposited".
        letter ??= await db.GeneratedLetters.AsNoTracking().SingleAsync(l => l.Id == row.LetterId, ct);
        reference ??= await db.Cases.Where(c => c.Id == row.CaseId).Select(c => c.Reference).SingleAsync(ct);
        sent ??= await annexes.ForAsync(row, ct);
        // Sent in this turn, the letter was never filed: the filing is saved with the "deposited" state. Found after
        // an interruption, it is looked up first, in case another instance filed it meanwhile.
        var knownAbsent = row.ClaimedFrom == DispatchState.Planned;
        await proofs.FileAsync(row.CaseId, reference, row.Id, "lettre", letter.Content, letter.Format, ct,
            knownAbsent);
        for (var i = 0; i < sent.Count; i++)
            await proofs.FileAsync(row.CaseId, reference, row.Id, DispatchAnnexes.Kind(i), sent[i].Content,
                DispatchAnnexes.Extension(sent[i]), ct, knownAbsent);
        row.Deposit(mailId);
        // The step is taken: the ladder moves on from this event.
        CaseHistory.Record(db, row.CaseId, new(CaseEventKind.EtapeEffectuee,
            $"{row.LevelName} déposée chez AR24 (envoi n° {mailId}, {how})", DispatchProcessor.Actor,
            clock.GetUtcNow())
        {
            EffectiveOn = clock.Today(), Level = row.Level, StepName = row.LevelName,
            InvoiceNumbers = letter.InvoiceNumbers,
        });
        audit.Record("envoi.depose", nameof(DispatchItem), row.Id);
    }
}
