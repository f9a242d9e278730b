using AddinHost.Infrastructure.Data;
using AddinHost.Cases;
using AddinHost.Proofs;
using Microsoft.Extensions.DependencyInjection;

namespace AddinHost.Tests.Fixtures;

/// <summary>Invoice files in a case, as the debtor's messages bring them (the invoice number is the name's first
/// five characters).</summary>
public static class CaseFiles
{
    public static async Task AddAsync(DunningApp app, Guid caseId, IReadOnlyDictionary<string, byte[]> files)
    {
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().Set(app.Tenant);
        var db = scope.ServiceProvider.GetRequiredService<DunningDbContext>();
        foreach (var (name, bytes) in files)
            db.CaseDocuments.Add(new CaseDocument { CaseId = caseId, FileName = name, InvoiceNumber = name[..5],
                Content = bytes, Sha256 = ProofHash.Of(bytes), Source = "test", AddedAt = app.Clock.GetUtcNow() });
        await db.SaveChangesAsync();
    }
}
