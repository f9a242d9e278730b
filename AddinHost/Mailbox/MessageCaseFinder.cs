using AddinHost.Cases;
using AddinHost.Cases.Planning;
using AddinHost.Infrastructure;
using AddinHost.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using AddinHost.Graph;

namespace AddinHost.Mailbox;

/// <summary>
/// Finds the case for a message: the sender's address (or an address linked to a debtor), then the sender's
/// organisation domain, then invoice numbers quoted in the subject or body. Open cases first.
/// </summary>
public sealed class MessageCaseFinder(DunningDbContext db, CaseRepository cases, CaseService assessment,
    TimeProvider clock,
    Microsoft.Extensions.Options.IOptions<GraphOptions> graph)
{
    public async Task<MessageCaseDto> FindAsync(MessageDto message, string? bodyText, CancellationToken ct)
    {
        var address = message.FromAddress?.Trim().ToLowerInvariant();
        var numbers = MessageClues.InvoiceNumbers(
            MessageClues.Searched(message.Subject, bodyText, graph.Value.SearchedBodyCharacters));

        if (address is { Length: > 0 })
        {
            var linked = db.DebtorAddresses.Where(a => a.Address == address).Select(a => a.DebtorId);
            var byAddress = await db.Debtors.Where(d => (d.Email != null && d.Email.ToLower() == address)
                || linked.Contains(d.Id)).Select(d => d.Id).ToListAsync(ct);
            if (byAddress.Count > 0)
                return await ResultAsync(message, MatchKind.Adresse, $"Expéditeur reconnu : {address}.",
                    await CasesOfAsync(byAddress, ct), numbers, ct);

            if (MessageClues.OrganisationDomain(address) is { } domain)
            {
                var suffix = "@" + domain;
                var byDomain = await db.Debtors.Where(d => d.Email != null && d.Email.ToLower().EndsWith(suffix))
                    .Select(d => d.Id).ToListAsync(ct);
                if (byDomain.Count > 0)
                    return await ResultAsync(message, MatchKind.Domaine,
                        $"Adresse inconnue, mais même organisation ({domain}) qu'un débiteur : vérifiez qu'il s'agit " +
                            $"bien de lui.", await CasesOfAsync(byDomain, ct), numbers, ct);
            }
        }
        if (numbers.Count > 0)
        {
            var upper = numbers.Select(n => n.ToUpperInvariant()).ToList();
            var byInvoice = await db.Invoices.Where(i => upper.Contains(i.Number.ToUpper())).Select(i => i.CaseId)
                .Distinct().ToListAsync(ct);
            if (byInvoice.Count > 0)
                return await ResultAsync(message, MatchKind.Facture,
                    $"Facture citée dans le message : {string.Join(", ", numbers)}.", byInvoice, numbers, ct);
        }
        return new MessageCaseDto(message, null,
            "Aucun dossier ne correspond à cet expéditeur ni aux numéros de facture du message.", [], numbers,
            new NoMatchOffer(
                "Créez le dossier de ce débiteur (import de ses factures), ou rattachez cette adresse à un débiteur " +
                "existant.",
                message.FromName, address, "/api/mailbox/links"));
    }

    private Task<List<Guid>> CasesOfAsync(List<Guid> debtorIds, CancellationToken ct) =>
        db.Cases.Where(c => debtorIds.Contains(c.DebtorId)).Select(c => c.Id).ToListAsync(ct);

    private async Task<MessageCaseDto> ResultAsync(MessageDto message, MatchKind kind, string explanation,
        List<Guid> caseIds,
        IReadOnlyList<string> numbers, CancellationToken ct)
    {
        var policy = await assessment.PolicyAsync(ct);
        var rates = await assessment.RatesAsync(ct);
        var today = clock.Today();
        var assessed = new List<(RecoveryCase Case, CaseAssessment Assessment, CaseSummaryDto Summary)>();
        foreach (var id in caseIds.Take(20))
        {
            var c = await cases.GetAsync(id, ct);
            var a = CaseAssessor.Assess(c, policy, rates, today);
            assessed.Add((c, a, CaseMapping.ToSummary(c, a)));
        }
        var ordered = assessed.OrderBy(x => x.Summary.Status == CaseStatus.EnCours ? 0 : 1)
            .ThenBy(x => x.Summary.NextStepDueOn ?? DateOnly.MaxValue).ToList();
        // The pane opens on the first case: its details ride along, so the opening needs no second request.
        var first = ordered.Count > 0 ? CaseMapping.ToDetails(ordered[0].Case, ordered[0].Assessment, policy) : null;
        return new MessageCaseDto(message, kind, explanation, [.. ordered.Select(x => x.Summary)], numbers, null)
        {
            FirstCase = first,
        };
    }
}
