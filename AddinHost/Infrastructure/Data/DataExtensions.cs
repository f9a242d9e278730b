using AddinHost.Infrastructure.Configuration;
using Microsoft.EntityFrameworkCore;

namespace AddinHost.Infrastructure.Data;

public static class DataExtensions
{
    /// <summary>Registers the tenant-filtered database on the configured provider.</summary>
    public static IHostApplicationBuilder AddDunningData(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<DatabaseOptions>()
            .Bind(builder.Configuration.GetSection(DatabaseOptions.Section))
            .ValidateFrench(DatabaseOptions.Section);
        builder.Services.AddScoped<TenantContext>();
        builder.Services.AddScoped<ITenantContext>(sp => sp.GetRequiredService<TenantContext>());

        var provider = builder.Configuration.GetValue(
            $"{DatabaseOptions.Section}:{nameof(DatabaseOptions.Provider)}", DatabaseProvider.Sqlite);
        var connectionString = builder.Configuration.GetConnectionString("Dunning");
        var embedded = string.IsNullOrWhiteSpace(connectionString);
        var settings = SettingsCheck.Of(builder);
        var refused = embedded && (provider == DatabaseProvider.Postgres || builder.Environment.IsProduction());
        if (embedded && provider == DatabaseProvider.Postgres)
            settings.Refuse("Database:Provider=Postgres exige ConnectionStrings:Dunning " +
                "(ex. « Host=…;Database=dunning;Username=…;Password=… »).", AdminGuide.Azure);
        else if (refused)
            settings.Refuse(
                "ConnectionStrings:Dunning est obligatoire en Production (avec Database:Provider=Postgres) : " +
                "la base SQLite embarquée est une valeur de démonstration.", AdminGuide.Azure);

        builder.Services.AddSingleton(new EmbeddedDefault("Base de données", embedded));
        switch (refused ? DatabaseProvider.Sqlite : provider)
        {
            case DatabaseProvider.Postgres:
                builder.Services.AddDbContext<DunningDbContext, PostgresDunningDbContext>(o => HandledConflicts(
                    o.UseNpgsql(PostgresConnection.Tuned(connectionString!),
                        n => n.MigrationsHistoryTable("__ef_migrations"))));
                break;
            default:
                // A refused start still composes (to list every other problem) without touching the disk.
                var sqlite = refused ? "Data Source=:memory:"
                    : embedded ? EmbeddedSqlite(builder.Environment.ContentRootPath) : connectionString!;
                builder.Services.AddDbContext<DunningDbContext, SqliteDunningDbContext>(o => HandledConflicts(
                    o.UseSqlite(sqlite, s => s.MigrationsHistoryTable("__ef_migrations"))));
                break;
        }
        return builder;
    }

    /// <summary>
    /// EF Core logs every refused command as an error, including the unique-key races the code expects and handles
    /// (<see cref="DbConflicts"/>). Those are information; a failure nobody handles is still logged as an error, by
    /// the request's exception handler or the worker's loop, with its context.
    /// </summary>
    private static DbContextOptionsBuilder HandledConflicts(DbContextOptionsBuilder options) =>
        options.ConfigureWarnings(w => w.Log(
            (Microsoft.EntityFrameworkCore.Diagnostics.CoreEventId.SaveChangesFailed, LogLevel.Information),
            (Microsoft.EntityFrameworkCore.Diagnostics.RelationalEventId.CommandError, LogLevel.Information)));

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
