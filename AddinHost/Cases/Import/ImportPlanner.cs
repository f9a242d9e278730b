using System.Runtime.CompilerServices;
using AddinHost.Cases.Money;
using AddinHost.Infrastructure.Problems;

namespace AddinHost.Cases.Import;

/// <summary>
/// Turns checked rows and the firm's existing keys into an <see cref="ImportPlan"/>, with no database: rejects the
/// file whole when a line is in error, skips what is already there (creditor + invoice number), adds only the part of
/// a payment not imported before, and opens one case per creditor and debtor.
/// </summary>
public static class ImportPlanner
{
    public static string ReferencePrefix(int year) => $"DR-{year}-";

    // Once per import over every row: optimised at once (see FecParser.Parse).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static ImportPlan Plan(ImportParseResult parsed, string fileName, Guid? creditorId, ImportKeys keys,
        ImportStamp stamp)
    {
        var creditorOf = ResolveCreditors(parsed, creditorId, keys.Creditors, stamp.MaxErrors, out var defaultCreditor);
        var today = stamp.Today;
        var tenant = stamp.TenantId;
        var reference = $"Import {fileName}";
        var warnings = new List<string>();
        var debtors = new List<Debtor>();
        var cases = new List<RecoveryCase>();
        var invoices = new List<Invoice>(parsed.Invoices.Count);
        var payments = new List<Payment>();
        var history = new List<(Guid, HistoryLine)>();
        // Overlays of what this file adds, looked up after the existing keys (which the plan never changes).
        var debtorIds = new Dictionary<string, Guid>();
        var caseIds = new Dictionary<(Guid, Guid), Guid>();
        var added = new Dictionary<(Guid, string), (Guid Id, Guid CaseId)>(parsed.Invoices.Count);
        var paid = new Dictionary<Guid, decimal>();
        var unlettered = new HashSet<(Guid, DateOnly, decimal, string?)>();
        var touched = new Dictionary<Guid, int>();
        int present = 0, lastReference = keys.LastReference;

        Guid? DebtorOf(string key) =>
            keys.DebtorIds.TryGetValue(key, out var id) || debtorIds.TryGetValue(key, out id) ? id : null;
        Guid? CaseOf(Guid creditor, Guid debtor) =>
            keys.CaseIds.TryGetValue((creditor, debtor), out var id) || caseIds.TryGetValue((creditor, debtor), out id)
                ? id : null;

        Guid CaseFor(Guid creditor, ImportedInvoice row)
        {
            if (DebtorOf(row.DebtorKey) is not { } debtorId)
            {
                var d = NewDebtor(row, tenant);
                debtors.Add(d);
                debtorIds[row.DebtorKey] = debtorId = d.Id;
            }
            if (CaseOf(creditor, debtorId) is { } known) return known;
            var c = new RecoveryCase
            {
                CreditorId = creditor, DebtorId = debtorId, OpenedOn = today, TenantId = tenant,
                Reference = $"{ReferencePrefix(today.Year)}{++lastReference:00000}",
            };
            cases.Add(c);
            caseIds[(creditor, debtorId)] = c.Id;
            history.Add((c.Id, new(CaseEventKind.Ouverture, "Dossier ouvert par import", stamp.Actor, stamp.At)
                { EffectiveOn = today }));
            return c.Id;
        }

        foreach (var row in parsed.Invoices)
        {
            var creditor = row.CreditorName is null ? defaultCreditor!.Id : creditorOf[row.Line];
            if (keys.Invoices.TryGetValue((creditor, row.Number), out var known)
                || added.TryGetValue((creditor, row.Number), out known))
            {
                present++;
                var alreadyPaid = paid.TryGetValue(known.Id, out var p)
                    ? p : keys.ImportedPaid.GetValueOrDefault(known.Id);
                if (row.AmountPaid > alreadyPaid)
                {
                    payments.Add(new Payment
                    {
                        CaseId = known.CaseId, InvoiceId = known.Id, Date = today,
                        Amount = row.AmountPaid - alreadyPaid,
                        Reference = reference, Source = PaymentSource.Import, TenantId = tenant,
                    });
                    paid[known.Id] = row.AmountPaid;
                }
                else if (row.AmountPaid < alreadyPaid)
                    warnings.Add($"Ligne {row.Line} : la facture {row.Number} indique un montant réglé inférieur à " +
                                 "celui déjà importé ; rien n'a été modifié.");
                continue;
            }

            var caseId = CaseFor(creditor, row);
            var invoice = new Invoice
            {
                CaseId = caseId, CreditorId = creditor, Number = row.Number, IssueDate = row.IssueDate,
                DueDate = row.DueDate, AmountTtc = row.AmountTtc, AmountHt = row.AmountHt,
                ContractRatePercent = row.ContractRatePercent, TenantId = tenant,
            };
            invoices.Add(invoice);
            added[(creditor, row.Number)] = (invoice.Id, caseId);
            System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(touched, caseId, out _)++;
            if (row.AmountPaid > 0m)
            {
                // The file gives no payment date: record it on the day it was learnt.
                payments.Add(new Payment
                {
                    CaseId = caseId, InvoiceId = invoice.Id, Date = today, Amount = row.AmountPaid,
                    Reference = reference, Source = PaymentSource.Import, TenantId = tenant,
                });
                paid[invoice.Id] = row.AmountPaid;
            }
        }

        foreach (var payment in parsed.Payments)
        {
            if (DebtorOf(payment.DebtorKey) is not { } debtorId
                || CaseOf(defaultCreditor!.Id, debtorId) is not { } caseId)
            {
                warnings.Add($"Ligne {payment.Line} : règlement non lettré d'un client sans facture ouverte, ignoré.");
                continue;
            }
            var key = (caseId, payment.Date, payment.Amount, payment.Reference);
            if (keys.UnletteredPayments.Contains(key) || !unlettered.Add(key)) continue;
            payments.Add(new Payment
            {
                CaseId = caseId, Date = payment.Date, Amount = payment.Amount, Reference = payment.Reference,
                Source = PaymentSource.Import, TenantId = tenant,
            });
        }

        foreach (var (caseId, count) in touched)
            history.Add((caseId, new(CaseEventKind.FacturesImportees,
                $"{count} facture(s) importée(s) ({parsed.Format})", stamp.Actor, stamp.At) { EffectiveOn = today }));

        var report = new ImportReport(parsed.Format, invoices.Count, present, debtors.Count, cases.Count,
            payments.Count, warnings);
        return new ImportPlan(debtors, cases, invoices, payments, history, report);
    }

    /// <summary>Each invoice line's creditor; throws the file's errors (the parser's and unknown creditors).</summary>
    private static Dictionary<int, Guid> ResolveCreditors(ImportParseResult parsed, Guid? creditorId,
        IReadOnlyList<Creditor> creditors, int maxErrors, out Creditor? defaultCreditor)
    {
        var errors = new ImportErrors(maxErrors);
        errors.AddRange(parsed.Errors);
        defaultCreditor = ResolveDefaultCreditor(creditors, creditorId,
            parsed.Invoices.Any(i => i.CreditorName is null) || parsed.Payments.Count > 0);
        // Only the lines that name their creditor: the others (every line of a FEC) take the default.
        var creditorOf = new Dictionary<int, Guid>();
        foreach (var row in parsed.Invoices)
        {
            if (row.CreditorName is null) continue;
            var match = creditors.FirstOrDefault(c =>
                string.Equals(c.Name.Trim(), row.CreditorName.Trim(), StringComparison.OrdinalIgnoreCase));
            if (match is null)
                errors.Add(row.Line, $"créancier « {row.CreditorName} » inconnu du cabinet (créanciers connus : " +
                                     $"{string.Join(", ", creditors.Select(c => c.Name))})");
            else creditorOf[row.Line] = match.Id;
        }
        if (errors.Any || parsed.MoreErrorLines > 0)
            throw Rejected(errors.Kept, parsed.MoreErrorLines + errors.MoreLines);
        return creditorOf;
    }

    private static Creditor? ResolveDefaultCreditor(IReadOnlyList<Creditor> creditors, Guid? creditorId, bool needed)
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
                : "Le fichier ne nomme pas le créancier : précisez-le (creditorId) ou ajoutez une colonne " +
                  "« créancier ».");
    }

    private static Debtor NewDebtor(ImportedInvoice row, string tenant) => new()
    {
        Key = row.DebtorKey, Name = row.DebtorName, TenantId = tenant,
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
            ? $" Les {errors.Count} premières erreurs sont listées ; {moreLines} autre(s) ligne(s) en erreur ne sont " +
              "pas détaillées."
            : "";
        return new DomainException(
            $"Fichier refusé : {lines} ligne(s) en erreur.{more} Aucune facture n'a été importée ; " +
            "corrigez le fichier et relancez l'import.",
            ErrorKind.Unprocessable, byLine)
        {
            Extensions = new Dictionary<string, object?>
            {
                ["lignesEnErreur"] = lines, ["lignesNonDetaillees"] = moreLines,
            },
        };
    }
}
