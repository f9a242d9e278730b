using AddinHost.Infrastructure.Configuration;
using System.ComponentModel.DataAnnotations;

namespace AddinHost.Infrastructure.Data;

public enum DatabaseProvider { Sqlite, Postgres }

/// <summary>The <c>Database</c> section; the connection string itself is <c>ConnectionStrings:Dunning</c>.</summary>
[SettingsGuide(AdminGuide.Azure)]
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    [Required]
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Apply pending migrations when the host starts (the embedded default does).</summary>
    public bool MigrateAtStartup { get; set; } = true;
}
