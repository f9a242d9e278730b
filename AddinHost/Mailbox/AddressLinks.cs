using AddinHost.Infrastructure.Audit;
using AddinHost.Infrastructure.Auth;
using AddinHost.Infrastructure.Data;
using AddinHost.Infrastructure.Problems;
using Microsoft.EntityFrameworkCore;
using AddinHost.Cases;

namespace AddinHost.Mailbox;

/// <summary>Links a sender's address to a debtor, so that its next messages find the debtor's cases.</summary>
public sealed class AddressLinks(DunningDbContext db, AuditTrail audit, CurrentActor actor, TimeProvider clock)
{
    public async Task LinkAsync(LinkAddressRequest body, CancellationToken ct)
    {
        var address = body.Address?.Trim().ToLowerInvariant();
        if (MessageClues.Domain(address) is null)
            throw Problem.Validation("address", "Adresse électronique invalide.");
        var debtorId = body.DebtorId
            ?? throw Problem.Validation("debtorId", "Indiquez le débiteur auquel rattacher l'adresse.");
        if (!await db.Debtors.AnyAsync(d => d.Id == debtorId, ct)) throw DomainException.NotFound("Débiteur");
        var existing = await db.DebtorAddresses.SingleOrDefaultAsync(a => a.Address == address, ct);
        if (existing is not null && existing.DebtorId != debtorId)
            throw DomainException.Conflict("Cette adresse est déjà rattachée à un autre débiteur.");
        if (existing is not null) return;
        var link = new DebtorAddress
        {
            DebtorId = debtorId, Address = address!, LinkedAt = clock.GetUtcNow(), LinkedBy = actor.Id,
        };
        db.DebtorAddresses.Add(link);
        audit.Record("debiteur.adresse-rattachee", nameof(DebtorAddress), link.Id);
        await db.SaveChangesAsync(ct);
    }
}
