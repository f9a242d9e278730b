using AddinHost.Cases.Money;

namespace AddinHost.Tests.Cases.Money;

public sealed class ReceivablesFiguresTests
{
    [Theory]
    [InlineData(0, "NotYetDue")]
    [InlineData(-5, "NotYetDue")]
    [InlineData(1, "Days1To30")]
    [InlineData(30, "Days1To30")]
    [InlineData(31, "Days31To60")]
    [InlineData(60, "Days31To60")]
    [InlineData(61, "Days61To90")]
    [InlineData(90, "Days61To90")]
    [InlineData(91, "Over90")]
    public void Each_amount_falls_in_the_bucket_of_its_days_past_due(int daysPastDue, string bucket)
    {
        var asOf = new DateOnly(2025, 6, 30);
        var b = Aging.Compute([(asOf.AddDays(-daysPastDue), 100m)], asOf);
        var amounts = new Dictionary<string, decimal>
        {
            ["NotYetDue"] = b.NotYetDue, ["Days1To30"] = b.Days1To30, ["Days31To60"] = b.Days31To60,
            ["Days61To90"] = b.Days61To90, ["Over90"] = b.Over90,
        };
        Assert.Equal(100m, amounts[bucket]);
        Assert.Equal(100m, b.Total);
    }

    [Fact]
    public void Countback_dso_walks_back_month_by_month()
    {
        // 212 000 − 100 000 (30 d) − 80 000 (31 d) = 32 000 left, then 32 000 / 70 000 × 30 = 13,71 → 74,71 days.
        Assert.Equal(74.71m, Dso.Countback(212_000m, [(100_000m, 30), (80_000m, 31), (70_000m, 30)]));
        Assert.Equal(15.00m, Dso.Countback(50_000m, [(100_000m, 30)]));
        Assert.Equal(61m, Dso.Countback(500_000m, [(100_000m, 30), (80_000m, 31)]));
    }

    [Fact]
    public void Simple_dso_is_receivables_over_sales_times_days()
    {
        Assert.Equal(70.67m, Dso.Simple(212_000m, 270_000m, 90)); // 212 000 / 270 000 × 90 = 70,666…
        Assert.Throws<ArgumentException>(() => Dso.Simple(1m, 0m, 30));
    }
}
