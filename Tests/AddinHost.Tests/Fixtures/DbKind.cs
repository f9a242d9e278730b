namespace AddinHost.Tests.Fixtures;

/// <summary>Every integration test runs on both supported databases.</summary>
public enum DbKind { Sqlite, Postgres }

public static class TestDatabase
{
    /// <summary>A new empty database of the given kind: a temp SQLite file, or a fresh PostgreSQL database.</summary>
    public static async Task<string> CreateAsync(DbKind kind) => kind switch
    {
        DbKind.Postgres => await (await PostgresServer.InstanceAsync()).CreateDatabaseAsync(),
        _ => $"Data Source={Path.Combine(Path.GetTempPath(), "od-" + Guid.NewGuid().ToString("N") + ".db")};Pooling=false",
    };

    /// <summary>Removes a database made by <see cref="CreateAsync"/>, so a test run leaves no disk behind.</summary>
    public static async Task DropAsync(DbKind kind, string connectionString)
    {
        if (kind == DbKind.Postgres)
        {
            await (await PostgresServer.InstanceAsync()).DropDatabaseAsync(connectionString);
            return;
        }
        var file = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connectionString).DataSource;
        foreach (var path in new[] { file, file + "-wal", file + "-shm" })
        {
            try { File.Delete(path); }
            catch (IOException) { /* still open somewhere: the temp folder's own cleaning will take it */ }
        }
    }
}
