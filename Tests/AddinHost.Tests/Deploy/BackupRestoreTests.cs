using System.IO.Compression;
using System.Text.Json;
using AddinHost.Dispatch.Outbox;
using AddinHost.Tests.Fixtures;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace AddinHost.Tests.Deploy;

/// <summary>
/// The admin guide's backup and restore, done for real: the database dumped with pg_dump and restored with pg_restore
/// into a new database, a host started on it with the same proof store. The cases, the proofs (hashes checked) and the
/// outbox come back, and the restored host sends nothing again.
/// </summary>
public sealed class BackupRestoreTests : IAsyncLifetime
{
    private DunningApp _original = null!;
    private readonly string _dump = Path.Combine(Path.GetTempPath(), $"od-sauvegarde-{Guid.NewGuid():N}.dump");

    public async Task InitializeAsync() => _original = await DunningApp.StartAsync(DbKind.Postgres);

    public async Task DisposeAsync()
    {
        await _original.DisposeAsync();
        File.Delete(_dump);
    }

    [Fact]
    public async Task A_dumped_and_restored_database_finds_its_cases_and_proofs_and_sends_nothing_twice()
    {
        var client = _original.CreateClient();
        var creditor = (await (await client.PostJsonAsync("/api/creditors", new { name = "Menuiserie Bressan SAS",
                kind = "Client", category = "Autre", siren = "552100554", contactConsentOn = "2025-01-15" }))
            .ReadAsync<JsonElement>()).GetProperty("id").GetGuid();
        (await client.PostAsync("/api/import/invoices",
            SampleFiles.Form(SampleFiles.TypicalCsv("F"), creditorId: creditor)))
            .EnsureSuccessStatusCode();
        var caseId = (await (await client.GetAsync("/api/cases")).ReadAsync<List<JsonElement>>())
            .Single(c => c.GetProperty("debtor").GetString() == "Garage Fontaine SARL").GetProperty("id").GetGuid();
        await NoticeScenario.DepositNoticeAsync(_original, client, caseId);
        var before = await client.GetStringAsync($"/api/cases/{caseId}");

        // Backup and restore, with the guide's commands.
        var postgres = await PostgresServer.InstanceAsync();
        var source = new NpgsqlConnectionStringBuilder(_original.ConnectionString).Database!;
        await postgres.RunToolAsync("pg_dump", "--format=custom", "--no-owner", $"--file={_dump}", source);
        var restored = await TestDatabase.CreateEmptyAsync(DbKind.Postgres);
        await postgres.RunToolAsync("pg_restore", "--no-owner", "--exit-on-error",
            $"--dbname={new NpgsqlConnectionStringBuilder(restored).Database}", _dump);

        await using var host = new DunningApp(DbKind.Postgres, restored, _original.Tenant)
            { Clock = _original.Clock, Ar24Host = _original };
        var again = host.CreateClient();
        Assert.Equal(before, await again.GetStringAsync($"/api/cases/{caseId}"));

        // Every proof reads back from the same store and matches the hash the restored database holds.
        var bundle = await again.GetAsync($"/api/cases/{caseId}/evidence");
        Assert.True(bundle.IsSuccessStatusCode, await bundle.Content.ReadAsStringAsync());
        using var zip = new ZipArchive(await bundle.Content.ReadAsStreamAsync());
        Assert.Contains(zip.Entries, e => e.FullName.EndsWith("/depot.pdf", StringComparison.Ordinal));

        // The restored outbox knows the letter left: nothing goes to AR24 a second time.
        var processor = host.Services.GetRequiredService<DispatchProcessor>();
        while (await processor.ProcessNextAsync(default)) { }
        var mails = JsonDocument.Parse(await client.GetStringAsync("/sandbox/ar24/_state"))
            .RootElement.GetProperty("mails");
        Assert.Equal(1, mails.GetArrayLength());
    }
}
