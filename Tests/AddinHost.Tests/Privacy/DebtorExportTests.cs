using System.Net;
using AddinHost.Privacy;
using AddinHost.Dispatch.Outbox;
using AddinHost.Infrastructure.Auth;
using AddinHost.Tests.Fixtures;
using Microsoft.Extensions.DependencyInjection;

namespace AddinHost.Tests.Privacy;

/// <summary>A debtor's right of access: everything the firm holds on them, for admins only, and the export itself
/// audited.</summary>
public abstract class DebtorExportTests(DbKind kind) : ApiTestBase(kind)
{
    [Fact]
    public async Task An_admin_exports_all_a_debtor_has_in_the_firm_and_the_export_is_audited()
    {
        var (_, company, consumer) = await SeedTypicalAsync();
        await NoticeScenario.DepositNoticeAsync(App, Client, company.Id);
        var debtorId = (await GetCaseAsync(company.Id)).Debtor.Id;

        var export = await (await Client.GetAsync($"/api/debtors/{debtorId}/export")).ReadAsync<DebtorExportDto>();
        Assert.Equal("Garage Fontaine SARL", export.Debtor.Name);
        var exported = Assert.Single(export.Cases); // the consumer's case is someone else's data
        Assert.Equal(company.Reference, exported.Reference);
        Assert.Equal((await GetCaseAsync(company.Id)).Invoices.Count, exported.Invoices.Count);
        Assert.Contains(exported.Dispatches, d => d.Step == "Mise en demeure" && d.State == "Déposé");
        var letter = Assert.Single(exported.Proofs, p => p.Name == "lettre");
        Assert.Equal(HttpStatusCode.OK,
            (await Client.GetAsync(letter.Url)).StatusCode); // every file listed can be fetched
        Assert.NotEmpty(exported.History);
        Assert.DoesNotContain(consumer.Reference, System.Text.Json.JsonSerializer.Serialize(export));

        var audit = await (await Client.GetAsync("/api/audit")).Content.ReadAsStringAsync();
        Assert.Contains("debiteur.export", audit);
        await (await Client.GetAsync($"/api/debtors/{Guid.NewGuid()}/export")).ProblemAsync(404);
    }

    [Fact]
    public async Task Only_an_admin_may_export_a_debtor()
    {
        var (_, company, _) = await SeedTypicalAsync();
        var debtorId = (await GetCaseAsync(company.Id)).Debtor.Id;
        await using var lawyer = App.ForTenant(App.Tenant, [Roles.Avocat, Roles.Assistant]);
        var refused = await (await lawyer.CreateClient().GetAsync($"/api/debtors/{debtorId}/export")).ProblemAsync(403);
        Assert.Contains("rôle", refused.GetProperty("detail").GetString());
    }
}

public sealed class DebtorExportOnSqlite() : DebtorExportTests(DbKind.Sqlite);
public sealed class DebtorExportOnPostgres() : DebtorExportTests(DbKind.Postgres);
