using Npgsql;

namespace AddinHost.Infrastructure.Data;

/// <summary>
/// The PostgreSQL connection string as the host uses it: Npgsql prepares nothing unless told to, so the statements
/// the host runs over and over (the outbox's claim and deposit, the case reads) would be parsed and planned each time.
/// </summary>
public static class PostgresConnection
{
    /// <summary>Statements kept prepared per physical connection; the outbox and the pane use a few dozen.</summary>
    public const int MaxAutoPrepare = 128;

    /// <summary>Prepared from the second use: the outbox's statements repeat on every letter.</summary>
    public const int AutoPrepareMinUsages = 2;

    /// <summary>Turns automatic preparation on, unless the administrator set either setting (« Max Auto
    /// Prepare=0 » behind a pooler in transaction mode, which cannot keep prepared statements).</summary>
    public static string Tuned(string connectionString)
    {
        if (connectionString.Contains("Auto Prepare", StringComparison.OrdinalIgnoreCase)) return connectionString;
        return new NpgsqlConnectionStringBuilder(connectionString)
        {
            MaxAutoPrepare = MaxAutoPrepare, AutoPrepareMinUsages = AutoPrepareMinUsages,
        }.ConnectionString;
    }
}
