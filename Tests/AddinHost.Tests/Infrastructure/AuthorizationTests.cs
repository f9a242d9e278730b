using AddinHost.Infrastructure.Auth;
using AddinHost.Tests.Fixtures;

namespace AddinHost.Tests.Infrastructure;

/// <summary>Least privilege: each role reaches only what its job needs, with a French 403 otherwise.</summary>
public abstract class AuthorizationTests(DbKind kind) : ApiTestBase(kind)
{
    private async Task<HttpClient> AsAsync(params string[] roles)
    {
        var app = App.ForTenant(App.Tenant, roles);
        _others.Add(app);
        return app.CreateClient();
    }

    private readonly List<DunningApp> _others = [];

    public override async Task DisposeAsync()
    {
        foreach (var app in _others) await app.DisposeAsync();
        await base.DisposeAsync();
    }

    [Fact]
    public async Task An_assistant_enters_data_but_cannot_decide_or_administer()
    {
        var (creditor, company, _) = await SeedTypicalAsync();
        var assistant = await AsAsync(Roles.Assistant);

        Assert.True((await assistant.GetAsync($"/api/cases/{company.Id}")).IsSuccessStatusCode);
        Assert.True((await assistant.PostJsonAsync($"/api/cases/{company.Id}/payments", new { amount = 10m }))
            .IsSuccessStatusCode);
        Assert.True((await assistant.PostAsync("/api/import/invoices",
            SampleFiles.Form(SampleFiles.TypicalCsv("AS"), creditorId: creditor))).IsSuccessStatusCode);

        var problem = await (await assistant.PostJsonAsync($"/api/cases/{company.Id}/pauses", new { kind = "Litige" }))
            .ProblemAsync(403);
        Assert.Contains("rôle", problem.GetProperty("detail").GetString());
        await (await assistant.PostJsonAsync($"/api/cases/{company.Id}/steps", new { level = 1 })).ProblemAsync(403);
        await (await assistant.PutJsonAsync("/api/rates",
            new { kind = "LegalAutre", year = 2026, half = 2, ratePercent = 2m })).ProblemAsync(403);
        await (await assistant.GetAsync("/api/audit")).ProblemAsync(403);
        // A registered letter is the lawyer's decision: an assistant prepares, never sends.
        await (await assistant.PostJsonAsync($"/api/cases/{company.Id}/dispatches", new { level = 3 }))
            .ProblemAsync(403);
        await (await assistant.PostJsonAsync("/api/batches",
            new { items = new[] { new { caseId = company.Id, level = 3 } } })).ProblemAsync(403);
        await (await assistant.GetAsync("/api/batches/due")).ProblemAsync(403);
        Assert.True((await assistant.PutJsonAsync($"/api/cases/{company.Id}/debtor/consent", new { consents = true }))
            .IsSuccessStatusCode);
        // The legal file: an assistant records facts (the client's consent, the debtor's counsel, a completion date);
        // the lawyer decides what they mean (the parties' kinds, the court, an interpellation, that counsel no longer
        // acts).
        Assert.True((await assistant.PutJsonAsync($"/api/cases/{company.Id}/contact-consent", new { consents = true }))
            .IsSuccessStatusCode);
        Assert.True((await assistant.PutJsonAsync($"/api/cases/{company.Id}/counsel",
            new { name = "Maître Paul Girard", email = "p.girard@avocats.example" })).IsSuccessStatusCode);
        var invoice = (await GetCaseAsync(company.Id)).Invoices[0].Id;
        Assert.True((await assistant.PutJsonAsync($"/api/cases/{company.Id}/invoices/{invoice}/completion",
            new { completedOn = "2025-02-01" })).IsSuccessStatusCode);
        await (await assistant.PutJsonAsync($"/api/cases/{company.Id}/parties", new { debtorKind = "Consommateur" }))
            .ProblemAsync(403);
        await (await assistant.PutJsonAsync($"/api/cases/{company.Id}/court", new { city = "Lyon" })).ProblemAsync(403);
        await (await assistant.PostJsonAsync($"/api/cases/{company.Id}/interpellations", new { level = 1 }))
            .ProblemAsync(403);
        await (await assistant.DeleteAsync($"/api/cases/{company.Id}/counsel")).ProblemAsync(403);
        var template = new MultipartFormDataContent
        {
            {
                new ByteArrayContent(AddinHost.Tests.Letters.Docx.Build(
                    AddinHost.Tests.Letters.Docx.P(AddinHost.Tests.Letters.Docx.R("x")))),
                "file", "x.docx"
            }
        };
        await (await assistant.PutAsync("/api/templates/relance-1", template)).ProblemAsync(403);
        Assert.True((await assistant.PostJsonAsync($"/api/cases/{company.Id}/letters/preview",
            new { template = "relance-1" })).IsSuccessStatusCode);
        Assert.Empty((await GetCaseAsync(company.Id)).Pauses);
    }

    [Fact]
    public async Task A_lawyer_decides_on_cases_but_only_an_admin_edits_policy_and_rates()
    {
        var (_, company, _) = await SeedTypicalAsync();
        var lawyer = await AsAsync(Roles.Avocat);
        Assert.True((await lawyer.PostJsonAsync($"/api/cases/{company.Id}/pauses", new { kind = "Litige" }))
            .IsSuccessStatusCode);
        await (await lawyer.PutJsonAsync("/api/policies", new
        {
            name = "X", toleranceAmount = 0m,
            levels = new[] { new { name = "A", delayDays = 1, channel = "Telephone" } }
        })).ProblemAsync(403);
        await (await lawyer.PostJsonAsync("/api/creditors", new { name = "Nouveau", kind = "Client" }))
            .ProblemAsync(403);

        var admin = await AsAsync(Roles.Administrateur);
        Assert.True((await admin.PutJsonAsync("/api/rates",
            new { kind = "LegalAutre", year = 2026, half = 2, ratePercent = 2m })).IsSuccessStatusCode);
        await (await admin.PostJsonAsync($"/api/cases/{company.Id}/steps", new { level = 1 })).ProblemAsync(403);
    }

    [Fact]
    public async Task Enums_are_accepted_by_name_only()
    {
        var (_, company, _) = await SeedTypicalAsync();
        await (await Client.PostJsonAsync($"/api/cases/{company.Id}/pauses", new { kind = 7 })).ProblemAsync(400);
        await (await Client.PostJsonAsync($"/api/cases/{company.Id}/pauses", new { kind = "Vacances" }))
            .ProblemAsync(400);
        Assert.Empty((await GetCaseAsync(company.Id)).Pauses);
    }
}

public sealed class AuthorizationOnSqlite() : AuthorizationTests(DbKind.Sqlite);
public sealed class AuthorizationOnPostgres() : AuthorizationTests(DbKind.Postgres);
