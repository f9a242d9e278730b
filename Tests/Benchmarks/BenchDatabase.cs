using AddinHost.Tests.Fixtures;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Benchmarks;

/// <summary>A throw-away database per benchmark, removed afterwards so that runs leave no disk behind.</summary>
internal static class BenchDatabase
{
    public static async Task<string> CreateAsync(string provider, string name) => provider == "Postgres"
        ? await (await PostgresServer.InstanceAsync()).CreateDatabaseAsync()
        : $"Data Source={Path.Combine(Path.GetTempPath(), $"od-{name}-{Guid.NewGuid():N}.db")}";

    /// <summary>Call once the host using it is disposed.</summary>
    public static async Task DropAsync(string provider, string connection)
    {
        if (provider == "Postgres")
        {
            await (await PostgresServer.InstanceAsync()).DropDatabaseAsync(connection);
            return;
        }
        SqliteConnection.ClearAllPools();
        var file = new SqliteConnectionStringBuilder(connection).DataSource;
        foreach (var path in new[] { file, file + "-wal", file + "-shm" })
        {
            try { File.Delete(path); }
            catch (IOException) { /* still open: the temp folder's own cleaning will take it */ }
        }
    }
}
