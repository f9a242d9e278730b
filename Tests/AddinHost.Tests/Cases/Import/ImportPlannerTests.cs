using AddinHost.Cases;
using AddinHost.Cases.Import;
using AddinHost.Cases.Money;
using AddinHost.Infrastructure.Data;
using AddinHost.Infrastructure.Problems;

namespace AddinHost.Tests.Cases.Import;

/// <summary>The import's decisions, without a database: what is new, what is already there, what is refused.</summary>
public sealed class ImportPlannerTests
{
    private static readonly Creditor Firm =
        new() { Name = "Cabinet Martin", Kind = CreditorKind.Cabinet, TenantId = "t1" };
    private static readonly ImportStamp Stamp = new("t1", "avocat@cabinet.example",
        new DateTimeOffset(2025, 9, 30, 8, 0, 0, TimeSpan.Zero), new(2025, 9, 30), 1_000);

    private static ImportedInvoice Row(int line, string number, string debtor = "732829320", decimal paid = 0m,
        string? creditor = null) =>
        new(line, creditor, debtor, $"Client {debtor}", ImportedDebtorKind.Professionnel, debtor, null, null, null,
            null, number, new(2025, 2, 1), new(2025, 3, 3), 1_200m, 1_000m, paid, null);

    private static ImportParseResult File(IReadOnlyList<ImportedInvoice> rows,
        IReadOnlyList<ImportedPayment>? payments = null, IReadOnlyList<ImportError>? errors = null) =>
        new("CSV", rows, payments ?? [], errors ?? []);

    private static ImportKeys Keys(int lastReference = 0) =>
        ImportKeys.None with { Creditors = [Firm], LastReference = lastReference };

    /// <summary>The keys the database would hold once <paramref name="plan"/> is written.</summary>
    private static ImportKeys After(ImportKeys keys, ImportPlan plan) => keys with
    {
        DebtorIds = keys.DebtorIds.Concat(plan.Debtors.Select(d => KeyValuePair.Create(d.Key, d.Id))).ToDictionary(),
        CaseIds = keys.CaseIds.Concat(plan.Cases.Select(c => KeyValuePair.Create((c.CreditorId, c.DebtorId), c.Id)))
            .ToDictionary(),
        Invoices = keys.Invoices
            .Concat(plan.Invoices.Select(i => KeyValuePair.Create((i.CreditorId, i.Number), (i.Id, i.CaseId))))
            .ToDictionary(),
        ImportedPaid = plan.Payments.Where(p => p.InvoiceId != null)
            .Select(p => (Id: p.InvoiceId!.Value, p.Amount))
            .Concat(keys.ImportedPaid.Select(p => (Id: p.Key, Amount: p.Value)))
            .GroupBy(p => p.Id).ToDictionary(g => g.Key, g => g.Sum(p => p.Amount)),
        UnletteredPayments = plan.Payments.Where(p => p.InvoiceId == null)
            .Select(p => (p.CaseId, p.Date, p.Amount, p.Reference)).Concat(keys.UnletteredPayments).ToHashSet(),
        LastReference = keys.LastReference + plan.Cases.Count,
    };

    private static (int, int, int, int, int) Counts(ImportReport r) =>
        (r.InvoicesCreated, r.InvoicesAlreadyPresent, r.DebtorsCreated, r.CasesCreated, r.PaymentsCreated);

    [Fact]
    public void New_rows_open_one_case_per_debtor_each_row_stamped_with_the_tenant()
    {
        var plan = ImportPlanner.Plan(File([Row(2, "F-1", paid: 200m), Row(3, "F-2"), Row(4, "F-3", "552100554")]),
            "f.csv", null, Keys(lastReference: 6), Stamp);

        Assert.Equal((3, 0, 2, 2, 1), Counts(plan.Report));
        Assert.Empty(plan.Report.Warnings);
        Assert.Equal(["DR-2025-00007", "DR-2025-00008"], plan.Cases.Select(c => c.Reference));
        Assert.All(plan.Cases, c => Assert.Equal(Firm.Id, c.CreditorId));
        Assert.Equal(plan.Cases[0].Id, plan.Invoices[1].CaseId);
        var payment = Assert.Single(plan.Payments);
        Assert.Equal((plan.Invoices[0].Id, 200m, "Import f.csv", PaymentSource.Import, Stamp.Today),
            (payment.InvoiceId!.Value, payment.Amount, payment.Reference, payment.Source, payment.Date));
        Assert.All(plan.Debtors.Cast<TenantEntity>().Concat(plan.Cases).Concat(plan.Invoices)
            .Concat(plan.Payments), e => Assert.Equal("t1", e.TenantId));
        Assert.Equal([CaseEventKind.Ouverture, CaseEventKind.Ouverture, CaseEventKind.FacturesImportees,
            CaseEventKind.FacturesImportees], plan.History.Select(h => h.Line.Kind));
        Assert.Contains(plan.History,
            h => h.CaseId == plan.Cases[0].Id && h.Line.Summary == "2 facture(s) importée(s) (CSV)");
    }

    [Fact]
    public void The_same_file_again_adds_nothing_and_a_larger_payment_only_its_difference()
    {
        var first = ImportPlanner.Plan(File([Row(2, "F-1", paid: 200m), Row(3, "F-2")]), "f.csv", null, Keys(), Stamp);
        var keys = After(Keys(), first);

        var again = ImportPlanner.Plan(File([Row(2, "F-1", paid: 200m), Row(3, "F-2")]), "f.csv", null, keys, Stamp);
        Assert.Equal((0, 2, 0, 0, 0), Counts(again.Report));
        Assert.Empty(again.Report.Warnings);
        Assert.Empty(again.History);
        Assert.Empty(again.Debtors.Concat<object>(again.Cases).Concat(again.Invoices).Concat(again.Payments));

        var paidMore = ImportPlanner.Plan(File([Row(2, "F-1", paid: 500m), Row(3, "F-2", paid: 0m)]), "g.csv", null,
            keys, Stamp);
        var payment = Assert.Single(paidMore.Payments);
        Assert.Equal((first.Invoices[0].Id, first.Cases[0].Id, 300m),
            (payment.InvoiceId, payment.CaseId, payment.Amount));

        var paidLess = ImportPlanner.Plan(File([Row(7, "F-1", paid: 100m)]), "h.csv", null, keys, Stamp);
        Assert.Empty(paidLess.Payments);
        Assert.Equal(["Ligne 7 : la facture F-1 indique un montant réglé inférieur à celui déjà importé ; " +
            "rien n'a été modifié."], paidLess.Report.Warnings);
    }

    [Fact]
    public void An_unlettered_payment_is_added_once_and_one_of_an_unknown_client_is_ignored_with_a_warning()
    {
        var payments = new ImportedPayment[]
        {
            new(5, "732829320", new(2025, 4, 1), 100m, "VIR1"), new(6, "999", new(2025, 4, 1), 50m, null),
        };
        var first = ImportPlanner.Plan(File([Row(2, "F-1")], payments), "fec.txt", null, Keys(), Stamp);
        Assert.Equal(1, first.Payments.Count(p => p.InvoiceId == null));
        Assert.Equal(["Ligne 6 : règlement non lettré d'un client sans facture ouverte, ignoré."],
            first.Report.Warnings);

        var again = ImportPlanner.Plan(File([Row(2, "F-1")], payments), "fec.txt", null, After(Keys(), first),
            Stamp);
        Assert.Empty(again.Payments);
    }

    [Fact]
    public void A_line_in_error_or_an_unknown_creditor_refuses_the_whole_file()
    {
        var refused = Assert.Throws<DomainException>(() => ImportPlanner.Plan(
            File([Row(2, "F-1"), Row(3, "F-2", creditor: "Inconnu SA")],
                errors: [new(4, "montant TTC nul ou négatif")]),
            "f.csv", null, Keys(), Stamp));
        Assert.StartsWith("Fichier refusé : 2 ligne(s) en erreur.", refused.Message);
        Assert.Equal(["créancier « Inconnu SA » inconnu du cabinet (créanciers connus : Cabinet Martin)"],
            refused.Errors!["ligne 3"]);
        Assert.Equal(["montant TTC nul ou négatif"], refused.Errors["ligne 4"]);

        var noCreditor = Assert.Throws<DomainException>(() =>
            ImportPlanner.Plan(File([Row(2, "F-1")]), "f.csv", null, ImportKeys.None, Stamp));
        Assert.Contains("Aucun créancier", noCreditor.Errors!["creditorId"][0]);
    }

    [Fact]
    public void A_number_twice_in_one_file_for_one_creditor_is_created_once()
    {
        var plan = ImportPlanner.Plan(File([Row(2, "F-1"), Row(3, "F-1", paid: 100m)]), "f.csv", null, Keys(),
            Stamp);
        Assert.Equal((1, 1), (plan.Report.InvoicesCreated, plan.Report.InvoicesAlreadyPresent));
        Assert.Equal(100m, Assert.Single(plan.Payments).Amount);
    }
}
