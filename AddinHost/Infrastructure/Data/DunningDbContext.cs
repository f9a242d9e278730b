using System.Linq.Expressions;
using System.Reflection;
using AddinHost.Infrastructure.Audit;
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

    // Each feature reads its own tables through extension properties beside its entities (db.Cases, db.Dispatches…).
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<Auth.OnboardedTenant> OnboardedTenants => Set<Auth.OnboardedTenant>();
    public DbSet<Auth.TokenCacheEntry> TokenCache => Set<Auth.TokenCacheEntry>();
    public DbSet<Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.DataProtectionKey> DataProtectionKeys =>
        Set<Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder b)
    {
        // Every entity is mapped beside it (IEntityTypeConfiguration<T>); the tenant filter is the same for all.
        b.ApplyConfigurationsFromAssembly(typeof(DunningDbContext).Assembly);
        foreach (var type in b.Model.GetEntityTypes()
            .Where(t => typeof(TenantEntity).IsAssignableFrom(t.ClrType) && !t.IsOwned()))
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
                typeof(DunningDbContext).GetProperty(nameof(CurrentTenantId),
                    BindingFlags.Instance | BindingFlags.NonPublic)!));
        return Expression.Lambda(body, entity);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        StampTenant();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess,
        CancellationToken cancellationToken = default)
    {
        StampTenant();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    // New rows take the current tenant; a row of another tenant can never be written through this context, and a
    // system unit of work (TenantScope.System) writes no firm's row at all.
    private void StampTenant()
    {
        foreach (var entry in ChangeTracker.Entries<TenantEntity>())
        {
            if (entry.State is EntityState.Added or EntityState.Modified or EntityState.Deleted
                && TenantContext.IsSystemId(CurrentTenantId))
                throw new InvalidOperationException("A system unit of work writes no firm's rows.");
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
