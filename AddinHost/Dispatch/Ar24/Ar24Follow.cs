using AddinHost.Cases;
using AddinHost.Dispatch.Outbox;
using AddinHost.Infrastructure;
using AddinHost.Infrastructure.Audit;
using AddinHost.Infrastructure.Data;
using AddinHost.Letters;
using AddinHost.Proofs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AddinHost.Dispatch.Ar24;

/// <summary>
/// A deposited letter's turn: reads the mail again at AR24, files every new proof, and records the outcome once the
/// recipient acted (or AR24's failure to send it).
/// </summary>
public sealed class Ar24Follow(DunningDbContext db, Ar24Client ar24, ProofFiling proofs, AuditTrail audit,
    TurnRecorder record, TimeProvider clock, IOptions<DispatchOptions> options)
{
    public async Task RunAsync(DispatchItem row, CancellationToken ct)
    {
        try
        {
            var mail = await ar24.GetMailAsync(row.ProviderMailId!.Value, ct);
            var reference = await db.Cases.Where(c => c.Id == row.CaseId).Select(c => c.Reference).SingleAsync(ct);
            foreach (var (kind, url) in mail.Proofs)
                await proofs.FileAsync(row.CaseId, reference, row.Id, kind,
                    await ar24.DownloadProofAsync(url, ct), "pdf", ct);
            if (mail.Outcome == Ar24Outcome.Failed)
            {
                // AR24 created the mail, then could not send it: a dead letter is not polled for ever. It is not
                // retried from the pane either (a mail exists under its reference): the reason says what to do.
                row.Fail($"AR24 signale l'échec de cet envoi (n° {mail.Id}) : {mail.FailureDetail}. Rien "
                    + "n'a été remis au destinataire ; vérifiez son adresse électronique puis contactez AR24 avant "
                    + "tout nouvel envoi.");
                record.Event(row, $"Échec de l'envoi « {row.LevelName} » signalé par AR24 : {mail.FailureDetail}",
                    CaseEventKind.EnvoiEchoue);
                audit.Record("envoi.echec-ar24", nameof(DispatchItem), row.Id);
                await record.SaveAsync(row, ct, release: true);
                return;
            }

            var (state, label, date) = mail.Outcome switch
            {
                Ar24Outcome.Accepted => (DispatchState.Accepted, "acceptée par le destinataire", mail.ViewDate),
                Ar24Outcome.Refused => (DispatchState.Refused, "refusée par le destinataire", mail.RefusedDate),
                Ar24Outcome.Negligence => (DispatchState.Negligence, "non réclamée dans les 15 jours (négligence)",
                    mail.NegligenceDate),
                Ar24Outcome.Bounced => (DispatchState.Bounced, "non distribuée (adresse en erreur)", mail.BouncedDate),
                _ => (DispatchState.Deposited, null, null),
            };
            if (label is null)
            {
                row.LeaseUntil = record.In(options.Value.PollSeconds);
                await record.SaveAsync(row, ct);
                return;
            }
            row.Conclude(state);
            var on = DateOnly.TryParse(date?[..Math.Min(10, date.Length)],
                System.Globalization.CultureInfo.InvariantCulture, out var d) ? d : clock.Today();
            record.Event(row, $"{row.LevelName} {label} le {on:dd/MM/yyyy} (preuve classée)",
                CaseEventKind.EnvoiSuivi);
            if (state is DispatchState.Accepted or DispatchState.Refused or DispatchState.Negligence)
                await ReceivedAsync(row, label, on, ct);
            audit.Record("envoi.suivi", nameof(DispatchItem), row.Id);
            await record.SaveAsync(row, ct, release: true);
        }
        catch (Exception e) when (TurnRecorder.IsUncertain(e))
        {
            row.LeaseUntil = record.In(options.Value.PollSeconds);
            await record.SaveAsync(row, ct);
        }
    }

    /// <summary>
    /// Accepted, refused or not collected, the letter has reached its recipient in law: a mise en demeure then starts
    /// legal interest and its deadline (C. civ. 1344-1; Cass. 1re civ., 20 janv. 2021, n° 19-20.680); another letter
    /// only when the lawyer marks it as an « interpellation suffisante » (C. civ. 1344). A bounce reaches nobody.
    /// </summary>
    private async Task ReceivedAsync(DispatchItem row, string label, DateOnly on, CancellationToken ct)
    {
        var notice = (await db.GeneratedLetters.AsNoTracking().Where(l => l.Id == row.LetterId)
                .Select(l => l.Template).SingleAsync(ct))
            .StartsWith(Cases.Planning.PolicyLevel.NoticeTemplate, StringComparison.Ordinal);
        CaseHistory.Record(db, row.CaseId, new(
            notice ? CaseEventKind.MiseEnDemeureRecue : CaseEventKind.CourrierRecu,
            $"{(notice ? "Mise en demeure" : row.LevelName)} {label} le {on:dd/MM/yyyy} (preuve AR24) : " +
                (notice ? "les intérêts au taux légal et le délai de paiement courent de cette date"
                    : "date de réception du courrier"),
            DispatchProcessor.Actor, clock.GetUtcNow())
        {
            EffectiveOn = on, Level = row.Level,
        });
    }
}
