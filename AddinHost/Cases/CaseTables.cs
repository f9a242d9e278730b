using AddinHost.Infrastructure.Data;
using AddinHost.Cases.Money;
using AddinHost.Cases.Planning;
using Microsoft.EntityFrameworkCore;

namespace AddinHost.Cases;

/// <summary>The tables Cases owns, read and written as <c>db.Cases</c>, <c>db.Invoices</c>… by the features allowed
/// to.</summary>
public static class CaseTables
{
    extension(DunningDbContext db)
    {
        public DbSet<Cabinet> Cabinets => db.Set<Cabinet>();
        public DbSet<Creditor> Creditors => db.Set<Creditor>();
        public DbSet<Debtor> Debtors => db.Set<Debtor>();
        public DbSet<RecoveryCase> Cases => db.Set<RecoveryCase>();
        public DbSet<Invoice> Invoices => db.Set<Invoice>();
        public DbSet<Payment> Payments => db.Set<Payment>();
        public DbSet<Pause> Pauses => db.Set<Pause>();
        public DbSet<Acknowledgement> Acknowledgements => db.Set<Acknowledgement>();
        public DbSet<CaseEvent> CaseEvents => db.Set<CaseEvent>();
        public DbSet<CaseDocument> CaseDocuments => db.Set<CaseDocument>();
        public DbSet<ReminderPolicy> Policies => db.Set<ReminderPolicy>();
        public DbSet<InterestRateEntry> InterestRates => db.Set<InterestRateEntry>();
    }
}
