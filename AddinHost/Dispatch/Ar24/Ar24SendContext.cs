using AddinHost.Cases;
using AddinHost.Dispatch.Outbox;
using AddinHost.Infrastructure.Data;
using AddinHost.Letters;
using Microsoft.EntityFrameworkCore;

namespace AddinHost.Dispatch.Ar24;

/// <summary>What a registered letter's send reads before AR24 is called, in one round trip.</summary>
public sealed record Ar24SendContext(RecoveryCase Case, Cabinet Cabinet, bool HasDocuments, GeneratedLetter Letter,
    Ar24SenderAccount? Sender)
{
    /// <summary>
    /// The case with its debtor, the firm, the letter, and the firm's sender account for the address planned on the
    /// row, else the firm's own, in one round trip (joins with single rows). The caller checks the account is the one
    /// of the address it resolves, and looks it up itself otherwise. Whether the case holds invoice files rides along,
    /// so a case without any costs the send no further query.
    /// </summary>
    public static async Task<Ar24SendContext> LoadAsync(DunningDbContext db, DispatchItem row, CancellationToken ct)
    {
        var caseId = row.CaseId;
        var letterId = row.LetterId;
        // The address planned on the row, else the firm's, lower-cased in SQL.
        var key = row.SenderEmail is { } email ? SenderAccounts.Key(email) : null;
        var found = await (
                from x in db.Cases.AsNoTracking().Where(x => x.Id == caseId)
                from cabinet in db.Set<Cabinet>().AsNoTracking()
                from letter in db.Set<GeneratedLetter>().AsNoTracking().Where(l => l.Id == letterId).DefaultIfEmpty()
                // Set<T>() inside the query: an expression tree may not hold the extension properties.
                // The account's three fields as scalar subqueries (SQLite has no lateral join); the address is unique.
                select new
                {
                    Case = x, x.Debtor, Cabinet = cabinet, Letter = letter,
                    SenderEmail = db.Set<Ar24SenderAccount>().Where(a => a.Email == (key ?? cabinet.Email!.ToLower()))
                        .Select(a => a.Email).FirstOrDefault(),
                    SenderState = db.Set<Ar24SenderAccount>().Where(a => a.Email == (key ?? cabinet.Email!.ToLower()))
                        .Select(a => (Ar24SenderState?)a.State).FirstOrDefault(),
                    SenderId = db.Set<Ar24SenderAccount>().Where(a => a.Email == (key ?? cabinet.Email!.ToLower()))
                        .Select(a => a.Ar24UserId).FirstOrDefault(),
                    HasDocuments = db.Set<CaseDocument>().Any(d => d.CaseId == caseId),
                })
            .FirstOrDefaultAsync(ct) ?? throw NoCabinet();
        found.Case.Debtor = found.Debtor;
        var account = found.SenderEmail is null ? null
            : new Ar24SenderAccount
            {
                Email = found.SenderEmail, State = found.SenderState!.Value, Ar24UserId = found.SenderId,
            };
        var sent = found.Letter
            ?? throw new InvalidOperationException($"Letter {letterId} of dispatch {row.Id} not found.");
        return new(found.Case, found.Cabinet, found.HasDocuments, sent, account);
    }

    private static Ar24Exception NoCabinet() => new(new Ar24Error("missing_cabinet",
        "L'identité du cabinet n'est pas renseignée (PUT /api/cabinet) : impossible d'ouvrir le compte expéditeur "
            + "AR24.", false));
}
