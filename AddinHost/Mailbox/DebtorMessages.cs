using AddinHost.Cases;
using AddinHost.Infrastructure.Auth;
using AddinHost.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Graph;
using Microsoft.Graph.Models;
using AddinHost.Graph;

namespace AddinHost.Mailbox;

public sealed record DebtorMessageDto(string Id, string? Subject, string? FromAddress, DateTimeOffset? ReceivedAt,
    string? Preview,
    IReadOnlyList<ReplySuggestion> Suggestions);

public sealed record DebtorMessagesDto(Guid CaseId, DateOnly Since, IReadOnlyList<string> Addresses,
    IReadOnlyList<DebtorMessageDto> Messages, bool Truncated);

/// <summary>
/// The debtor's messages since the case's last step, each with its reply hints: in the lawyer's mailbox, or in the
/// shared or delegated one the pane's message came from.
/// </summary>
public sealed class DebtorMessages(DunningDbContext db, CaseRepository cases, GraphClients graph, CurrentActor actor,
    SharedMailbox shared)
{
    public const int MaxMessages = 100;

    public async Task<DebtorMessagesDto> ListAsync(Guid caseId, CancellationToken ct)
    {
        var c = await cases.GetAsync(caseId, ct);
        var since = c.Events.Where(e => e.Kind == CaseEventKind.EtapeEffectuee).Select(e => (DateOnly?)e.EffectiveOn)
            .Max() ?? c.OpenedOn;
        var addresses = await db.DebtorAddresses.Where(a => a.DebtorId == c.DebtorId).Select(a => a.Address)
            .ToListAsync(ct);
        if (c.Debtor.Email is { Length: > 0 } email) addresses.Insert(0, email.Trim().ToLowerInvariant());
        addresses = addresses.Distinct().Take(10).ToList();
        if (addresses.Count == 0) return new DebtorMessagesDto(caseId, since, [], [], false);

        shared.RequireRead("lister les messages du débiteur");
        var mailbox = graph.ForMailbox(actor.Id, shared.Owner);
        var client = mailbox.Client;
        // Graph wants the sorted property first in the filter.
        var filter =
            $"receivedDateTime ge {since:yyyy-MM-dd}T00:00:00Z and " +
            $"({string.Join(" or ", addresses.Select(a => $"from/emailAddress/address eq '{a.Replace("'", "''")}'"))})";
        var request = client.Me.Messages.ToGetRequestInformation(r =>
        {
            r.QueryParameters.Filter = filter;
            r.QueryParameters.Orderby = ["receivedDateTime desc"];
            r.QueryParameters.Top = 25;
            r.QueryParameters.Select = ["id", "subject", "from", "receivedDateTime", "bodyPreview"];
        });
        var first = await GraphErrors.CallAsync(()
            => mailbox.SendAsync(request, MessageCollectionResponse.CreateFromDiscriminatorValue, ct),
            "Boîte aux lettres introuvable.", shared.Owner);

        var found = new List<DebtorMessageDto>();
        var truncated = false;
        var pages = PageIterator<Message, MessageCollectionResponse>.CreatePageIterator(client, first!, m =>
        {
            if (found.Count == MaxMessages) { truncated = true; return false; }
            found.Add(new DebtorMessageDto(m.Id!, m.Subject, m.From?.EmailAddress?.Address, m.ReceivedDateTime,
                m.BodyPreview,
                ReplyHints.Read(m.Subject, m.BodyPreview)));
            return true;
        });
        await GraphErrors.CallAsync(async () => { await pages.IterateAsync(ct); return true; },
            "Boîte aux lettres introuvable.", shared.Owner);
        return new DebtorMessagesDto(caseId, since, addresses, found, truncated);
    }
}
