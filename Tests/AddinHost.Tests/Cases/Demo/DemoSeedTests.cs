using AddinHost.Cases;
using AddinHost.Cases.Planning;
using AddinHost.Tests.Fixtures;

namespace AddinHost.Tests.Cases.Demo;

/// <summary>What a newcomer sees after <c>dotnet run --project AddinHost</c>: a demo firm at every stage.</summary>
public abstract class DemoSeedTests(DbKind kind)
{
    [Fact]
    public async Task The_demo_firm_has_cases_at_every_stage_with_amounts_computed_today()
    {
        await using var app = new DunningApp(kind, await TestDatabase.CreateAsync(kind), "cabinet-demo", "Development")
        {
            SeedDemo = true, OwnsDatabase = true
        };
        // A day after the last published semester: the demo must still compute, with its labelled carried-over rates.
        app.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
        var client = app.CreateClient();

        var cases = await (await client.GetAsync("/api/cases")).ReadAsync<List<CaseSummaryDto>>();
        Assert.InRange(cases.Select(c => c.Debtor).Distinct().Count(), 12, 20);
        Assert.Contains(cases, c => c.DebtorKind == AddinHost.Cases.Money.DebtorKind.Consommateur);
        Assert.Contains(cases, c => c.DebtorKind == AddinHost.Cases.Money.DebtorKind.Professionnel);
        foreach (var status in Enum.GetValues<CaseStatus>().Except([CaseStatus.SousLeSeuil]))
            Assert.Contains(cases, c => c.Status == status);
        Assert.Contains(cases, c => c.NextStepIsDue);
        Assert.Contains(cases, c => c.NextChannel == StepChannel.Ere);
        Assert.Equal(2,
            (await (await client.GetAsync("/api/creditors")).ReadAsync<List<CreditorEndpoints.CreditorDto>>()).Count);

        var details = new List<CaseDetailsDto>();
        foreach (var c in cases)
            details.Add(await (await client.GetAsync($"/api/cases/{c.Id}")).ReadAsync<CaseDetailsDto>());
        Assert.InRange(details.Sum(d => d.Invoices.Count), 36, 45);
        Assert.All(details, d => Assert.Null(d.AmountsError));
        Assert.All(details.Where(d => d.Debtor.Kind == "Professionnel"),
            d => Assert.True(AddinHost.Cases.Siren.IsValid(d.Debtor.Siren)));
        Assert.Contains(details, d => d.Prescription is { WarningSoon: true });

        var rates = await (await client.GetAsync("/api/rates")).Content.ReadAsStringAsync();
        Assert.Contains("DÉMONSTRATION", rates);
        Assert.Contains("\"demonstration\":true",
            await (await client.GetAsync("/api/info")).Content.ReadAsStringAsync());
    }
}

public sealed class DemoSeedOnSqlite() : DemoSeedTests(DbKind.Sqlite);
public sealed class DemoSeedOnPostgres() : DemoSeedTests(DbKind.Postgres);
