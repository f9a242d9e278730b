using AddinHost.Cases.Money;
using AddinHost.Infrastructure.Data;
using AddinHost.Infrastructure.Problems;
using Microsoft.EntityFrameworkCore;

namespace AddinHost.Cases;

/// <summary>
/// Loads whole cases (with every child row) for assessment. Children are read table by table and stitched
/// in memory: one plain query per table, rather than joins the planner must get right for every tenant.
/// </summary>
public sealed class CaseRepository(DunningDbContext db, IServiceScopeFactory scopes, ITenantContext tenant)
{
    public async Task<List<RecoveryCase>> AllAsync(CancellationToken ct)
    {
        var cases = await db.Cases.AsNoTracking().Include(c => c.Creditor).Include(c => c.Debtor).ToListAsync(ct);
        await AttachChildrenAsync(cases, () => db.Invoices.AsNoTracking().ToListAsync(ct),
            db.Payments.AsNoTracking(), db.Pauses.AsNoTracking(), db.Acknowledgements.AsNoTracking(),
            db.CaseEvents.AsNoTracking(), ct);
        return cases;
    }

    /// <summary>
    /// Records the case's enforceable title (or its absence), for the interest calculator; the caller saves. Only the
    /// case's own columns are touched, so the judicial phase never edits the table itself.
    /// </summary>
    public async Task SetTitleAsync(Guid caseId, EnforceableTitle? title, CancellationToken ct)
    {
        var c = await db.Cases.SingleOrDefaultAsync(x => x.Id == caseId, ct)
            ?? throw DomainException.NotFound("Dossier");
        (c.TitleEnforceableFrom, c.EnforceableTitleKind, c.TitleIncreaseWaived) =
            (title?.EnforceableFrom, title?.Kind, title?.IncreaseWaived ?? false);
    }

    /// <summary>
    /// Every case, read-only, for the planning: its history holds only the events <see cref="CaseAssessor"/> reads,
    /// with only their kind, level and legal date, so the summaries, free texts and invoice lists of the bulk of the
    /// history (most of the rows, and a JSON conversion each) are never read.
    /// </summary>
    public async Task<List<RecoveryCase>> AllForPlanningAsync(CancellationToken ct)
    {
        // The invoices, most of the rows, are read meanwhile on a second connection of the same firm: the two reads
        // overlap, each turned into objects on its own core. As before, each table is read as it stands when read
        // (a list, not a ledger): a case an import adds meanwhile may show its invoices at the next reading.
        var invoices = Task.Run(() => AssessedInvoicesAsync(ct), ct);
        try
        {
            // The parties are read once each and shared (read-only), not joined to every case: a firm has ten
            // thousand cases for a few creditors.
            var creditors = await db.Creditors.AsNoTracking().ToDictionaryAsync(x => x.Id, ct);
            var debtors = await db.Debtors.AsNoTracking().ToDictionaryAsync(x => x.Id, ct);
            var cases = await db.Cases.AsNoTracking().ToListAsync(ct);
            foreach (var c in cases) (c.Creditor, c.Debtor) = (creditors[c.CreditorId], debtors[c.DebtorId]);
            var events = db.CaseEvents.AsNoTracking().Where(CaseAssessor.ReadsEvent).Select(CaseHistory.AssessedPart);
            await AttachChildrenAsync(cases, () => invoices, db.Payments.AsNoTracking(), db.Pauses.AsNoTracking(),
                db.Acknowledgements.AsNoTracking(), events, ct);
            return cases;
        }
        finally
        {
            // Never leave the side read running past this unit of work (its scope and connection are its own).
            await Task.WhenAny(invoices);
        }
    }

    private async Task<List<Invoice>> AssessedInvoicesAsync(CancellationToken ct)
    {
        await using var side = TenantScope.For(scopes, tenant.TenantId, "planification");
        return await side.ServiceProvider.GetRequiredService<DunningDbContext>().Invoices.AsNoTracking()
            .Select(AssessedInvoice).ToListAsync(ct);
    }

    /// <summary>
    /// The columns of an invoice the assessment reads: the planning's largest table (ten invoices a case), read
    /// without its tenant, creditor and amount before tax.
    /// </summary>
    private static readonly System.Linq.Expressions.Expression<Func<Invoice, Invoice>> AssessedInvoice = i =>
        new Invoice
        {
            Id = i.Id, CaseId = i.CaseId, Number = i.Number, IssueDate = i.IssueDate, DueDate = i.DueDate,
            AmountTtc = i.AmountTtc, ContractRatePercent = i.ContractRatePercent, CompletedOn = i.CompletedOn,
        };

    /// <summary>One case; with <paramref name="tracking"/> its rows can be changed and saved.</summary>
    public async Task<RecoveryCase> GetAsync(Guid id, CancellationToken ct, bool tracking = false)
    {
        var query = db.Cases.Include(c => c.Creditor).Include(c => c.Debtor).Where(c => c.Id == id);
        var c = await (tracking ? query : query.AsNoTracking()).SingleOrDefaultAsync(ct)
            ?? throw DomainException.NotFound("Dossier");
        IQueryable<T> Of<T>(DbSet<T> set) where T : class, ICaseChild
        {
            var q = set.Where(x => x.CaseId == id);
            return tracking ? q : q.AsNoTracking();
        }
        await AttachChildrenAsync([c], () => Of(db.Invoices).ToListAsync(ct), Of(db.Payments), Of(db.Pauses),
            Of(db.Acknowledgements), Of(db.CaseEvents), ct);
        return c;
    }

    /// <summary>Every case of one debtor, with their rows, read-only.</summary>
    public async Task<List<RecoveryCase>> ForDebtorAsync(Guid debtorId, CancellationToken ct)
    {
        var cases = await db.Cases.AsNoTracking().Include(c => c.Creditor).Include(c => c.Debtor)
            .Where(c => c.DebtorId == debtorId).ToListAsync(ct);
        var ids = cases.Select(c => c.Id).ToList();
        IQueryable<T> Of<T>(DbSet<T> set) where T : class,
            ICaseChild => set.AsNoTracking().Where(x => ids.Contains(x.CaseId));
        await AttachChildrenAsync(cases, () => Of(db.Invoices).ToListAsync(ct), Of(db.Payments), Of(db.Pauses),
            Of(db.Acknowledgements), Of(db.CaseEvents), ct);
        return cases;
    }

    private static async Task AttachChildrenAsync(List<RecoveryCase> cases,
        Func<Task<List<Invoice>>> invoices, IQueryable<Payment> payments, IQueryable<Pause> pauses,
        IQueryable<Acknowledgement> acknowledgements, IQueryable<CaseEvent> events, CancellationToken ct)
    {
        var p = (await payments.ToListAsync(ct)).ToLookup(x => x.CaseId);
        var z = (await pauses.ToListAsync(ct)).ToLookup(x => x.CaseId);
        var a = (await acknowledgements.ToListAsync(ct)).ToLookup(x => x.CaseId);
        var e = (await events.ToListAsync(ct)).ToLookup(x => x.CaseId);
        var i = (await invoices()).ToLookup(x => x.CaseId);
        foreach (var c in cases)
        {
            c.Invoices = i[c.Id].ToList();
            c.Payments = p[c.Id].ToList();
            c.Pauses = z[c.Id].ToList();
            c.Acknowledgements = a[c.Id].ToList();
            c.Events = e[c.Id].ToList();
        }
    }
}
