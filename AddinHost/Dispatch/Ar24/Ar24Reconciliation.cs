using AddinHost.Cases;
using AddinHost.Dispatch.Outbox;
using AddinHost.Infrastructure.Audit;
using AddinHost.Infrastructure.Data;
using AddinHost.Infrastructure.Telemetry;
using Microsoft.Extensions.Options;

namespace AddinHost.Dispatch.Ar24;

/// <summary>
/// The turn of a letter whose outcome is unknown (a crash, a time-out, a lost reply): looked up at AR24 by the
/// dispatch id, it is deposited if found, looked up again later while "not found" proves nothing, and planned again
/// only once a complete scan, long after the send began, proves AR24 has no such mail.
/// </summary>
public sealed class Ar24Reconciliation(DunningDbContext db, Ar24Client ar24, Ar24Deposit deposit, AuditTrail audit,
    TurnRecorder record, DunningMetrics metrics, IOptions<DispatchOptions> options, IOptions<Ar24Options> ar24Options,
    ILogger<Ar24Reconciliation> log)
{
    public async Task RunAsync(DispatchItem row, Action<string> fault, CancellationToken ct)
    {
        bool release;
        try
        {
            // The account the letter left from first; the firm's others only for a letter that predates that record.
            var lookup = row.Ar24SenderId is { } recorded ? await FindMailAsync(row, recorded, ct)
                : new MailLookupResult(null, true, 0);
            var complete = lookup.Complete;
            var found = lookup.Found;
            if (found is null)
                foreach (var sender in await SenderAccounts.AllOfFirmAsync(db, ar24, ct))
                {
                    if (sender == row.Ar24SenderId) continue;
                    var other = await FindMailAsync(row, sender, ct);
                    complete &= other.Complete;
                    if ((found = other.Found) is not null) break;
                }
            fault("after-lookup");
            var now = record.Now;
            if (found is not null)
            {
                await deposit.RecordAsync(row, found.Id, "retrouvé chez AR24 après une interruption", ct);
                release = true;
            }
            else if (now < (row.SendStartedAt ?? 0) + options.Value.NotFoundGraceSeconds * 1000L || !complete)
            {
                // Our request may have been cut off while AR24 goes on creating the mail, or the scan did not see
                // every mail since the send began: look again later, never send now.
                if (!complete) LookupIncomplete(row);
                row.MarkToVerify(now + options.Value.VerifyBackoffSeconds * 1000L);
                log.LogInformation("Dispatch {DispatchId} not yet found at AR24: looked up again later", row.Id);
                release = false;
            }
            else
            {
                // Long after the send began, a complete scan of the sender's list proves AR24 has no such mail:
                // sending it is not a second send.
                row.PlanAgain();
                log.LogInformation("Dispatch {DispatchId} not found at AR24: planned again", row.Id);
                release = true;
            }
        }
        catch (Exception e) when (TurnRecorder.IsUncertain(e))
        {
            row.MarkToVerify(record.In(options.Value.VerifyBackoffSeconds));
            release = false;
        }
        await record.SaveAsync(row, ct, release);
    }

    /// <summary>
    /// The sender's list could not be read far enough back: the letter stays « À vérifier » (never planned again), the
    /// reason is shown on it, and the first time it is said in the case's history, the audit log, the logs and a
    /// metric.
    /// </summary>
    private void LookupIncomplete(DispatchItem row)
    {
        metrics.LookupIncomplete();
        log.LogError("Dispatch {DispatchId}: AR24 list not covered back to the send after {Pages} pages; left to "
            + "verify", row.Id, options.Value.LookupMaxPages);
        if (row.FailureReason is not null) return;
        row.FailureReason = "La recherche de ce courrier chez AR24 n'a pas pu remonter jusqu'au début de l'envoi "
            + $"({options.Value.LookupMaxPages} pages lues) : il reste « À vérifier » et ne sera pas renvoyé. "
            + "Vérifiez sur AR24 s'il est parti (référence client = identifiant de l'envoi), ou augmentez "
            + "Dispatch:LookupMaxPages.";
        record.Event(row, $"{row.LevelName} à vérifier : {row.FailureReason}", CaseEventKind.EnvoiEchoue);
        audit.Record("envoi.recherche-incomplete", nameof(DispatchItem), row.Id);
    }

    private Task<MailLookupResult> FindMailAsync(DispatchItem row, long sender, CancellationToken ct) =>
        MailLookup.FindAsync(ar24, sender, row.Id.ToString(), row.SendStartedAt, ar24Options.Value.ListPageSize,
            options.Value.LookupMaxPages, ct);
}
