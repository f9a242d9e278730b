using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace AddinHost.Infrastructure.Data;

// Used only by `dotnet ef migrations add`: one factory per provider, so each keeps its own migrations.
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteDunningDbContext>
{
    public SqliteDunningDbContext CreateDbContext(string[] args) => new(
        new DbContextOptionsBuilder<SqliteDunningDbContext>()
            .UseSqlite("Data Source=design.db", s => s.MigrationsHistoryTable("__ef_migrations")).Options,
        DesignTimeTenant.Instance);
}

internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresDunningDbContext>
{
    public PostgresDunningDbContext CreateDbContext(string[] args) => new(
        new DbContextOptionsBuilder<PostgresDunningDbContext>()
            .UseNpgsql("Host=localhost;Database=design", n => n.MigrationsHistoryTable("__ef_migrations")).Options,
        DesignTimeTenant.Instance);
}

internal sealed class DesignTimeTenant : ITenantContext
{
    public static readonly DesignTimeTenant Instance = new();
    public string TenantId => "design";
}
