using AddinHost.Cases.Money;
using AddinHost.Infrastructure;
using AddinHost.Infrastructure.Audit;
using AddinHost.Infrastructure.Auth;
using AddinHost.Infrastructure.Data;
using AddinHost.Infrastructure.Problems;
using Microsoft.EntityFrameworkCore;

namespace AddinHost.Cases.Import;

/// <summary>
/// Writes a parsed file all-or-nothing: every line is checked first, then everything is inserted in one
/// transaction, in chunks so a million-line FEC stays within memory. The key is creditor + invoice number.
/// </summary>
public sealed class InvoiceImporter(
    DunningDbContext db, ITenantContext tenant, AuditTrail audit, CurrentActor actor, TimeProvider clock, ImportTurns turns,
    Microsoft.Extensions.Options.IOptions<ImportLimits> limits, ILogger<InvoiceImporter> log)
{
    private const int Chunk = 5000;

    /// <summary>A file: one at a time per firm (another instance's too), read within <see cref="ImportLimits"/>.</summary>
    public async Task<ImportReport> ImportAsync(Stream file, string fileName, Guid? creditorId, CancellationToken ct)
    {
        await using var turn = await turns.TakeAsync(ct);
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var parsed = InvoiceFileParser.Parse(file, fileName, limits.Value.ToOptions());
        log.LogInformation("Import parsed: {Format}, {Invoices} invoices, {Payments} payments, {Errors} errors (+{More} lines) in {Elapsed} ms",
            parsed.Format, parsed.Invoices.Count, parsed.Payments.Count, parsed.Errors.Count, parsed.MoreErrorLines,
            System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        return await ImportAsync(parsed, fileName, creditorId, ct);
    }

    /// <summary>Rows already read and checked (a file, or a case entered by hand): all or nothing, once each.</summary>
    public async Task<ImportReport> ImportAsync(ImportParseResult parsed, string fileName, Guid? creditorId, CancellationToken ct)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var errors = new ImportErrors(limits.Value.MaxErrors);
        errors.AddRange(parsed.Errors);
        var creditors = await db.Creditors.AsNoTracking().ToListAsync(ct);
        var defaultCreditor = ResolveDefaultCreditor(creditors, creditorId, parsed.Invoices.Any(i => i.CreditorName is null) || parsed.Payments.Count > 0);
        var creditorOf = new Dictionary<int, Guid>();
        foreach (var row in parsed.Invoices)
        {
            if (row.CreditorName is null) { creditorOf[row.Line] = defaultCreditor!.Id; continue; }
            var match = creditors.FirstOrDefault(c => string.Equals(c.Name.Trim(), row.CreditorName.Trim(), StringComparison.OrdinalIgnoreCase));
            if (match is null) errors.Add(row.Line, $"créancier « {row.CreditorName} » inconnu du cabinet (créanciers connus : {string.Join(", ", creditors.Select(c => c.Name))})");
            else creditorOf[row.Line] = match.Id;
        }
        if (errors.Any || parsed.MoreErrorLines > 0)
            throw Rejected(errors.Kept, parsed.MoreErrorLines + errors.MoreLines);

        var today = clock.Today();
        var warnings = new List<string>();
        var debtorIds = await db.Debtors.AsNoTracking().Select(d => new { d.Key, d.Id }).ToDictionaryAsync(d => d.Key, d => d.Id, ct);
        var caseIds = await db.Cases.AsNoTracking().Select(c => new { c.CreditorId, c.DebtorId, c.Id })
            .ToDictionaryAsync(c => (c.CreditorId, c.DebtorId), c => c.Id, ct);
        var existing = await db.Invoices.AsNoTracking().Select(i => new { i.CreditorId, i.Number, i.Id, i.CaseId })
            .ToDictionaryAsync(i => (i.CreditorId, i.Number), i => (i.Id, i.CaseId), ct);
        var importedPaid = (await db.Payments.AsNoTracking().Where(p => p.Source == PaymentSource.Import && p.InvoiceId != null)
                .Select(p => new { p.InvoiceId, p.Amount }).ToListAsync(ct))
            .GroupBy(p => p.InvoiceId!.Value).ToDictionary(g => g.Key, g => g.Sum(p => p.Amount));
        var existingPayments = (await db.Payments.AsNoTracking().Where(p => p.Source == PaymentSource.Import && p.InvoiceId == null)
                .Select(p => new { p.CaseId, p.Date, p.Amount, p.Reference }).ToListAsync(ct))
            .Select(p => (p.CaseId, p.Date, p.Amount, p.Reference)).ToHashSet();
        var references = new CaseReferences(db);

        int invoicesCreated = 0, present = 0, debtorsCreated = 0, casesCreated = 0, paymentsCreated = 0, pending = 0;
        var touchedCases = new Dictionary<Guid, int>();
        var newInvoices = new List<Invoice>();
        var newInvoicePayments = new List<Payment>();

        log.LogInformation("Import keys loaded after {Elapsed} ms", System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        async Task FlushIfFull()
        {
            if (++pending < Chunk) return;
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            pending = 0;
        }

        async Task<Guid> CaseFor(Guid creditor, ImportedInvoice? row, string debtorKey)
        {
            if (!debtorIds.TryGetValue(debtorKey, out var debtorId))
            {
                var d = NewDebtor(row!);
                db.Debtors.Add(d);
                debtorIds[debtorKey] = debtorId = d.Id;
                debtorsCreated++;
                await FlushIfFull();
            }
            if (!caseIds.TryGetValue((creditor, debtorId), out var caseId))
            {
                var c = new RecoveryCase { CreditorId = creditor, DebtorId = debtorId, OpenedOn = today, Reference = await references.NextAsync(today.Year, ct) };
                db.Cases.Add(c);
                caseIds[(creditor, debtorId)] = caseId = c.Id;
                CaseHistory.Record(db, caseId, new(CaseEventKind.Ouverture, "Dossier ouvert par import", actor.Id,
                    clock.GetUtcNow()) { EffectiveOn = today });
                casesCreated++;
                await FlushIfFull();
            }
            return caseId;
        }

        foreach (var row in parsed.Invoices)
        {
            var creditor = creditorOf[row.Line];
            if (existing.TryGetValue((creditor, row.Number), out var known))
            {
                present++;
                var existingId = known.Id;
                var alreadyPaid = importedPaid.GetValueOrDefault(existingId);
                if (row.AmountPaid > alreadyPaid)
                {
                    db.Payments.Add(new Payment { CaseId = known.CaseId, InvoiceId = existingId, Date = today, Amount = row.AmountPaid - alreadyPaid, Reference = $"Import {fileName}", Source = PaymentSource.Import });
                    importedPaid[existingId] = row.AmountPaid;
                    paymentsCreated++;
                    await FlushIfFull();
                }
                else if (row.AmountPaid < alreadyPaid)
                    warnings.Add($"Ligne {row.Line} : la facture {row.Number} indique un montant réglé inférieur à celui déjà importé ; rien n'a été modifié.");
                continue;
            }

            var caseId = await CaseFor(creditor, row, row.DebtorKey);
            var invoice = new Invoice
            {
                CaseId = caseId, CreditorId = creditor, Number = row.Number, IssueDate = row.IssueDate, DueDate = row.DueDate,
                AmountTtc = row.AmountTtc, AmountHt = row.AmountHt, ContractRatePercent = row.ContractRatePercent,
                TenantId = tenant.TenantId,
            };
            newInvoices.Add(invoice);
            existing[(creditor, row.Number)] = (invoice.Id, caseId);
            invoicesCreated++;
            touchedCases[caseId] = touchedCases.GetValueOrDefault(caseId) + 1;
            if (row.AmountPaid > 0m)
            {
                // The file gives no payment date: record it on the day it was learnt.
                newInvoicePayments.Add(new Payment { CaseId = caseId, InvoiceId = invoice.Id, Date = today, Amount = row.AmountPaid, Reference = $"Import {fileName}", Source = PaymentSource.Import });
                importedPaid[invoice.Id] = row.AmountPaid;
                paymentsCreated++;
            }
        }

        // Cases exist now; the invoices go in bulk, then the rows that point at them.
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        pending = 0;
        await InvoiceBulkWriter.WriteAsync(db, newInvoices, ct);
        db.Payments.AddRange(newInvoicePayments);

        foreach (var payment in parsed.Payments)
        {
            if (!debtorIds.TryGetValue(payment.DebtorKey, out var debtorId) || !caseIds.TryGetValue((defaultCreditor!.Id, debtorId), out var caseId))
            {
                warnings.Add($"Ligne {payment.Line} : règlement non lettré d'un client sans facture ouverte, ignoré.");
                continue;
            }
            if (!existingPayments.Add((caseId, payment.Date, payment.Amount, payment.Reference)))
                continue;
            db.Payments.Add(new Payment { CaseId = caseId, Date = payment.Date, Amount = payment.Amount, Reference = payment.Reference, Source = PaymentSource.Import });
            paymentsCreated++;
            await FlushIfFull();
        }

        foreach (var (caseId, count) in touchedCases)
        {
            CaseHistory.Record(db, caseId, new(CaseEventKind.FacturesImportees,
                $"{count} facture(s) importée(s) ({parsed.Format})", actor.Id, clock.GetUtcNow())
            {
                EffectiveOn = today,
            });
            await FlushIfFull();
        }
        audit.Record("import.factures", "Import", $"{parsed.Format}:{invoicesCreated}");
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        db.ChangeTracker.Clear();
        log.LogInformation("Import committed: {Invoices} invoices created, {Present} already present, in {Elapsed} ms",
            invoicesCreated, present, System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        return new ImportReport(parsed.Format, invoicesCreated, present, debtorsCreated, casesCreated, paymentsCreated, warnings);
    }

    private static Creditor? ResolveDefaultCreditor(List<Creditor> creditors, Guid? creditorId, bool needed)
    {
        if (creditorId is { } id)
            return creditors.SingleOrDefault(c => c.Id == id)
                ?? throw Problem.Validation("creditorId", "Ce créancier n'existe pas dans le cabinet.");
        if (!needed) return null;
        // With several creditors a guess could file a client's invoices under the firm's name.
        return creditors.Count == 1
            ? creditors[0]
            : throw Problem.Validation("creditorId", creditors.Count == 0
                ? "Aucun créancier n'est enregistré pour ce cabinet : créez-le avant d'importer."
                : "Le fichier ne nomme pas le créancier : précisez-le (creditorId) ou ajoutez une colonne « créancier ».");
    }

    private static Debtor NewDebtor(ImportedInvoice row) => new()
    {
        Key = row.DebtorKey, Name = row.DebtorName,
        Kind = row.DebtorKind switch
        {
            ImportedDebtorKind.Consommateur => DebtorKind.Consommateur,
            ImportedDebtorKind.NonProfessionnel => DebtorKind.NonProfessionnel,
            _ => DebtorKind.Professionnel,
        },
        Siren = row.Siren, Email = row.Email, Address = row.Address, PostalCode = row.PostalCode, City = row.City,
    };

    private static DomainException Rejected(IReadOnlyList<ImportError> errors, int moreLines)
    {
        var byLine = errors.OrderBy(e => e.Line).GroupBy(e => e.Line)
            .ToDictionary(g => g.Key == 0 ? "fichier" : $"ligne {g.Key}", g => g.Select(e => e.Reason).ToArray());
        var lines = byLine.Count + moreLines;
        var more = moreLines > 0
            ? $" Les {errors.Count} premières erreurs sont listées ; {moreLines} autre(s) ligne(s) en erreur ne sont pas détaillées."
            : "";
        return new DomainException(
            $"Fichier refusé : {lines} ligne(s) en erreur.{more} Aucune facture n'a été importée ; corrigez le fichier et relancez l'import.",
            ErrorKind.Unprocessable, byLine) { Extensions = new Dictionary<string, object?> { ["lignesEnErreur"] = lines, ["lignesNonDetaillees"] = moreLines } };
    }
}
