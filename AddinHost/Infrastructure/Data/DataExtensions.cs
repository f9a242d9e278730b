using Microsoft.EntityFrameworkCore;

namespace AddinHost.Infrastructure.Data;

public static class DataExtensions
{
    /// <summary>Registers the tenant-filtered database on the configured provider.</summary>
    public static IHostApplicationBuilder AddDunningData(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<DatabaseOptions>()
            .Bind(builder.Configuration.GetSection(DatabaseOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddScoped<TenantContext>();
        builder.Services.AddScoped<ITenantContext>(sp => sp.GetRequiredService<TenantContext>());

        var provider = builder.Configuration.GetValue(
            $"{DatabaseOptions.Section}:{nameof(DatabaseOptions.Provider)}", DatabaseProvider.Sqlite);
        var connectionString = builder.Configuration.GetConnectionString("Dunning");
        var embedded = string.IsNullOrWhiteSpace(connectionString);
        if (embedded && provider == DatabaseProvider.Postgres)
            throw new InvalidOperationException(
                "Database:Provider=Postgres exige ConnectionStrings:Dunning (ex. « Host=…;Database=dunning;Username=…;Password=… »).");
        if (embedded && builder.Environment.IsProduction())
            throw new InvalidOperationException(
                "La base SQLite embarquée est une valeur de démonstration, refusée en Production : renseignez ConnectionStrings:Dunning.");

        builder.Services.AddSingleton(new EmbeddedDefault("Base de données", embedded));
        switch (provider)
        {
            case DatabaseProvider.Postgres:
                builder.Services.AddDbContext<DunningDbContext, PostgresDunningDbContext>(o =>
                    o.UseNpgsql(connectionString, n => n.MigrationsHistoryTable("__ef_migrations")));
                break;
            default:
                var sqlite = embedded ? EmbeddedSqlite(builder.Environment.ContentRootPath) : connectionString!;
                builder.Services.AddDbContext<DunningDbContext, SqliteDunningDbContext>(o =>
                    o.UseSqlite(sqlite, s => s.MigrationsHistoryTable("__ef_migrations")));
                break;
        }
        return builder;
    }

    private static string EmbeddedSqlite(string contentRoot)
    {
        var folder = Path.Combine(contentRoot, "App_Data");
        Directory.CreateDirectory(folder);
        return $"Data Source={Path.Combine(folder, "dunning.db")}";
    }

    public static async Task MigrateDatabaseAsync(this IServiceProvider services, CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DunningDbContext>();
        await db.Database.MigrateAsync(ct);
    }
}

/// <summary>A built-in default that exists only to show the product; listed by <c>GET /api/info</c>.</summary>
public sealed record EmbeddedDefault(string Name, bool InUse);
