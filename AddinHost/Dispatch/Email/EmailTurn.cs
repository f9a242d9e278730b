using AddinHost.Cases;
using AddinHost.Dispatch.Outbox;
using AddinHost.Graph;
using AddinHost.Infrastructure.Audit;
using Microsoft.Extensions.Options;

namespace AddinHost.Dispatch.Email;

/// <summary>
/// An e-mail step's turn, from the lawyer's mailbox or a shared or delegated one: sent (or its draft found and sent),
/// or verified after a doubt in the mailbox that holds the draft. Graph is called as the lawyer who planned it.
/// </summary>
public sealed class EmailTurn(EmailSender email, GraphUser user, AuditTrail audit, TurnRecorder record,
    IOptions<DispatchOptions> options, ILogger<EmailTurn> log) : IOutboxTurn
{
    public async Task RunAsync(DispatchItem row, Action<string> fault, CancellationToken ct)
    {
        user.For(row.CreatedBy, row.TenantId);
        var sending = (row.ClaimedFrom ?? row.State) == DispatchState.Planned;
        try
        {
            if (sending)
            {
                fault("after-sending-recorded");
                await email.SendAsync(row, fault, ct);
            }
            else await email.ReconcileAsync(row, fault, ct);
        }
        catch (Exception e) when (EmailSender.IsDefinite(e) || (sending && GraphErrors.SessionProblem(e) is not null))
        {
            // No token for the lawyer's mailbox means the request never left: the step fails with the reason, and is
            // sent again when the lawyer retries it from the pane (which opens a new session). A refusal for another
            // mailbox (no right to send for it, no access to it) says which, and who can grant it.
            row.Fail(GraphErrors.SessionProblem(e) ?? EmailSender.Reason(e, row));
            record.Event(row, $"Échec de la relance par courriel « {row.LevelName} » : {row.FailureReason}",
                CaseEventKind.EnvoiEchoue);
            audit.Record("courriel.echec", nameof(DispatchItem), row.Id);
        }
        catch (Exception e) when (TurnRecorder.IsUncertain(e) || e is Microsoft.Graph.Models.ODataErrors.ODataError
                                      or AggregateException or Microsoft.Kiota.Abstractions.ApiException
                                  || GraphErrors.SessionProblem(e) is not null)
        {
            // Sent or not, only the mailbox can tell: look for the dispatch's mark before anything else.
            row.MarkToVerify(record.In(options.Value.VerifyBackoffSeconds));
            log.LogWarning("E-mail dispatch {DispatchId} to verify after {Error}", row.Id, e.GetType().Name);
        }
        await record.SaveAsync(row, ct, release: row.State != DispatchState.ToVerify);
    }
}
