using Microsoft.EntityFrameworkCore;

namespace AddinHost.Infrastructure.Data;

/// <summary>
/// The migration step, run with the server admin's connection, creates the application's own PostgreSQL role: it may
/// read
/// and write the rows of the existing and future tables, and nothing else (no schema change, no other database, no
/// role).
/// The running service then connects as this role, so a flaw in it cannot drop a table or read another database.
/// </summary>
public static class AppRole
{
    public const string PasswordSetting = "Database:AppRolePassword";

    public static async Task GrantAsync(DunningDbContext db, string role, string password, CancellationToken ct)
    {
        if (!db.Database.IsNpgsql())
            throw Problems.DomainException.Invalid(
                "--app-role ne vaut que pour PostgreSQL (Database:Provider=Postgres).");
        var wellFormed = role.Length is > 0 and <= 63 && !char.IsAsciiDigit(role[0])
                         && role.All(c => c is >= 'a' and <= 'z' or >= '0' and <= '9' or '_');
        if (!wellFormed)
            throw Problems.DomainException.Invalid(
                "Nom de rôle invalide : lettres minuscules, chiffres et _ (63 au plus), sans chiffre au début.");
        if (password.Length < 16 || password.Any(char.IsControl))
            throw Problems.DomainException.Invalid(
                $"{PasswordSetting} doit faire 16 caractères au moins, sans caractère de contrôle.");
        var database = db.Database.GetDbConnection().Database;
        // DDL takes no parameter: the quotes are doubled, and standard_conforming_strings keeps a backslash literal.
        var literal = "'" + password.Replace("'", "''") + "'";
        string[] statements =
        [
            $"DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{role}') " +
            $"THEN CREATE ROLE \"{role}\"; END IF; END $$",
            $"ALTER ROLE \"{role}\" WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION PASSWORD {literal}",
            $"GRANT CONNECT ON DATABASE \"{database}\" TO \"{role}\"",
            "REVOKE CREATE ON SCHEMA public FROM PUBLIC",
            $"GRANT USAGE ON SCHEMA public TO \"{role}\"",
            $"GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO \"{role}\"",
            $"GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO \"{role}\"",
            $"ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO \"{role}\"",
            $"ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO \"{role}\"",
        ];
        foreach (var sql in statements)
#pragma warning disable EF1002 // the role is checked above, the password escaped: DDL cannot take parameters
            await db.Database.ExecuteSqlRawAsync(sql, ct);
#pragma warning restore EF1002
    }
}
