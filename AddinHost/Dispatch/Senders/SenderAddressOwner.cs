using AddinHost.Cases;
using AddinHost.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace AddinHost.Dispatch.Senders;

/// <summary>The firms' AR24 sender addresses, for the cabinet's own address check.</summary>
internal sealed class SenderAddressOwner(DunningDbContext db) : IFirmAddressOwner
{
    public Task<bool> UsedByAnotherFirmAsync(string email, string tenantId, CancellationToken ct) =>
        db.Ar24SenderAccounts.IgnoreQueryFilters().AnyAsync(a => a.Email == email && a.TenantId != tenantId, ct);
}
