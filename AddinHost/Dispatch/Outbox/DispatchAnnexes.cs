using AddinHost.Cases.Planning;
using AddinHost.Infrastructure.Data;
using AddinHost.Cases;
using Microsoft.EntityFrameworkCore;

namespace AddinHost.Dispatch.Outbox;

/// <summary>
/// The invoice files a step sends with its letter: the case's documents, when the policy's level says « Joindre les
/// factures », in a stable order, as the case held them when the send began (so a letter found again after an
/// interruption files the same annexes).
/// </summary>
public sealed class DispatchAnnexes(DunningDbContext db, PolicyStore policies)
{
    public async Task<List<CaseDocument>> ForAsync(DispatchItem row, CancellationToken ct)
    {
        var levels = (await policies.GetAsync(ct)).Levels;
        if (row.Level < 0 || row.Level >= levels.Count || !levels[row.Level].AttachInvoices)
            return [];
        var documents = await db.CaseDocuments.AsNoTracking().Where(d => d.CaseId == row.CaseId)
            .OrderBy(d => d.InvoiceNumber).ThenBy(d => d.FileName).ThenBy(d => d.Sha256).ToListAsync(ct);
        // Only what the case held when the send began: a file added while the letter was in doubt was not sent with it.
        return row.SendStartedAt is { } started ? documents.Where(d => d.AddedAt.ToUnixTimeMilliseconds() <= started)
            .ToList() : documents;
    }

    /// <summary>The proof kind an annex is filed under, next to the letter: annexe-1, annexe-2…</summary>
    public static string Kind(int index) => $"annexe-{index + 1}";

    public static string Extension(CaseDocument d) =>
        Path.GetExtension(d.FileName).TrimStart('.').ToLowerInvariant() is { Length: > 0 and <= 5 } e
            && e.All(char.IsAsciiLetterOrDigit) ? e : "pdf";
}
