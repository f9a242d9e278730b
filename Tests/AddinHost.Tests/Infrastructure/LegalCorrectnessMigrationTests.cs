using AddinHost.Cases.Money;
using AddinHost.Infrastructure.Data;
using AddinHost.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using AddinHost.Cases;

namespace AddinHost.Tests.Infrastructure;

/// <summary>
/// A database of the Baseline, with creditors in it, upgraded by LegalCorrectness: a « particulier » creditor becomes a
/// consumer and an « autre » one a professional, so no creditor changes regime by the upgrade.
/// </summary>
public abstract class LegalCorrectnessMigrationTests(DbKind kind) : IAsyncLifetime
{
    private string _connection = "";

    public async Task InitializeAsync() => _connection = await TestDatabase.CreateAsync(kind);

    public async Task DisposeAsync() => await TestDatabase.DropAsync(kind, _connection);

    private DunningDbContext Context()
    {
        var tenant = new TenantContext();
        tenant.Set("cabinet-migration");
        return kind == DbKind.Postgres
            ? new PostgresDunningDbContext(new DbContextOptionsBuilder<PostgresDunningDbContext>()
                .UseNpgsql(_connection, n => n.MigrationsHistoryTable("__ef_migrations")).Options, tenant)
            : new SqliteDunningDbContext(new DbContextOptionsBuilder<SqliteDunningDbContext>()
                .UseSqlite(_connection, s => s.MigrationsHistoryTable("__ef_migrations")).Options, tenant);
    }

    [Fact]
    public async Task Existing_creditors_keep_their_category_as_their_quality()
    {
        await using (var db = Context())
        {
            var migrator = db.GetService<IMigrator>();
            var baseline = db.Database.GetMigrations().Single(m => m.EndsWith("_Baseline", StringComparison.Ordinal));
            await migrator.MigrateAsync(baseline);
            // Category 0 was « Particulier », 1 « Autre ». The SQL is fixed per provider; only the values are
            // parameters.
            var insert = kind == DbKind.Postgres
                ? """INSERT INTO "Creditors" ("Id", "Name", "Kind", "Category", "TenantId")"""
                    + """ VALUES ({0}, {1}, 1, {2}, 'cabinet-migration')"""
                : "INSERT INTO Creditors (Id, Name, Kind, Category, TenantId)"
                    + " VALUES ({0}, {1}, 1, {2}, 'cabinet-migration')";
            foreach (var (name, category) in new[] { ("Particulier SCP", 0), ("Société cliente", 1) })
                await db.Database.ExecuteSqlRawAsync(insert,
                    kind == DbKind.Postgres ? Guid.NewGuid() : Guid.NewGuid().ToString().ToUpperInvariant(),
                    name, category);
            await migrator.MigrateAsync();
        }
        await using var after = Context();
        var qualities = await after.Creditors.AsNoTracking().ToDictionaryAsync(c => c.Name, c => c.Quality);
        Assert.Equal(PartyKind.Consommateur, qualities["Particulier SCP"]);
        Assert.Equal(PartyKind.Professionnel, qualities["Société cliente"]);
        Assert.Empty(await after.Database.GetPendingMigrationsAsync());
    }
}

public sealed class LegalCorrectnessMigrationOnSqlite() : LegalCorrectnessMigrationTests(DbKind.Sqlite);
public sealed class LegalCorrectnessMigrationOnPostgres() : LegalCorrectnessMigrationTests(DbKind.Postgres);
