using AddinHost.Cases;
using AddinHost.Cases.Planning;
using AddinHost.Dispatch.Outbox;
using AddinHost.Infrastructure.Audit;
using AddinHost.Infrastructure.Data;
using AddinHost.Letters;
using Microsoft.Extensions.Options;

namespace AddinHost.Dispatch.Ar24;

/// <summary>
/// A registered letter's turn (ERE, qualified LRE): a planned one is sent ("Envoi en cours" was committed by the
/// claim, before AR24 is called); one whose outcome is unknown is reconciled; a deposited one is followed.
/// </summary>
public sealed class Ar24Turn(DunningDbContext db, Ar24Client ar24, DispatchAnnexes annexes, Ar24Deposit deposit,
    Ar24Reconciliation reconciliation, Ar24Follow follow, AuditTrail audit, TurnRecorder record,
    TimeProvider clock, IOptions<DispatchOptions> options, IOptions<Ar24Options> ar24Options, WebhookKeys webhookKeys,
    ILogger<Ar24Turn> log) : IOutboxTurn
{
    public Task RunAsync(DispatchItem row, Action<string> fault, CancellationToken ct) =>
        (row.ClaimedFrom ?? row.State) switch
        {
            DispatchState.Planned => SendAsync(row, fault, ct),
            DispatchState.Deposited => follow.RunAsync(row, ct),
            _ => reconciliation.RunAsync(row, fault, ct),
        };

    private async Task SendAsync(DispatchItem row, Action<string> fault, CancellationToken stopping)
    {
        // "Envoi en cours" was committed by the claim: a crash from here on is reconciled, never resent blindly.
        fault("after-sending-recorded");
        // The turn ends with the lease: AR24 then has its own time-out at most to finish, within the grace before "not
        // found" is believed.
        using var turn = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        turn.CancelAfter(TimeSpan.FromSeconds(options.Value.LeaseSeconds));
        var ct = turn.Token;
        string? senderEmail = null;
        try
        {
            // The case, the firm, the letter and the lawyer's sender account: one round trip.
            var (c, cabinet, hasDocuments, letter, account) = await Ar24SendContext.LoadAsync(db, row, ct);
            senderEmail = SenderEmail(row, cabinet);
            LetterRecipient to;
            try { to = DispatchRecipient.For(row, c); }
            catch (Infrastructure.Problems.DomainException e)
            {
                throw new Ar24Exception(new Ar24Error("recipient_changed", e.Message, false));
            }
            // Only an active sender of this firm sends, under the account the firm opened: refused before any call to
            // AR24.
            var sender = account is not null && account.Email == SenderAccounts.Key(senderEmail)
                ? SenderAccounts.ActiveId(account, senderEmail)
                : await SenderAccounts.ActiveIdAsync(db, senderEmail, ct);
            // The recipient is the debtor, or its counsel once the case records one (RIN art. 8.2).
            var recipient = Ar24Recipients.Map(DebtorRecipient.Describe(c.Debtor, to, row.RecipientFirstname,
                row.RecipientLastname), qualified: row.Channel == StepChannel.LreQualifiee);
            if (recipient.Fields is null)
                throw new Ar24Exception(new Ar24Error("destinataire_incomplet",
                    $"Envoi refusé avant tout appel à AR24 : {recipient.Problem}", false));
            // The account is on record before AR24 is called (the PostgreSQL claim records it in the same statement).
            if (row.Ar24SenderId != sender)
            {
                row.Ar24SenderId = sender;
                // The lease was lost: the row is another worker's now.
                if (!await record.SaveAsync(row, ct, done: false)) return;
            }
            // The letter first, then the invoices the policy joins to this step; an upload not followed by a mail
            // costs nothing.
            var joined = hasDocuments ? await annexes.ForAsync(row, ct) : [];
            var files = new List<long>
            {
                await ar24.UploadAttachmentAsync(sender, letter.FileName, letter.Content, ct),
            };
            foreach (var annex in joined)
                files.Add(await ar24.UploadAttachmentAsync(sender, annex.FileName, annex.Content, ct));
            fault("before-send");
            var mail = await ar24.SendMailAsync(new NewAr24Mail(sender, recipient.Fields,
                joined.Count == 0 ? $"{row.LevelName} — dossier {c.Reference}. Le courrier est joint."
                    : $"{row.LevelName} — dossier {c.Reference}. Le courrier est joint, avec les factures concernées.",
                row.Id.ToString(), c.Reference, files, WebhookUrl(row.TenantId),
                Eidas: row.Channel == StepChannel.LreQualifiee, Otp: row.SenderOtp), ct);
            fault("after-send");
            await deposit.RecordAsync(row, mail.Id, "envoyé", ct, letter, c.Reference, joined);
        }
        catch (Ar24Exception e) when (!e.Error.Retryable)
        {
            row.Fail(e.Message);
            if (senderEmail is not null)
                await SenderAccounts.RecordRefusalAsync(db, senderEmail, e.Error, clock.GetUtcNow(), stopping);
            record.Event(row, $"Échec de l'envoi « {row.LevelName} » : {e.Message}", CaseEventKind.EnvoiEchoue);
            audit.Record("envoi.echec", nameof(DispatchItem), row.Id);
        }
        catch (Exception e) when (TurnRecorder.IsUncertain(e))
        {
            // The mail may or may not exist at AR24: only a look-up by our reference may decide.
            row.MarkToVerify(record.In(options.Value.VerifyBackoffSeconds));
            log.LogWarning("Dispatch {DispatchId} to verify after {Error}", row.Id, e.GetType().Name);
        }
        await record.SaveAsync(row, stopping, release: row.State != DispatchState.ToVerify);
    }

    /// <summary>The lawyer's own sender recorded at planning time; the firm's address when none.</summary>
    private static string SenderEmail(DispatchItem row, Cabinet cabinet) =>
        row.SenderEmail ?? cabinet.Email ?? throw new Ar24Exception(new Ar24Error("missing_email",
            "L'adresse électronique du cabinet manque : renseignez-la (identité du cabinet), puis ajoutez-la aux "
                + "expéditeurs AR24.", false));

    /// <summary>Where AR24 calls back for this firm; none (polling only) when the host's public address is not
    /// configured.</summary>
    private string? WebhookUrl(string tenantId) =>
        ar24Options.Value.WebhookBaseUrl is { Length: > 0 } b
            ? $"{b.TrimEnd('/')}/api/webhooks/ar24/{webhookKeys.For(tenantId)}" : null;
}
