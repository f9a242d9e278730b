using System.Data.Common;
using AddinHost.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;

namespace AddinHost.Cases.Import;

/// <summary>
/// Inserts new invoices in bulk inside the import's transaction: binary COPY on PostgreSQL, one prepared
/// statement on SQLite. Columns and value conversions come from the EF model, so rows read back exactly
/// as if EF had written them. A year of FEC is hundreds of thousands of invoices: the change tracker is too slow.
/// </summary>
public static class InvoiceBulkWriter
{
    public static async Task WriteAsync(DunningDbContext db, IReadOnlyCollection<Invoice> invoices, CancellationToken ct)
    {
        if (invoices.Count == 0) return;
        var entity = db.Model.FindEntityType(typeof(Invoice))!;
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var columns = entity.GetProperties().Select(p => (Property: p, Column: p.GetColumnName(table)!)).ToList();
        var connection = db.Database.GetDbConnection();
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("Bulk insert must run inside the import transaction.");

        if (connection is NpgsqlConnection npgsql)
            await CopyAsync(npgsql, table.Name, columns, invoices, ct);
        else
            await InsertAsync(connection, transaction, table.Name, columns, invoices, ct);
    }

    private static async Task CopyAsync(NpgsqlConnection connection, string table, List<(IProperty Property, string Column)> columns,
        IReadOnlyCollection<Invoice> invoices, CancellationToken ct)
    {
        var sql = $"COPY \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c.Column}\""))}) FROM STDIN (FORMAT BINARY)";
        await using var writer = await connection.BeginBinaryImportAsync(sql, ct);
        foreach (var invoice in invoices)
        {
            await writer.StartRowAsync(ct);
            foreach (var (property, _) in columns)
            {
                var value = property.GetGetter().GetClrValue(invoice);
                if (value is null) await writer.WriteNullAsync(ct);
                else await writer.WriteAsync(value, NpgsqlType(property.ClrType), ct);
            }
        }
        await writer.CompleteAsync(ct);
    }

    private static NpgsqlDbType NpgsqlType(Type clr) => (Nullable.GetUnderlyingType(clr) ?? clr) switch
    {
        var t when t == typeof(Guid) => NpgsqlDbType.Uuid,
        var t when t == typeof(string) => NpgsqlDbType.Text,
        var t when t == typeof(DateOnly) => NpgsqlDbType.Date,
        var t when t == typeof(decimal) => NpgsqlDbType.Numeric,
        var t when t == typeof(int) => NpgsqlDbType.Integer,
        var t when t == typeof(bool) => NpgsqlDbType.Boolean,
        var t => throw new NotSupportedException($"No COPY mapping for {t.Name}."),
    };

    private static async Task InsertAsync(DbConnection connection, DbTransaction transaction, string table,
        List<(IProperty Property, string Column)> columns, IReadOnlyCollection<Invoice> invoices, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"INSERT INTO \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c.Column}\""))}) " +
                              $"VALUES ({string.Join(", ", columns.Select((_, i) => $"@p{i}"))})";
        var mappings = columns.Select(c => c.Property.GetRelationalTypeMapping()).ToList();
        // Parameters are made once (with the provider's types); each row only converts and sets values.
        var parameters = columns.Select((c, i) => mappings[i].CreateParameter(command, $"@p{i}", null, nullable: true)).ToList();
        command.Parameters.AddRange(parameters.ToArray());
        await command.PrepareAsync(ct);
        foreach (var invoice in invoices)
        {
            for (var i = 0; i < columns.Count; i++)
            {
                var value = columns[i].Property.GetGetter().GetClrValue(invoice);
                parameters[i].Value = value is null ? DBNull.Value : mappings[i].Converter?.ConvertToProvider(value) ?? value;
            }
            await command.ExecuteNonQueryAsync(ct);
        }
    }
}
