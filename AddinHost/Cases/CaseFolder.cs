using AddinHost.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace AddinHost.Cases;

/// <summary>
/// The one writer of the documents kept with a case: a feature that brings one (an invoice PDF from a message) hands
/// it here and commits it with its own change, as a history line is handed to <see cref="CaseHistory"/>.
/// </summary>
public static class CaseFolder
{
    /// <summary>The hashes of the files the case already keeps, so that none is kept twice.</summary>
    public static Task<List<string>> HashesAsync(DunningDbContext db, Guid caseId, CancellationToken ct) =>
        db.CaseDocuments.Where(d => d.CaseId == caseId).Select(d => d.Sha256).ToListAsync(ct);

    /// <summary>Adds the file to the caller's unit of work; nothing is saved here.</summary>
    public static void Keep(DunningDbContext db, CaseDocument document) => db.CaseDocuments.Add(document);
}
