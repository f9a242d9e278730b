using AddinHost.Infrastructure.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace AddinHost.Tests.Fixtures;

/// <summary>Every integration test runs on both supported databases.</summary>
public enum DbKind { Sqlite, Postgres }

public static class TestDatabase
{
    /// <summary>
    /// A new database of the given kind with every migration applied: a copy of one database migrated once per test
    /// run (PostgreSQL's <c>CREATE DATABASE … TEMPLATE</c>, a file copy for SQLite). The host's own migration at start
    /// then finds nothing to do, so hundreds of tests do not each build the schema again.
    /// </summary>
    public static async Task<string> CreateAsync(DbKind kind) => kind switch
    {
        DbKind.Postgres => await (await PostgresServer.InstanceAsync())
            .CreateDatabaseAsync(await PostgresTemplate.Value),
        _ => CopySqliteTemplate(await SqliteTemplate.Value),
    };

    /// <summary>A new database with no schema at all, for the tests of migration itself.</summary>
    public static async Task<string> CreateEmptyAsync(DbKind kind) => kind switch
    {
        DbKind.Postgres => await (await PostgresServer.InstanceAsync()).CreateDatabaseAsync(),
        _ => SqliteConnection(Path.Combine(SqliteFolder.Value, "od-" + Guid.NewGuid().ToString("N") + ".db")),
    };

    /// <summary>
    /// This run's folder of SQLite files: memory-backed when the machine has it (a commit's fsync is then free, as
    /// PostgreSQL's is with the fixture's fsync=off), the temp folder otherwise. Durability is not what these tests
    /// check. A killed run's folder is removed by the next run, as the servers' are.
    /// </summary>
    private static readonly Lazy<string> SqliteFolder = new(() =>
    {
        var root = Directory.Exists("/dev/shm") ? "/dev/shm" : null;
        RunFolders.SweepAbandonedAsync("od-sqlite-", _ => Task.CompletedTask, root).GetAwaiter().GetResult();
        var folder = RunFolders.Create("od-sqlite-", root);
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try { Directory.Delete(folder, recursive: true); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { /* the next run sweeps it */ }
        };
        return folder;
    });

    private static readonly Lazy<Task<string>> PostgresTemplate = new(async () =>
    {
        var server = await PostgresServer.InstanceAsync();
        var connection = await server.CreateDatabaseAsync();
        await MigrateAsync(DbKind.Postgres, connection);
        Npgsql.NpgsqlConnection.ClearAllPools(); // a template may have no session open while it is copied
        return new Npgsql.NpgsqlConnectionStringBuilder(connection).Database!;
    });

    private static readonly Lazy<Task<string>> SqliteTemplate = new(async () =>
    {
        var file = Path.Combine(SqliteFolder.Value, "template.db");
        await MigrateAsync(DbKind.Sqlite, SqliteConnection(file));
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        return file;
    });


    private static string CopySqliteTemplate(string template)
    {
        var file = Path.Combine(SqliteFolder.Value, "od-" + Guid.NewGuid().ToString("N") + ".db");
        File.Copy(template, file);
        return SqliteConnection(file);
    }

    private static string SqliteConnection(string file) => $"Data Source={file};Pooling=false";

    private static async Task MigrateAsync(DbKind kind, string connection)
    {
        var tenant = new TenantContext();
        await using DunningDbContext db = kind == DbKind.Postgres
            ? new PostgresDunningDbContext(new DbContextOptionsBuilder<PostgresDunningDbContext>()
                .UseNpgsql(connection, n => n.MigrationsHistoryTable("__ef_migrations")).Options, tenant)
            : new SqliteDunningDbContext(new DbContextOptionsBuilder<SqliteDunningDbContext>()
                .UseSqlite(connection, s => s.MigrationsHistoryTable("__ef_migrations")).Options, tenant);
        await db.Database.MigrateAsync();
    }

    /// <summary>Removes a database made by <see cref="CreateAsync"/>, so a test run leaves no disk behind.</summary>
    public static async Task DropAsync(DbKind kind, string connectionString)
    {
        if (kind == DbKind.Postgres)
        {
            await (await PostgresServer.InstanceAsync()).DropDatabaseAsync(connectionString);
            return;
        }
        var file = new SqliteConnectionStringBuilder(connectionString).DataSource;
        foreach (var path in new[] { file, file + "-wal", file + "-shm" })
        {
            try { File.Delete(path); }
            catch (IOException) { /* still open somewhere: the temp folder's own cleaning will take it */ }
        }
    }
}
