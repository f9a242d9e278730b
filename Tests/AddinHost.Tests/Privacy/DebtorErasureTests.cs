using System.Net;
using AddinHost.Privacy;
using AddinHost.Dispatch.Outbox;
using AddinHost.Infrastructure.Auth;
using AddinHost.Infrastructure.Data;
using AddinHost.Proofs;
using AddinHost.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AddinHost.Tests.Privacy;

/// <summary>A debtor's erasure request: what must stay as evidence is refused with its reason and date, the rest is
/// erased for good.</summary>
public abstract class DebtorErasureTests(DbKind kind) : ApiTestBase(kind)
{
    private DispatchProcessor Processor => App.Services.GetRequiredService<DispatchProcessor>();

    /// <summary>The storage's WORM period, as the Bicep template sets it (six years).</summary>
    private const int ImmutabilityDays = 6 * 365;

    protected override IReadOnlyDictionary<string, string> Settings { get; } =
        new Dictionary<string, string> { ["Proofs:ImmutabilityDays"] = $"{ImmutabilityDays}" };

    [Fact]
    public async Task Evidence_is_kept_while_owed_then_five_years_after_payment_and_then_erased_with_its_proof_files()
    {
        var (_, company, consumer) = await SeedTypicalAsync();
        await NoticeScenario.DepositNoticeAsync(App, Client, company.Id);
        App.Clock.Advance(TimeSpan.FromDays(2)); // the debtor accepts the registered letter
        while (await Processor.ProcessNextAsync(default)) { }
        var debtorId = (await GetCaseAsync(company.Id)).Debtor.Id;
        var proofs = await FiledProofsAsync(company.Id);
        Assert.Contains(proofs, p => p.Kind == "reception");
        // A judicial file too: it goes with the case.
        (await Client.PutJsonAsync($"/api/cases/{company.Id}/judiciaire/situation", new { nature = "Commerciale" }))
            .EnsureSuccessStatusCode();

        // Still owed: refused, with the reason; nothing is touched.
        var owed = await (await Client.PostAsync($"/api/debtors/{debtorId}/erasure", null)).ProblemAsync(409);
        Assert.Contains("Effacement refusé", owed.GetProperty("detail").GetString());
        Assert.Contains("RGPD art. 17.3.e", owed.GetProperty("detail").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, owed.GetProperty("erasableFrom").ValueKind);
        Assert.Equal(company.Reference, owed.GetProperty("keptCases")[0].GetProperty("reference").GetString());
        Assert.Equal(HttpStatusCode.OK, (await Client.GetAsync($"/api/cases/{company.Id}")).StatusCode);

        // Paid in full: kept five years after the end of the mission, and longer while the storage protects the proofs.
        var total = (await GetCaseAsync(company.Id)).Amounts!.Total;
        var today = DateOnly.FromDateTime(App.Clock.GetUtcNow().UtcDateTime);
        (await Client.PostJsonAsync($"/api/cases/{company.Id}/payments", new { date = today, amount = total }))
            .EnsureSuccessStatusCode();
        var wormUntil = DateOnly.FromDateTime(proofs.Max(p => p.FiledAt).UtcDateTime).AddDays(ImmutabilityDays);
        var plan = await (await Client.GetAsync($"/api/debtors/{debtorId}/erasure")).ReadAsync<ErasurePlan>();
        var planned = Assert.Single(plan.Cases);
        Assert.False(planned.Erasable);
        Assert.Contains(planned.Holds, h => h.Reason.Contains("art. 2225 C. civ.") && h.Until == today.AddYears(5));
        Assert.Contains(planned.Holds, h => h.Data.Contains("WORM") && h.Until == wormUntil);
        Assert.Equal(wormUntil.AddDays(1), planned.ErasableFrom);
        var paid = await (await Client.PostAsync($"/api/debtors/{debtorId}/erasure", null)).ProblemAsync(409);
        Assert.Contains($"Effacement possible à partir du {wormUntil.AddDays(1):dd/MM/yyyy}",
            paid.GetProperty("detail").GetString());
        await StillReadableAsync(proofs);

        // Another firm cannot erase it, even with the right identifier.
        await using (var other = App.ForTenant("cabinet-voisin", [Roles.Administrateur]))
            await (await other.CreateClient().PostAsync($"/api/debtors/{debtorId}/erasure", null)).ProblemAsync(404);

        // Five years on, the storage still protects the proofs: still refused, with that date.
        App.Clock.Advance(TimeSpan.FromDays(5 * 366));
        var protectedStill = await (await Client.PostAsync($"/api/debtors/{debtorId}/erasure", null)).ProblemAsync(409);
        Assert.Contains("WORM", protectedStill.GetProperty("detail").GetString());
        await StillReadableAsync(proofs);

        // Once both periods are over: erased, files included; the other debtor is untouched and the audit keeps no
        // name.
        App.Clock.Advance(TimeSpan.FromDays(366));
        var report = await (await Client.PostAsync($"/api/debtors/{debtorId}/erasure", null))
            .ReadAsync<ErasureReport>();
        Assert.True(report.DebtorErased);
        Assert.Equal([company.Reference], report.ErasedCases);
        Assert.Empty(report.KeptCases);
        Assert.NotEmpty(report.OutsideTheApp);
        await (await Client.GetAsync($"/api/cases/{company.Id}")).ProblemAsync(404);
        await (await Client.GetAsync($"/api/debtors/{debtorId}/export")).ProblemAsync(404);
        var store = App.Services.GetRequiredService<IProofStore>();
        foreach (var p in proofs)
            await Assert.ThrowsAsync<ProofNotFoundException>(
                () => store.GetAsync(App.Tenant, p.Path, p.Sha256, default));
        Assert.Empty(await FiledProofsAsync(company.Id));
        Assert.Equal(HttpStatusCode.OK, (await Client.GetAsync($"/api/cases/{consumer.Id}")).StatusCode);
        var audit = await (await Client.GetAsync("/api/audit")).Content.ReadAsStringAsync();
        Assert.Contains("debiteur.efface", audit);
        Assert.DoesNotContain("Garage Fontaine", audit);
        await (await Client.PostAsync($"/api/debtors/{debtorId}/erasure", null))
            .ProblemAsync(404); // asked again: already gone
    }

    [Fact]
    public async Task A_debtor_with_a_case_still_open_keeps_it_and_their_identity_while_the_ended_case_goes()
    {
        var (_, company, _) = await SeedTypicalAsync();
        var total = (await GetCaseAsync(company.Id)).Amounts!.Total;
        (await Client.PostJsonAsync($"/api/cases/{company.Id}/payments", new { date = "2025-09-30", amount = total }))
            .EnsureSuccessStatusCode();
        var debtorId = (await GetCaseAsync(company.Id)).Debtor.Id;

        App.Clock.Advance(TimeSpan.FromDays(5 * 366)); // a new claim against the same company, years later
        var second = await CreateCreditorAsync("Carrosserie Martin SAS");
        (await Client.PostAsync("/api/import/invoices", SampleFiles.Form(SampleFiles.Csv(
            "Garage Fontaine SARL;732829320;compta@garage-fontaine.example;61 avenue Alsace-Lorraine;38000;Grenoble;"
            + "M-001;01/09/2030;01/10/2030;800,00;0;professionnel"),
            creditorId: second))).EnsureSuccessStatusCode();
        var open = (await ListCasesAsync()).Single(c => c.Creditor == "Carrosserie Martin SAS");

        var report = await (await Client.PostAsync($"/api/debtors/{debtorId}/erasure", null))
            .ReadAsync<ErasureReport>();
        Assert.False(report.DebtorErased);
        Assert.Equal([company.Reference], report.ErasedCases);
        var kept = Assert.Single(report.KeptCases);
        Assert.Equal(open.Reference, kept.Reference);
        Assert.Null(kept.ErasableFrom);
        Assert.Contains(kept.Holds, h => h.Reason.Contains("800,00 €"));

        var export = await (await Client.GetAsync($"/api/debtors/{debtorId}/export")).ReadAsync<DebtorExportDto>();
        Assert.Equal(open.Reference, Assert.Single(export.Cases).Reference);
        await (await Client.GetAsync($"/api/cases/{company.Id}")).ProblemAsync(404);
        Assert.Contains("debiteur.effacement.partiel",
            await (await Client.GetAsync("/api/audit")).Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Only_an_admin_may_examine_or_erase_a_debtor()
    {
        var (_, company, _) = await SeedTypicalAsync();
        var debtorId = (await GetCaseAsync(company.Id)).Debtor.Id;
        await using var lawyer = App.ForTenant(App.Tenant, [Roles.Avocat, Roles.Assistant]);
        await (await lawyer.CreateClient().GetAsync($"/api/debtors/{debtorId}/erasure")).ProblemAsync(403);
        await (await lawyer.CreateClient().PostAsync($"/api/debtors/{debtorId}/erasure", null)).ProblemAsync(403);
        Assert.Equal(HttpStatusCode.OK, (await Client.GetAsync($"/api/cases/{company.Id}")).StatusCode);
    }

    private async Task<List<FiledProof>> FiledProofsAsync(Guid caseId)
    {
        await using var scope = App.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().Set(App.Tenant);
        return await scope.ServiceProvider.GetRequiredService<DunningDbContext>().FiledProofs.AsNoTracking()
            .Where(p => p.CaseId == caseId).ToListAsync();
    }

    private async Task StillReadableAsync(IEnumerable<FiledProof> proofs)
    {
        var store = App.Services.GetRequiredService<IProofStore>();
        foreach (var p in proofs)
            Assert.NotEmpty(await store.GetAsync(App.Tenant, p.Path, p.Sha256, default));
    }
}

public sealed class DebtorErasureOnSqlite() : DebtorErasureTests(DbKind.Sqlite);
public sealed class DebtorErasureOnPostgres() : DebtorErasureTests(DbKind.Postgres);
