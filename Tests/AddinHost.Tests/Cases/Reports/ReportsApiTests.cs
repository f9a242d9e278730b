using AddinHost.Cases.Reports;
using AddinHost.Tests.Fixtures;

namespace AddinHost.Tests.Cases.Reports;

/// <summary>As of 20/04/2025 no payment is known yet: F-001 is 48 days late, F-002 6 days, F-003 (consumer) 70
/// days.</summary>
public abstract class ReportsApiTests(DbKind kind) : ApiTestBase(kind)
{
    [Fact]
    public async Task The_aged_balance_puts_each_invoice_in_its_bucket()
    {
        await SeedTypicalAsync();
        var aging = await (await Client.GetAsync("/api/reports/aging?asOf=2025-04-20")).ReadAsync<AgingReport>();
        Assert.Equal(0m, aging.Total.NotYetDue);
        Assert.Equal(2400.50m, aging.Total.Days1To30);
        Assert.Equal(1200.00m, aging.Total.Days31To60);
        Assert.Equal(960.00m, aging.Total.Days61To90);
        Assert.Equal(0m, aging.Total.Over90);
        Assert.Equal(4560.50m, aging.Total.Total);
        Assert.Equal(["Garage Fontaine SARL", "Mme Claire Dubois"], aging.ByDebtor.Select(r => r.Debtor));
    }

    [Fact]
    public async Task The_dso_is_simple_and_countback()
    {
        await SeedTypicalAsync();
        var dso = await (await Client.GetAsync("/api/reports/dso?asOf=2025-04-20&months=3")).ReadAsync<DsoReport>();
        Assert.Equal(4560.50m, dso.Receivables);
        Assert.Equal(3600.50m, dso.Sales); // February 1 200,00 + March 2 400,50; April has none yet
        Assert.Equal(20 + 31 + 28, dso.Days);
        Assert.Equal(100.06m, decimal.Round(dso.Simple!.Value, 2)); // 4 560,50 / 3 600,50 × 79
        Assert.Equal(79m, dso.Countback); // receivables exceed the three months' sales
        await (await Client.GetAsync("/api/reports/dso?months=0")).ProblemAsync(400);
    }
}

public sealed class ReportsApiOnSqlite() : ReportsApiTests(DbKind.Sqlite);
public sealed class ReportsApiOnPostgres() : ReportsApiTests(DbKind.Postgres);
