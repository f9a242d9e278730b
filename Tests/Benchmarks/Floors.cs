using System.Data.Common;
using AddinHost.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sylvan.Data.Csv;

namespace Benchmarks;

/// <summary>The least work that could answer: read the same rows with plain ADO.NET, or just parse the file.</summary>
public static class Floors
{
    private static readonly string[] CaseTables = ["Cases", "Creditors", "Debtors", "Invoices", "Payments",
        "Pauses", "Acknowledgements", "CaseEvents"];
    private static readonly string[] ChildTables = ["Invoices", "Payments", "Pauses", "Acknowledgements", "CaseEvents"];

    /// <summary>Every row the planning reads, every column materialised.</summary>
    public static async Task<long> ReadAllCaseRowsAsync(BenchHost host)
    {
        await using var scope = host.Scope();
        var connection = await OpenAsync(scope);
        long values = 0;
        foreach (var table in CaseTables)
            values += await ReadAsync(connection, $"SELECT * FROM \"{table}\" WHERE \"TenantId\" = @p",
                BenchHost.Tenant);
        return values;
    }

    /// <summary>The rows of one case: the case with its two parties, then each child table.</summary>
    public static async Task<long> ReadOneCaseAsync(BenchHost host, Guid caseId)
    {
        await using var scope = host.Scope();
        var connection = await OpenAsync(scope);
        object id = host.Provider == "Sqlite" ? caseId.ToString().ToUpperInvariant() : caseId;
        var values = await ReadAsync(connection,
            "SELECT * FROM \"Cases\" c JOIN \"Creditors\" cr ON cr.\"Id\" = c.\"CreditorId\" "
                + "JOIN \"Debtors\" d ON d.\"Id\" = c.\"DebtorId\" WHERE c.\"Id\" = @p", id);
        foreach (var table in ChildTables)
            values += await ReadAsync(connection, $"SELECT * FROM \"{table}\" WHERE \"CaseId\" = @p", id);
        return values;
    }

    /// <summary>Parses every field of the FEC with a fast CSV library and does nothing else.</summary>
    public static long ParseFec(string path)
    {
        using var reader = CsvDataReader.Create(path, new CsvDataReaderOptions { Delimiter = '\t' });
        long chars = 0;
        while (reader.Read())
            for (var i = 0; i < reader.FieldCount; i++)
                chars += reader.GetString(i).Length;
        return chars;
    }

    /// <summary>
    /// Writes the rows an import created for <paramref name="tenant"/> again, bare: per table, one INSERT … SELECT
    /// into an empty copy with the same indexes and, when <paramref name="foreignKeys"/>, the same foreign keys (to the
    /// real parent rows), in one transaction; returns its time and the rows.
    /// </summary>
    public static async Task<(TimeSpan Elapsed, long Rows)> InsertSameRowsAsync(BenchHost host, string tenant,
        bool foreignKeys)
    {
        string[] tables = ["Debtors", "Cases", "Invoices", "Payments", "CaseEvents"];
        await using var scope = host.Scope(tenant);
        var connection = await OpenAsync(scope);
        var postgres = host.Provider == "Postgres";
        async Task<long> Run(string sql, DbTransaction? tx = null)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            command.Transaction = tx;
            if (sql.Contains("@p", StringComparison.Ordinal))
            {
                var p = command.CreateParameter();
                p.ParameterName = "p";
                p.Value = tenant;
                command.Parameters.Add(p);
            }
            return await command.ExecuteNonQueryAsync();
        }
        foreach (var table in tables)
        {
            if (postgres)
            {
                await Run($"CREATE TABLE \"bare_{table}\" (LIKE \"{table}\" INCLUDING DEFAULTS INCLUDING INDEXES)");
                if (foreignKeys)
                    foreach (var key in await TextsAsync(connection,
                                 "SELECT pg_get_constraintdef(oid) FROM pg_constraint "
                                 + $"WHERE conrelid = '\"{table}\"'::regclass AND contype = 'f'"))
                        await Run($"ALTER TABLE \"bare_{table}\" ADD {key}");
                continue;
            }
            // SQLite: the table's own definition (with its foreign keys) under another name, or its columns only.
            var definition = (await TextsAsync(connection,
                $"SELECT sql FROM sqlite_master WHERE type = 'table' AND name = '{table}'")).Single();
            await Run(foreignKeys
                ? definition.Replace($"CREATE TABLE \"{table}\"", $"CREATE TABLE \"bare_{table}\"",
                    StringComparison.Ordinal)
                : $"CREATE TABLE \"bare_{table}\" AS SELECT * FROM \"{table}\" WHERE 0");
            foreach (var index in await SqliteIndexesAsync(connection, table))
                await Run(index);
        }
        // The same page cache as the import's bulk insert (SQLite's default would make the floor slower, not bare).
        if (!postgres) await Run($"PRAGMA cache_size = {AddinHost.Infrastructure.Data.BulkInsert.SqliteBulkCacheSize}");
        try
        {
            var sw = System.Diagnostics.Stopwatch.StartNew();
            long rows = 0;
            await using (var tx = await connection.BeginTransactionAsync())
            {
                foreach (var table in tables)
                    rows += await Run(
                        $"INSERT INTO \"bare_{table}\" SELECT * FROM \"{table}\" WHERE \"TenantId\" = @p", tx);
                await tx.CommitAsync();
            }
            return (sw.Elapsed, rows);
        }
        finally
        {
            if (!postgres) await Run("PRAGMA cache_size = -2000");
            foreach (var table in tables.Reverse()) await Run($"DROP TABLE \"bare_{table}\"");
        }
    }

    /// <summary>The table's indexes, made again on its bare copy: the import maintains them (the unique ones are
    /// its dedupe), so the floor does too, as on PostgreSQL.</summary>
    private static async Task<List<string>> SqliteIndexesAsync(DbConnection connection, string table) =>
        (await TextsAsync(connection,
            $"SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = '{table}' AND sql IS NOT NULL"))
        .Select(sql => sql.Replace("INDEX \"", "INDEX \"bare_", StringComparison.Ordinal)
            .Replace($"ON \"{table}\"", $"ON \"bare_{table}\"", StringComparison.Ordinal)).ToList();

    private static async Task<List<string>> TextsAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        var texts = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            texts.Add(reader.GetString(0));
        return texts;
    }

    private static async Task<DbConnection> OpenAsync(AsyncServiceScope scope)
    {
        // Opened by EF, so with the settings the product's connections have (SQLite's foreign keys on).
        var db = scope.ServiceProvider.GetRequiredService<DunningDbContext>();
        await db.Database.OpenConnectionAsync();
        return db.Database.GetDbConnection();
    }

    private static async Task<long> ReadAsync(DbConnection connection, string sql, object parameter)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        var p = command.CreateParameter();
        p.ParameterName = "p";
        p.Value = parameter;
        command.Parameters.Add(p);
        await using var reader = await command.ExecuteReaderAsync();
        long values = 0;
        var row = new object[reader.FieldCount];
        while (await reader.ReadAsync())
            values += reader.GetValues(row);
        return values;
    }
}
