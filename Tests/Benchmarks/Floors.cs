using System.Data.Common;
using AddinHost.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sylvan.Data.Csv;

namespace Benchmarks;

/// <summary>The least work that could answer: read the same rows with plain ADO.NET, or just parse the file.</summary>
public static class Floors
{
    private static readonly string[] CaseTables = ["Cases", "Creditors", "Debtors", "Invoices", "Payments", "Pauses", "Acknowledgements", "CaseEvents"];
    private static readonly string[] ChildTables = ["Invoices", "Payments", "Pauses", "Acknowledgements", "CaseEvents"];

    /// <summary>Every row the planning reads, every column materialised.</summary>
    public static async Task<long> ReadAllCaseRowsAsync(BenchHost host)
    {
        await using var scope = host.Scope();
        var connection = await OpenAsync(scope);
        long values = 0;
        foreach (var table in CaseTables)
            values += await ReadAsync(connection, $"SELECT * FROM \"{table}\" WHERE \"TenantId\" = @p", BenchHost.Tenant);
        return values;
    }

    /// <summary>The rows of one case: the case with its two parties, then each child table.</summary>
    public static async Task<long> ReadOneCaseAsync(BenchHost host, Guid caseId)
    {
        await using var scope = host.Scope();
        var connection = await OpenAsync(scope);
        object id = host.Provider == "Sqlite" ? caseId.ToString().ToUpperInvariant() : caseId;
        var values = await ReadAsync(connection,
            "SELECT * FROM \"Cases\" c JOIN \"Creditors\" cr ON cr.\"Id\" = c.\"CreditorId\" JOIN \"Debtors\" d ON d.\"Id\" = c.\"DebtorId\" WHERE c.\"Id\" = @p", id);
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

    private static async Task<DbConnection> OpenAsync(AsyncServiceScope scope)
    {
        var connection = scope.ServiceProvider.GetRequiredService<DunningDbContext>().Database.GetDbConnection();
        await connection.OpenAsync();
        return connection;
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
