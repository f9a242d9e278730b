using System.Diagnostics;
using AddinHost.Tests.Fixtures;
using Npgsql;

namespace AddinHost.Tests.Hostile;

/// <summary>
/// The database as a second wall: the migration step, run as the server's admin, creates the service's own role, which
/// reads and writes rows but can neither change the schema nor drop a table; the service works connected as that role.
/// </summary>
public sealed class DatabaseRoleTests
{
    [Fact]
    public async Task The_migration_step_creates_a_role_that_writes_rows_and_cannot_change_the_schema()
    {
        var admin = await TestDatabase.CreateAsync(DbKind.Postgres);
        var role = "od_app_" + Guid.NewGuid().ToString("N")[..8];
        const string password = "mot-de-passe-du-role-applicatif";
        try
        {
            var psi = new ProcessStartInfo("dotnet",
                ["exec", Path.Combine(AppContext.BaseDirectory, "AddinHost.dll"),
                "migrate", "--app-role", role])
            { RedirectStandardOutput = true, RedirectStandardError = true };
            psi.Environment["Database__Provider"] = "Postgres";
            psi.Environment["ConnectionStrings__Dunning"] = admin;
            psi.Environment["Database__AppRolePassword"] = password;
            psi.Environment["Proofs__Store"] = "AzureBlob";
            psi.Environment["ConnectionStrings__Proofs"] = "UseDevelopmentStorage=true";
            psi.Environment["DataProtection__Certificate"] = TestCertificates.DataProtection;
            psi.Environment["Logging__LogLevel__Default"] = "Warning";
            using (var migrate = Process.Start(psi)!)
            {
                var output = await migrate.StandardOutput.ReadToEndAsync()
                    + await migrate.StandardError.ReadToEndAsync();
                await migrate.WaitForExitAsync();
                Assert.True(migrate.ExitCode == 0, output);
                Assert.Contains($"Rôle applicatif « {role} » prêt", output);
            }

            var asApp = new NpgsqlConnectionStringBuilder(admin) { Username = role, Password = password }
                .ConnectionString;
            await using (var connection = new NpgsqlConnection(asApp))
            {
                await connection.OpenAsync();
                async Task<string?> Try(string sql)
                {
                    try { await new NpgsqlCommand(sql, connection).ExecuteNonQueryAsync(); return null; }
                    catch (PostgresException e) { return e.SqlState; }
                }
                Assert.Null(await Try("SELECT count(*) FROM \"Creditors\""));
                Assert.Equal("42501", await Try("CREATE TABLE intrus (id int)")); // insufficient privilege
                Assert.Equal("42501", await Try("DROP TABLE \"AuditEntries\""));
                Assert.Equal("42501", await Try("ALTER TABLE \"Cases\" ADD COLUMN x int"));
                Assert.Equal("42501", await Try($"CREATE ROLE autre_{role}"));
            }

            // The service itself runs as the role, migrations left to the step.
            await using var app = new DunningApp(DbKind.Postgres, asApp, "cabinet-test")
            { Settings = new Dictionary<string, string> { ["Database:MigrateAtStartup"] = "false" } };
            var client = app.CreateClient();
            (await client.PostJsonAsync("/api/creditors",
                new { name = "Créancier", kind = "Client" }))
                .EnsureSuccessStatusCode();
            Assert.Contains("Créancier", await (await client.GetAsync("/api/creditors")).Content.ReadAsStringAsync());
        }
        finally
        {
            await TestDatabase.DropAsync(DbKind.Postgres, admin);
            await using var server =
                new NpgsqlConnection(new NpgsqlConnectionStringBuilder(admin) { Database = "postgres" }
                    .ConnectionString);
            await server.OpenAsync();
            await new NpgsqlCommand($"DROP ROLE IF EXISTS \"{role}\"", server).ExecuteNonQueryAsync();
        }
    }
}
