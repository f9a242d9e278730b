using System.Net.Http.Json;
using AddinHost.Cases;

namespace AddinHost.Tests.Fixtures;

/// <summary>One fresh database and host per test, on the provider the concrete class names.</summary>
public abstract class ApiTestBase(DbKind kind) : IAsyncLifetime
{
    protected DbKind Kind { get; } = kind;
    protected DunningApp App { get; private set; } = null!;
    protected HttpClient Client { get; private set; } = null!;

    /// <summary>Settings and services a test class adds to the host.</summary>
    protected virtual IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>();
    protected virtual Action<Microsoft.Extensions.DependencyInjection.IServiceCollection>? ExtraServices => null;

    public virtual async Task InitializeAsync()
    {
        App = new DunningApp(Kind, await TestDatabase.CreateAsync(Kind), "cabinet-test")
            { Settings = Settings, ExtraServices = ExtraServices, OwnsDatabase = true };
        _ = App.Server; // start now: migrations run here, not in the first request
        Client = App.CreateClient();
    }

    public virtual async Task DisposeAsync() => await App.DisposeAsync();

    protected async Task<Guid> CreateCreditorAsync(string name = "Menuiserie Bressan SAS", HttpClient? client = null)
    {
        // The client's engagement letter gives its consent to contact its debtors (RIN art. 8.2): without it no
        // letter leaves.
        var response = await (client ?? Client).PostJsonAsync("/api/creditors",
            new { name, kind = "Client", category = "Autre", siren = "552100554", contactConsentOn = "2025-01-15",
                contactConsentEvidence = "lettre de mission" });
        return (await response.ReadAsync<CreditorEndpoints.CreditorDto>()).Id;
    }

    protected async Task<List<CaseSummaryDto>> ListCasesAsync(string query = "", HttpClient? client = null) =>
        await (await (client ?? Client).GetAsync("/api/cases" + query)).ReadAsync<List<CaseSummaryDto>>();

    protected async Task<CaseDetailsDto> GetCaseAsync(Guid id, string query = "", HttpClient? client = null) =>
        await (await (client ?? Client).GetAsync($"/api/cases/{id}{query}")).ReadAsync<CaseDetailsDto>();

    /// <summary>Creates a creditor and imports the typical file; returns the company's case.</summary>
    protected async Task<(Guid CreditorId, CaseSummaryDto Company, CaseSummaryDto Consumer)> SeedTypicalAsync(
        string prefix = "F", HttpClient? client = null)
    {
        client ??= Client;
        var creditor = await CreateCreditorAsync(client: client);
        (await client.PostAsync("/api/import/invoices",
            SampleFiles.Form(SampleFiles.TypicalCsv(prefix), creditorId: creditor))).EnsureSuccessStatusCode();
        var cases = await ListCasesAsync(client: client);
        return (creditor, cases.Single(c => c.Debtor == "Garage Fontaine SARL"),
            cases.Single(c => c.Debtor == "Mme Claire Dubois"));
    }
}
