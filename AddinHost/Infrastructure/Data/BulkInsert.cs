using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Npgsql;
using NpgsqlTypes;
using SQLitePCL;

namespace AddinHost.Infrastructure.Data;

/// <summary>
/// Inserts many new rows of one entity inside the current transaction, past the change tracker: binary COPY on
/// PostgreSQL, one prepared multi-row INSERT on SQLite. Columns and value conversions come from the EF model, so rows
/// read back exactly as if EF had written them; every row must already carry the context's tenant.
/// </summary>
public static class BulkInsert
{
    // Rows per statement on SQLite: saves the per-statement work (256 rows took a FEC's invoices from 1.48 s to 1.35 s
    // against 64), fewer when the values would pass SQLite's limit. The values are bound by position straight to the
    // native statement (Microsoft.Data.Sqlite looks each parameter up by name among all of the statement's, which
    // cost three times the insert itself), converted as Microsoft.Data.Sqlite would (see SqliteBatch).
    private const int SqliteRowsPerStatement = 256;
    private const int SqliteMaxValues = 32_766; // SQLITE_MAX_VARIABLE_NUMBER's default since SQLite 3.32

    /// <summary>
    /// SQLite's page cache while a bulk insert runs, in KiB (negative, as the pragma takes it): the default 2 MB is far
    /// less than the pages an import changes (the table, its indexes, the parents its foreign keys check), so it
    /// spilled them to the file mid-transaction and read them again, which made half the insert's time. Given back
    /// afterwards.
    /// </summary>
    public const int SqliteBulkCacheSize = -65536;

    public static async Task WriteAsync<T>(DunningDbContext db, IReadOnlyList<T> rows, string tenantId,
        CancellationToken ct) where T : TenantEntity
    {
        if (rows.Count == 0) return;
        foreach (var row in rows)
            if (row.TenantId != tenantId) throw new InvalidOperationException("Cross-tenant write refused.");
        var entity = db.Model.FindEntityType(typeof(T))!;
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var columns = entity.GetProperties().Select(p => new Column(p, p.GetColumnName(table)!)).ToList();
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("A bulk insert runs inside the caller's transaction.");
        var names = string.Join(", ", columns.Select(c => $"\"{c.Name}\""));
        switch (transaction.Connection)
        {
            case NpgsqlConnection npgsql:
                await CopyAsync(npgsql, $"COPY \"{table.Name}\" ({names}) FROM STDIN (FORMAT BINARY)", columns, rows,
                    ct);
                break;
            case SqliteConnection sqlite:
                Insert(sqlite, $"INSERT INTO \"{table.Name}\" ({names}) VALUES ", columns, rows);
                break;
            default: throw new NotSupportedException("Bulk insert: PostgreSQL or SQLite only.");
        }
    }

    private sealed class Column(IProperty property, string name)
    {
        private readonly IClrPropertyGetter _getter = property.GetGetter();
        private readonly ValueConverter? _converter = property.GetRelationalTypeMapping().Converter;

        public string Name { get; } = name;
        public Type ProviderType { get; } = Nullable.GetUnderlyingType(
            property.GetRelationalTypeMapping().Converter?.ProviderClrType ?? property.ClrType)
            ?? property.GetRelationalTypeMapping().Converter?.ProviderClrType ?? property.ClrType;

        /// <summary>The value as the provider stores it, or null.</summary>
        public object? Value(object row) =>
            _getter.GetClrValue(row) is { } value ? _converter?.ConvertToProvider(value) ?? value : null;
    }

    private static async Task CopyAsync<T>(NpgsqlConnection connection, string sql, List<Column> columns,
        IReadOnlyList<T> rows, CancellationToken ct) where T : notnull
    {
        var types = columns.Select(c => NpgsqlType(c.ProviderType)).ToArray();
        await using var writer = await connection.BeginBinaryImportAsync(sql, ct);
        foreach (var row in rows)
        {
            await writer.StartRowAsync(ct);
            for (var i = 0; i < columns.Count; i++)
                Write(writer, columns[i].Value(row), types[i]);
        }
        await writer.CompleteAsync(ct);
    }

    // Typed and synchronous (the importer buffers and flushes by itself): a value written as object makes Npgsql
    // resolve its converter again for every field, which cost five times the bare insert.
    private static void Write(NpgsqlBinaryImporter writer, object? value, NpgsqlDbType type)
    {
        switch (value)
        {
            case null: writer.WriteNull(); break;
            case Guid v: writer.Write(v, type); break;
            case string v: writer.Write(v, type); break;
            case DateOnly v: writer.Write(v, type); break;
            case decimal v: writer.Write(v, type); break;
            case int v: writer.Write(v, type); break;
            case long v: writer.Write(v, type); break;
            case bool v: writer.Write(v, type); break;
            case DateTimeOffset v: writer.Write(v, type); break;
            case List<string> v: writer.Write(v, type); break;
            case string[] v: writer.Write(v, type); break;
            default: writer.Write(value, type); break;
        }
    }

    private static NpgsqlDbType NpgsqlType(Type provider) => provider switch
    {
        var t when t == typeof(Guid) => NpgsqlDbType.Uuid,
        var t when t == typeof(string) => NpgsqlDbType.Text,
        var t when t == typeof(DateOnly) => NpgsqlDbType.Date,
        var t when t == typeof(decimal) => NpgsqlDbType.Numeric,
        var t when t == typeof(int) => NpgsqlDbType.Integer,
        var t when t == typeof(long) => NpgsqlDbType.Bigint,
        var t when t == typeof(bool) => NpgsqlDbType.Boolean,
        var t when t == typeof(DateTimeOffset) => NpgsqlDbType.TimestampTz,
        var t when t == typeof(List<string>) || t == typeof(string[]) => NpgsqlDbType.Array | NpgsqlDbType.Text,
        var t => throw new NotSupportedException($"No COPY mapping for {t.Name}."),
    };

    private static void Insert<T>(SqliteConnection connection, string head, List<Column> columns,
        IReadOnlyList<T> rows) where T : notnull
    {
        var db = connection.Handle!;
        sqlite3_stmt? full = null;
        var cache = CacheSize(db);
        Exec(db, $"PRAGMA cache_size = {SqliteBulkCacheSize}");
        try
        {
            var perStatement = Math.Min(SqliteRowsPerStatement, SqliteMaxValues / columns.Count);
            foreach (var batch in SqliteBatches.Encode(rows, columns.Count, perStatement,
                         (row, values) => { foreach (var column in columns) values.Add(column.Value(row)); }))
            {
                var count = batch.Count / columns.Count;
                // The full-size statement is prepared once and reused; only the last, shorter batch gets its own.
                var statement = count == perStatement
                    ? full ??= Prepare(db, head, columns.Count, count)
                    : Prepare(db, head, columns.Count, count);
                try { batch.Insert(statement, db); }
                finally
                {
                    if (statement != full) statement.Dispose();
                }
            }
        }
        finally
        {
            full?.Dispose();
            Exec(db, $"PRAGMA cache_size = {cache}");
        }
    }

    /// <summary>The connection's page cache (negative: in KiB), read so that a bulk insert can give it back.</summary>
    private static long CacheSize(sqlite3 db)
    {
        if (raw.sqlite3_prepare_v2(db, "PRAGMA cache_size", out var statement) != raw.SQLITE_OK)
            SqliteException.ThrowExceptionForRC(raw.sqlite3_errcode(db), db);
        using (statement)
            return raw.sqlite3_step(statement) == raw.SQLITE_ROW ? raw.sqlite3_column_int64(statement, 0) : -2000;
    }

    private static void Exec(sqlite3 db, string sql)
    {
        var rc = raw.sqlite3_exec(db, sql);
        if (rc != raw.SQLITE_OK) SqliteException.ThrowExceptionForRC(rc, db);
    }

    private static sqlite3_stmt Prepare(sqlite3 db, string head, int columns, int rows)
    {
        var row = "(" + string.Join(", ", Enumerable.Repeat("?", columns)) + ")";
        var rc = raw.sqlite3_prepare_v2(db, head + string.Join(", ", Enumerable.Repeat(row, rows)), out var statement);
        if (rc != raw.SQLITE_OK)
        {
            statement.Dispose();
            SqliteException.ThrowExceptionForRC(rc, db);
        }
        return statement;
    }
}
