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
}
