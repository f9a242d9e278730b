using Microsoft.EntityFrameworkCore;

namespace AddinHost.Infrastructure.Data;

/// <summary>Recognises a write that lost a race with another writer: a unique or foreign-key violation.</summary>
public static class DbConflicts
{
    // SQLite code 19 (constraint), PostgreSQL class 23 (integrity constraint violation).
    public static bool IsConflict(Exception e) => (e is DbUpdateException { InnerException: { } inner } ? inner
        : e) switch
    {
        DbUpdateConcurrencyException => true, // the row changed under us (e.g. an outbox worker claimed it)
        Microsoft.Data.Sqlite.SqliteException s => s.SqliteErrorCode == 19,
        Npgsql.PostgresException p => p.SqlState.StartsWith("23", StringComparison.Ordinal),
        _ => false,
    };
}
