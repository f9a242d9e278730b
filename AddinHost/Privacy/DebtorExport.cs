using AddinHost.Cases;
using AddinHost.Infrastructure.Audit;
using AddinHost.Infrastructure.Data;
using AddinHost.Infrastructure.Problems;
using Microsoft.EntityFrameworkCore;
using AddinHost.Calendar;
using AddinHost.Dispatch;
using AddinHost.Letters;
using AddinHost.Proofs;
using AddinHost.Mailbox;

namespace AddinHost.Privacy;

/// <summary>
/// Everything the firm holds on one debtor, for a right-of-access request (GDPR art. 15): the debtor, the addresses
/// linked to them, and each case with its invoices, payments, pauses, acknowledgements, history, letters, dispatches,
/// proofs, calendar entries and documents. Letters, proofs and documents are listed with their hash, not their bytes
/// (each can be downloaded from its own route); the export itself is written to the audit log.
/// </summary>
public sealed class DebtorExport(DunningDbContext db, AuditTrail audit)
{
    public async Task<DebtorExportDto> ExportAsync(Guid debtorId, CancellationToken ct)
    {
        var debtor = await db.Debtors.AsNoTracking().SingleOrDefaultAsync(d => d.Id == debtorId, ct)
            ?? throw DomainException.NotFound("Débiteur");
        var cases = await db.Cases.AsNoTracking().Where(c => c.DebtorId == debtorId).OrderBy(c => c.Reference)
            .ToListAsync(ct);
        var ids = cases.Select(c => c.Id).ToList();
        var creditors = await db.Creditors.AsNoTracking().Where(c => cases.Select(x => x.CreditorId).Contains(c.Id))
            .ToDictionaryAsync(c => c.Id, c => c.Name, ct);
        var invoices = await db.Invoices.AsNoTracking().Where(i => ids.Contains(i.CaseId)).ToListAsync(ct);
        var payments = await db.Payments.AsNoTracking().Where(p => ids.Contains(p.CaseId)).ToListAsync(ct);
        var pauses = await db.Pauses.AsNoTracking().Where(p => ids.Contains(p.CaseId)).ToListAsync(ct);
        var acknowledgements = await db.Acknowledgements.AsNoTracking().Where(a => ids.Contains(a.CaseId))
            .ToListAsync(ct);
        // Sorted here: SQLite cannot order by a date with its offset.
        var events = (await db.CaseEvents.AsNoTracking().Where(e => ids.Contains(e.CaseId)).ToListAsync(ct))
            .OrderBy(e => e.At).ToList();
        var letters = await db.GeneratedLetters.AsNoTracking().Where(l => ids.Contains(l.CaseId))
            .Select(l => new { l.CaseId, l.Id, l.Template, l.Format, l.FileName, l.Sha256, l.CreatedAt })
                .ToListAsync(ct);
        var dispatches = await db.Dispatches.AsNoTracking().Where(d => ids.Contains(d.CaseId)).ToListAsync(ct);
        var proofs = await db.FiledProofs.AsNoTracking().Where(p => ids.Contains(p.CaseId)).ToListAsync(ct);
        var calendar = await db.CalendarEntries.AsNoTracking().Where(e => ids.Contains(e.CaseId)).ToListAsync(ct);
        var documents = await db.CaseDocuments.AsNoTracking().Where(d => ids.Contains(d.CaseId))
            .Select(d => new { d.CaseId, d.FileName, d.Sha256, d.InvoiceNumber, d.Source }).ToListAsync(ct);
        var addresses = await db.DebtorAddresses.AsNoTracking().Where(a => a.DebtorId == debtorId)
            .Select(a => a.Address).ToListAsync(ct);

        audit.Record("debiteur.export", nameof(Debtor), debtorId);
        await db.SaveChangesAsync(ct);
        return new DebtorExportDto(
            new ExportedDebtor(debtor.Id, debtor.Name, debtor.Kind.ToString(), debtor.Siren, debtor.Email,
                debtor.Address, debtor.PostalCode, debtor.City,
                debtor.ConsentsToElectronicRegisteredMail, addresses),
            cases.Select(c => new ExportedCase(c.Id, c.Reference, creditors.GetValueOrDefault(c.CreditorId, ""),
                c.OpenedOn,
                invoices.Where(i => i.CaseId == c.Id)
                    .Select(i => new ExportedInvoice(i.Number, i.IssueDate, i.DueDate, i.AmountTtc)).ToList(),
                payments.Where(p => p.CaseId == c.Id).Select(p => new ExportedPayment(p.Date, p.Amount, p.Reference))
                    .ToList(),
                pauses.Where(p => p.CaseId == c.Id)
                    .Select(p => $"{p.Kind} du {p.StartedOn:dd/MM/yyyy}{(p.Reason is null ? "" : " : " + p.Reason)}")
                    .ToList(),
                acknowledgements.Where(a => a.CaseId == c.Id).Select(a => a.Date).ToList(),
                events.Where(e => e.CaseId == c.Id)
                    .Select(e => new ExportedEvent(e.EffectiveOn, e.Kind.ToString(), e.Summary)).ToList(),
                letters.Where(l => l.CaseId == c.Id)
                    .Select(l => new ExportedFile(l.FileName, l.Sha256, $"/api/cases/{c.Id}/letters/{l.Id}")).ToList(),
                dispatches.Where(d => d.CaseId == c.Id)
                    .Select(d => new ExportedDispatch(d.LevelName, d.Channel.ToString(),
                    Dispatch.Outbox.DispatchStates.Label(d.State), d.TrackingNumber, d.CreatedAt)).ToList(),
                proofs.Where(p => p.CaseId == c.Id)
                    .Select(p => new ExportedFile($"{p.Kind}", p.Sha256,
                    $"/api/dispatches/{p.DispatchId}/proofs/{p.Kind}")).ToList(),
                calendar.Where(e => e.CaseId == c.Id).Select(e => new ExportedDeadline(e.Kind.ToString(), e.On))
                    .ToList(),
                documents.Where(d => d.CaseId == c.Id).Select(d => new ExportedFile(d.FileName, d.Sha256, null))
                    .ToList())).ToList());
    }
}

public sealed record DebtorExportDto(ExportedDebtor Debtor, IReadOnlyList<ExportedCase> Cases);
public sealed record ExportedDebtor(Guid Id, string Name, string Kind, string? Siren, string? Email, string? Address,
    string? PostalCode, string? City,
    bool ConsentsToElectronicRegisteredMail, IReadOnlyList<string> LinkedAddresses);
public sealed record ExportedCase(Guid Id, string Reference, string Creditor, DateOnly OpenedOn,
    IReadOnlyList<ExportedInvoice> Invoices,
    IReadOnlyList<ExportedPayment> Payments, IReadOnlyList<string> Pauses, IReadOnlyList<DateOnly> Acknowledgements,
        IReadOnlyList<ExportedEvent> History,
    IReadOnlyList<ExportedFile> Letters, IReadOnlyList<ExportedDispatch> Dispatches, IReadOnlyList<ExportedFile> Proofs,
    IReadOnlyList<ExportedDeadline> Deadlines, IReadOnlyList<ExportedFile> Documents);
public sealed record ExportedInvoice(string Number, DateOnly IssueDate, DateOnly DueDate, decimal AmountTtc);
public sealed record ExportedPayment(DateOnly Date, decimal Amount, string? Reference);
public sealed record ExportedEvent(DateOnly On, string Kind, string Summary);
public sealed record ExportedFile(string Name, string Sha256, string? Url);
public sealed record ExportedDispatch(string Step, string Channel, string State, string? TrackingNumber,
    DateTimeOffset PlannedAt);
public sealed record ExportedDeadline(string Kind, DateOnly On);
