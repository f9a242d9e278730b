using AddinHost.Graph;
using AddinHost.Infrastructure.Audit;
using AddinHost.Infrastructure.Auth;
using AddinHost.Infrastructure.Data;
using AddinHost.Infrastructure.Problems;

namespace AddinHost.Mailbox;

/// <summary>The message open in Outlook, read from the user's (or the shared) mailbox, and its case.</summary>
public sealed class OpenMessage(GraphClients graph, CurrentActor actor, SharedMailbox shared, MessageCaseFinder finder,
    AuditTrail audit, DunningDbContext db)
{
    public async Task<MessageCaseDto> FindCaseAsync(string itemId, CancellationToken ct)
    {
        if (itemId.Length is 0 or > 512)
            throw Problem.Validation("itemId",
                "Identifiant de message invalide : utilisez l'identifiant REST du message (convertToRestId).");
        shared.RequireRead("retrouver le dossier de ce message");
        var mailbox = graph.ForMailbox(actor.Id, shared.Owner);
        var request = mailbox.Client.Me.Messages[itemId].ToGetRequestInformation(r =>
        {
            r.QueryParameters.Select = ["id", "subject", "from", "receivedDateTime", "body"];
            r.Headers.Add("Prefer", "outlook.body-content-type=\"text\"");
        });
        var message = await GraphErrors.CallAsync(
            () => mailbox.SendAsync(request, Microsoft.Graph.Models.Message.CreateFromDiscriminatorValue, ct),
            shared.Owner is null
                ? "Ce message est introuvable dans votre boîte aux lettres : il a peut-être été déplacé ou supprimé."
                : $"Ce message est introuvable dans la boîte {shared.Owner} : il a peut-être été déplacé ou supprimé.",
            shared.Owner);
        var dto = new MessageDto(message!.Id ?? itemId, message.Subject, message.From?.EmailAddress?.Name,
            message.From?.EmailAddress?.Address, message.ReceivedDateTime) { Mailbox = shared.Owner };
        var found = await finder.FindAsync(dto, message.Body?.Content, ct);
        // The message itself stays out of the log; a shared mailbox is named (it is the firm's, not a debtor's).
        audit.Record(shared.Owner is null ? "messagerie.dossier-du-message" : "messagerie.dossier-du-message-partage",
            "Message", (string?)null);
        await db.SaveChangesAsync(ct);
        return found;
    }
}
