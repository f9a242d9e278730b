using AddinHost.Infrastructure.Data;
using AddinHost.Infrastructure.Problems;
using Microsoft.EntityFrameworkCore;

namespace AddinHost.Cases.Import;

/// <summary>A debtor and their unpaid invoices, typed in the pane (an unknown sender in Outlook).</summary>
public sealed record CreateCaseRequest(Guid? CreditorId, NewDebtorRequest? Debtor,
    IReadOnlyList<NewInvoiceRequest>? Invoices);

public sealed record NewDebtorRequest(string? Name, ImportedDebtorKind? Kind, string? Siren, string? Email,
    string? Address, string? PostalCode, string? City);

public sealed record NewInvoiceRequest(string? Number, DateOnly? IssueDate, DateOnly? DueDate, decimal? AmountTtc);

public sealed record CreatedCaseDto(Guid CaseId, ImportReport Report);

/// <summary>
/// Opens a case from what the lawyer typed: checked field by field with the import's own rules, then written by the
/// importer, so a case typed twice is the same case and an invoice already known is not added again.
/// </summary>
public sealed class CaseEntry(InvoiceImporter importer, DunningDbContext db)
{
    public const int MaxInvoices = 50;

    public async Task<CreatedCaseDto> CreateAsync(CreateCaseRequest r, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        void Error(string field, string message) => errors[field] = [message];
        var d = r.Debtor;
        if (r.CreditorId is null) Error("creditorId", "Choisissez le créancier (le cabinet ou son client).");
        if (string.IsNullOrWhiteSpace(d?.Name)) Error("debtor.name", "Le nom du débiteur est obligatoire.");
        if (d?.Kind is null) Error("debtor.kind",
            "Indiquez si le débiteur est un professionnel, un consommateur ou un non-professionnel.");
        var siren = Siren.Normalize(d?.Siren);
        if (siren is not null && !Siren.IsValid(siren)) Error("debtor.siren",
            "SIREN invalide : neuf chiffres avec une clé de contrôle correcte.");
        var email = string.IsNullOrWhiteSpace(d?.Email) ? null : d.Email.Trim();
        if (email is not null && !FrenchValues.IsEmail(email))
            Error("debtor.email", email.Length > FrenchValues.MaxEmailLength
                ? $"Adresse électronique trop longue : {FrenchValues.MaxEmailLength} caractères au plus."
                    : "Adresse électronique invalide.");
        var invoices = r.Invoices ?? [];
        if (invoices.Count == 0) Error("invoices", "Ajoutez au moins une facture impayée.");
        if (invoices.Count > MaxInvoices) Error("invoices",
            $"Au plus {MaxInvoices} factures à la fois : importez un fichier au-delà.");
        for (var i = 0; i < invoices.Count; i++)
        {
            var inv = invoices[i];
            if (string.IsNullOrWhiteSpace(inv.Number)) Error($"invoices[{i}].number",
                "Le numéro de facture est obligatoire.");
            if (inv.IssueDate is null) Error($"invoices[{i}].issueDate", "La date de facture est obligatoire.");
            if (inv.DueDate is null) Error($"invoices[{i}].dueDate", "La date d'échéance est obligatoire.");
            else if (inv.IssueDate is { } issued && inv.DueDate < issued) Error($"invoices[{i}].dueDate",
                "L'échéance ne peut pas précéder la date de facture.");
            if (inv.AmountTtc is not > 0m) Error($"invoices[{i}].amountTtc", "Le montant TTC doit être positif.");
        }
        foreach (var twice in invoices.Where(i => !string.IsNullOrWhiteSpace(i.Number)).GroupBy(i => i.Number!.Trim())
            .Where(g => g.Count() > 1))
            Error("invoices", $"La facture {twice.Key} figure deux fois.");
        if (r.CreditorId is { } creditor && !await db.Creditors.AnyAsync(c => c.Id == creditor, ct)) Error("creditorId",
            "Créancier inconnu.");
        if (errors.Count > 0) throw DomainException.Invalid("Le dossier ne peut pas être créé tel quel.", errors);

        var key = siren ?? email?.ToLowerInvariant() ?? FrenchValues.NormalizeName(d!.Name!);
        var rows = invoices.Select((inv, i) => new ImportedInvoice(i + 1, null, key, d!.Name!.Trim(), d.Kind!.Value,
            siren, email,
            Blank(d.Address), Blank(d.PostalCode), Blank(d.City), inv.Number!.Trim(), inv.IssueDate!.Value,
                inv.DueDate!.Value,
            decimal.Round(inv.AmountTtc!.Value, 2), null, 0m, null)).ToList();
        var report = await importer.ImportAsync(new ImportParseResult("Saisie", rows, [], []), "saisie du volet",
            r.CreditorId, ct);
        var caseId = await db.Cases.Where(c => c.CreditorId == r.CreditorId && c.Debtor.Key == key).Select(c => c.Id)
            .SingleAsync(ct);
        return new CreatedCaseDto(caseId, report);
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
