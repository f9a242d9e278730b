using System.Linq.Expressions;
using System.Reflection;
using AddinHost.Cases;
using AddinHost.Cases.Money;
using AddinHost.Cases.Planning;
using AddinHost.Infrastructure.Audit;
using AddinHost.Letters;
using AddinHost.Dispatch.Outbox;
using AddinHost.Proofs;
using Microsoft.EntityFrameworkCore;

namespace AddinHost.Infrastructure.Data;

/// <summary>
/// The one database of the product. Every entity carries a tenant id and every query is filtered by it;
/// the provider-specific subclasses only exist to keep one migrations folder per provider.
/// </summary>
public abstract class DunningDbContext(DbContextOptions options, ITenantContext tenant) : DbContext(options),
    Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.IDataProtectionKeyContext
{
    // Read by the query filters: EF parameterises it per context instance.
    private string CurrentTenantId => tenant.TenantId;

    public DbSet<Cabinet> Cabinets => Set<Cabinet>();
    public DbSet<Creditor> Creditors => Set<Creditor>();
    public DbSet<Debtor> Debtors => Set<Debtor>();
    public DbSet<RecoveryCase> Cases => Set<RecoveryCase>();
    public DbSet<Invoice> Invoices => Set<Invoice>();
    public DbSet<Payment> Payments => Set<Payment>();
    public DbSet<Pause> Pauses => Set<Pause>();
    public DbSet<Acknowledgement> Acknowledgements => Set<Acknowledgement>();
    public DbSet<CaseEvent> CaseEvents => Set<CaseEvent>();
    public DbSet<ReminderPolicy> Policies => Set<ReminderPolicy>();
    public DbSet<InterestRateEntry> InterestRates => Set<InterestRateEntry>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<LetterTemplate> LetterTemplates => Set<LetterTemplate>();
    public DbSet<GeneratedLetter> GeneratedLetters => Set<GeneratedLetter>();
    public DbSet<DispatchItem> Dispatches => Set<DispatchItem>();
    public DbSet<Auth.OnboardedTenant> OnboardedTenants => Set<Auth.OnboardedTenant>();
    public DbSet<Auth.TokenCacheEntry> TokenCache => Set<Auth.TokenCacheEntry>();
    public DbSet<Mailbox.DebtorAddress> DebtorAddresses => Set<Mailbox.DebtorAddress>();
    public DbSet<Calendar.CalendarEntry> CalendarEntries => Set<Calendar.CalendarEntry>();
    public DbSet<Calendar.SharedMailboxCalendar> SharedMailboxCalendars => Set<Calendar.SharedMailboxCalendar>();
    public DbSet<Mailbox.CaseDocument> CaseDocuments => Set<Mailbox.CaseDocument>();
    public DbSet<Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.DataProtectionKey> DataProtectionKeys =>
        Set<Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.DataProtectionKey>();
    public DbSet<Dispatch.Batches.DispatchBatch> Batches => Set<Dispatch.Batches.DispatchBatch>();
    public DbSet<Dispatch.Batches.BatchEntry> BatchEntries => Set<Dispatch.Batches.BatchEntry>();
    public DbSet<FiledProof> FiledProofs => Set<FiledProof>();
    public DbSet<Dispatch.Ar24.Ar24SenderAccount> Ar24SenderAccounts => Set<Dispatch.Ar24.Ar24SenderAccount>();
    public DbSet<Dispatch.Ar24.Ar24SenderClaim> Ar24SenderClaims => Set<Dispatch.Ar24.Ar24SenderClaim>();

    protected override void OnModelCreating(ModelBuilder b)
    {
        b.Entity<Cabinet>(e =>
        {
            e.HasIndex(x => x.TenantId).IsUnique();
            e.Property(x => x.Name).HasMaxLength(200);
        });
        b.Entity<Creditor>(e =>
        {
            e.HasIndex(x => new { x.TenantId, x.Name }).IsUnique();
            e.Property(x => x.Name).HasMaxLength(200);
        });
        b.Entity<Debtor>(e =>
        {
            e.HasIndex(x => new { x.TenantId, x.Key }).IsUnique();
            e.HasIndex(x => new { x.TenantId, x.Email });
            e.Property(x => x.Name).HasMaxLength(200);
            e.Property(x => x.Key).HasMaxLength(254); // an e-mail address may be the key, and one has up to 254 characters
        });
        b.Entity<RecoveryCase>(e =>
        {
            e.HasIndex(x => new { x.TenantId, x.Reference }).IsUnique();
            e.HasIndex(x => new { x.TenantId, x.CreditorId, x.DebtorId }).IsUnique();
            e.HasOne(x => x.Creditor).WithMany().HasForeignKey(x => x.CreditorId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne(x => x.Debtor).WithMany().HasForeignKey(x => x.DebtorId).OnDelete(DeleteBehavior.Restrict);
            e.HasMany(x => x.Invoices).WithOne().HasForeignKey(x => x.CaseId);
            e.HasMany(x => x.Payments).WithOne().HasForeignKey(x => x.CaseId);
            e.HasMany(x => x.Pauses).WithOne().HasForeignKey(x => x.CaseId);
            e.HasMany(x => x.Acknowledgements).WithOne().HasForeignKey(x => x.CaseId);
            e.HasMany(x => x.Events).WithOne().HasForeignKey(x => x.CaseId);
            e.Property(x => x.Reference).HasMaxLength(40);
        });
        // Import key: the same invoice number of the same creditor never enters twice.
        b.Entity<Invoice>(e =>
        {
            e.HasIndex(x => new { x.TenantId, x.CreditorId, x.Number }).IsUnique();
            e.Property(x => x.Number).HasMaxLength(60);
        });
        b.Entity<Payment>(e => e.HasIndex(x => new { x.TenantId, x.CaseId }));
        b.Entity<CaseEvent>(e => e.HasIndex(x => new { x.TenantId, x.CaseId, x.At }));
        b.Entity<ReminderPolicy>(e =>
        {
            e.HasIndex(x => x.TenantId).IsUnique();
            e.OwnsMany(x => x.Levels, l => l.ToJson());
        });
        b.Entity<InterestRateEntry>(e => e.HasIndex(x => new { x.TenantId, x.Kind, x.Year, x.Half }).IsUnique());
        b.Entity<AuditEntry>(e => e.HasIndex(x => new { x.TenantId, x.At }));
        b.Entity<LetterTemplate>(e =>
        {
            e.HasIndex(x => new { x.TenantId, x.Name, x.Version }).IsUnique();
            e.Property(x => x.Name).HasMaxLength(60);
        });
        // Exactly once: one dispatch per case and ladder step.
        b.Entity<DispatchItem>(e =>
        {
            e.HasIndex(x => new { x.TenantId, x.CaseId, x.Level }).IsUnique();
            e.HasIndex(x => new { x.State, x.LeaseUntil });
            e.HasOne<RecoveryCase>().WithMany().HasForeignKey(x => x.CaseId);
            e.HasOne<GeneratedLetter>().WithMany().HasForeignKey(x => x.LetterId);
            e.Property(x => x.RecipientFirstname).HasMaxLength(100);
            e.Property(x => x.RecipientLastname).HasMaxLength(100);
            // A worker whose lease ran out must not overwrite what the row's new holder decided.
            e.Property(x => x.LeaseOwner).IsConcurrencyToken();
            e.Property(x => x.MailboxOwner).HasMaxLength(254);
            e.Property(x => x.DraftMailbox).HasMaxLength(254);
            e.Property(x => x.PlannedByName).HasMaxLength(200);
        });
        b.Entity<Dispatch.Ar24.Ar24SenderAccount>(e =>
        {
            e.HasIndex(x => x.Email).IsUnique(); // across firms, on purpose
            e.Property(x => x.Email).HasMaxLength(254);
            e.Property(x => x.UserId).HasMaxLength(64);
            e.Property(x => x.Gender).HasMaxLength(1);
            e.Property(x => x.Firstname).HasMaxLength(100);
            e.Property(x => x.Lastname).HasMaxLength(100);
        });
        b.ApplyConfiguration(new Dispatch.Ar24.Ar24SenderClaimMapping());
        b.Entity<Dispatch.Batches.BatchEntry>(e =>
        {
            e.HasIndex(x => new { x.TenantId, x.BatchId, x.Position }).IsUnique();
            e.HasIndex(x => new { x.State, x.LeaseUntil });
            e.HasOne<Dispatch.Batches.DispatchBatch>().WithMany().HasForeignKey(x => x.BatchId);
            e.HasOne<RecoveryCase>().WithMany().HasForeignKey(x => x.CaseId);
        });
        // The directory of firms, not a firm's data: no tenant filter.
        b.Entity<Auth.OnboardedTenant>(e =>
        {
            e.HasKey(x => x.TenantId);
            e.Property(x => x.TenantId).HasMaxLength(64);
            e.Property(x => x.Name).HasMaxLength(200);
        });
        // Users' tokens (encrypted by Identity.Web) and the keys that encrypt them: shared by every instance.
        b.Entity<Auth.TokenCacheEntry>(e =>
        {
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).HasMaxLength(449);
            e.HasIndex(x => x.ExpiresAt);
        });
        b.Entity<Mailbox.CaseDocument>(e =>
        {
            e.HasIndex(x => new { x.TenantId, x.CaseId, x.Sha256 }).IsUnique();
            e.Property(x => x.FileName).HasMaxLength(255);
            e.HasOne<RecoveryCase>().WithMany().HasForeignKey(x => x.CaseId);
        });
        b.Entity<Calendar.CalendarEntry>(e =>
        {
            e.HasIndex(x => new { x.TenantId, x.CaseId, x.Kind, x.Owner }).IsUnique();
            e.Property(x => x.Owner).HasMaxLength(254); // a user's object id, or a shared mailbox's address
            e.Property(x => x.GraphEventId).HasMaxLength(512);
            e.HasOne<RecoveryCase>().WithMany().HasForeignKey(x => x.CaseId);
        });
        b.Entity<Calendar.SharedMailboxCalendar>(e =>
        {
            e.HasIndex(x => new { x.TenantId, x.Address }).IsUnique();
            e.Property(x => x.Address).HasMaxLength(254);
            e.Property(x => x.UpdatedBy).HasMaxLength(64);
        });
        b.Entity<Mailbox.DebtorAddress>(e =>
        {
            e.HasIndex(x => new { x.TenantId, x.Address }).IsUnique();
            e.Property(x => x.Address).HasMaxLength(320);
            e.HasOne<Debtor>().WithMany().HasForeignKey(x => x.DebtorId);
        });
        b.Entity<FiledProof>(e =>
        {
            e.HasIndex(x => new { x.TenantId, x.DispatchId, x.Kind }).IsUnique();
            e.HasIndex(x => new { x.TenantId, x.CaseId });
            e.HasOne<RecoveryCase>().WithMany().HasForeignKey(x => x.CaseId);
        });
        b.Entity<GeneratedLetter>(e =>
        {
            e.HasIndex(x => new { x.TenantId, x.CaseId });
            e.HasOne<RecoveryCase>().WithMany().HasForeignKey(x => x.CaseId);
        });

        b.ApplyConfigurationsFromAssembly(typeof(DunningDbContext).Assembly); // mappings kept beside their entities
        foreach (var type in b.Model.GetEntityTypes().Where(t => typeof(TenantEntity).IsAssignableFrom(t.ClrType) && !t.IsOwned()))
        {
            type.FindProperty(nameof(TenantEntity.TenantId))!.SetMaxLength(64);
            b.Entity(type.ClrType).HasQueryFilter(TenantFilter(type.ClrType));
        }
    }

    private LambdaExpression TenantFilter(Type entityType)
    {
        var entity = Expression.Parameter(entityType, "e");
        var body = Expression.Equal(
            Expression.Property(entity, nameof(TenantEntity.TenantId)),
            Expression.Property(Expression.Constant(this, typeof(DunningDbContext)),
                typeof(DunningDbContext).GetProperty(nameof(CurrentTenantId), BindingFlags.Instance | BindingFlags.NonPublic)!));
        return Expression.Lambda(body, entity);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        StampTenant();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        StampTenant();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    // New rows take the current tenant; a row of another tenant can never be written through this context.
    private void StampTenant()
    {
        foreach (var entry in ChangeTracker.Entries<TenantEntity>())
        {
            if (entry.State == EntityState.Added && entry.Entity.TenantId == "")
                entry.Entity.TenantId = CurrentTenantId;
            if (entry.State is EntityState.Added or EntityState.Modified or EntityState.Deleted
                && entry.Entity.TenantId != CurrentTenantId)
                throw new InvalidOperationException("Cross-tenant write refused.");
        }
    }
}

public sealed class SqliteDunningDbContext(DbContextOptions<SqliteDunningDbContext> options, ITenantContext tenant)
    : DunningDbContext(options, tenant);

public sealed class PostgresDunningDbContext(DbContextOptions<PostgresDunningDbContext> options, ITenantContext tenant)
    : DunningDbContext(options, tenant);
