using AddinHost.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace AddinHost.Tests.Infrastructure;

/// <summary>
/// Each provider's migrations describe the model as the code maps it: a mapping moved or changed without its
/// migration (or its snapshot) would leave the next deployment's schema behind the code.
/// </summary>
public sealed class ModelMigrationsTests
{
    private static TenantContext Tenant()
    {
        var tenant = new TenantContext();
        tenant.Set("cabinet-modele");
        return tenant;
    }

    [Fact]
    public void Sqlite_migrations_match_the_model()
    {
        using var db = new SqliteDunningDbContext(new DbContextOptionsBuilder<SqliteDunningDbContext>()
            .UseSqlite("Data Source=:memory:").Options, Tenant());
        Assert.False(db.Database.HasPendingModelChanges(), "Modèle SQLite modifié sans migration.");
        Assert.NotEmpty(db.Database.GetMigrations());
    }

    [Fact]
    public void Postgres_migrations_match_the_model()
    {
        // No server is reached: comparing the model with the last snapshot needs none.
        using var db = new PostgresDunningDbContext(new DbContextOptionsBuilder<PostgresDunningDbContext>()
            .UseNpgsql("Host=localhost;Database=modele").Options, Tenant());
        Assert.False(db.Database.HasPendingModelChanges(), "Modèle PostgreSQL modifié sans migration.");
        Assert.NotEmpty(db.Database.GetMigrations());
    }
}
