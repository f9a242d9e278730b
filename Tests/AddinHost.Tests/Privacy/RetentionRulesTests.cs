using AddinHost.Cases;
using AddinHost.Privacy;

namespace AddinHost.Tests.Privacy;

/// <summary>How long a case must be kept despite an erasure request, and why.</summary>
public sealed class RetentionRulesTests
{
    private static CaseRetentionFacts Facts(decimal remaining = 0m, DateOnly? prescription = null,
        string lastActivity = "2020-05-10", bool awaitingProof = false, CreditorKind creditor = CreditorKind.Client,
        int? accountingYear = null) =>
        new(Guid.NewGuid(), "DR-2020-0001", creditor, remaining, prescription, DateOnly.Parse(lastActivity),
            awaitingProof, accountingYear);

    [Fact]
    public void A_paid_case_is_kept_five_years_after_its_last_activity_then_erasable()
    {
        var retention = RetentionRules.Assess(Facts(), new DateOnly(2024, 1, 1));

        var hold = Assert.Single(retention.Holds);
        Assert.Equal(new DateOnly(2025, 5, 10), hold.Until);
        Assert.Contains("art. 2225 C. civ.", hold.Reason);
        Assert.Equal("jusqu'au 10/05/2025", hold.UntilText);
        Assert.Equal(new DateOnly(2025, 5, 11), retention.ErasableFrom);
        Assert.False(retention.IsErasable(new DateOnly(2025, 5, 10)));
        Assert.True(retention.IsErasable(new DateOnly(2025, 5, 11)));
    }

    [Fact]
    public void A_case_still_owed_is_kept_with_no_end_date_and_says_the_earliest()
    {
        var retention = RetentionRules.Assess(
            Facts(remaining: 1200m, prescription: new DateOnly(2030, 3, 3), lastActivity: "2025-09-30"),
            new DateOnly(2025, 10, 1));

        var hold = Assert.Single(retention.Holds);
        Assert.Null(hold.Until);
        Assert.Null(retention.ErasableFrom);
        Assert.False(retention.IsErasable(new DateOnly(2040, 1, 1)));
        Assert.Contains(CaseCommands.Money(1200m), hold.Reason); // French grouping, whatever the space character
        Assert.Contains("RGPD art. 17.3.e", hold.Reason);
        Assert.Contains("03/03/2030", hold.UntilText);
        Assert.Contains("au plus tôt jusqu'au 03/03/2035", hold.UntilText);
    }

    [Fact]
    public void An_unpaid_claim_ends_with_its_prescription_and_is_kept_five_years_more()
    {
        var retention = RetentionRules.Assess(
            Facts(remaining: 500m, prescription: new DateOnly(2023, 2, 9), lastActivity: "2021-06-01"),
            new DateOnly(2026, 1, 1));

        Assert.Equal(new DateOnly(2028, 2, 9), Assert.Single(retention.Holds).Until);
        Assert.Contains("s'est terminé le 09/02/2023", retention.Holds[0].Reason);
    }

    [Fact]
    public void The_firms_own_fees_are_accounting_records_kept_ten_years_after_the_financial_year()
    {
        var retention = RetentionRules.Assess(Facts(creditor: CreditorKind.Cabinet, accountingYear: 2020),
            new DateOnly(2026, 1, 1));

        Assert.Equal(2, retention.Holds.Count);
        var accounting = Assert.Single(retention.Holds, h => h.Reason.Contains("L.123-22 C. com."));
        Assert.Equal(new DateOnly(2030, 12, 31), accounting.Until);
        Assert.Equal(new DateOnly(2031, 1, 1), retention.ErasableFrom); // the later of the two holds
        Assert.Single(RetentionRules.Assess(Facts(creditor: CreditorKind.Client, accountingYear: 2020),
            new DateOnly(2026, 1, 1)).Holds);
    }

    [Fact]
    public void Proofs_the_storage_still_protects_keep_the_case_until_that_protection_ends()
    {
        var facts = Facts() with { ProofsImmutableUntil = new DateOnly(2026, 3, 1) };
        var retention = RetentionRules.Assess(facts, new DateOnly(2025, 6, 1));

        var worm = Assert.Single(retention.Holds, h => h.Data.Contains("WORM"));
        Assert.Contains("01/03/2026", worm.Reason);
        Assert.Equal(new DateOnly(2026, 3, 2),
            retention.ErasableFrom); // later than the five years after the mission (10/05/2025)
        Assert.True(retention.IsErasable(new DateOnly(2026, 3, 2)));
    }

    [Fact]
    public void A_letter_still_awaiting_its_proofs_blocks_the_erasure_even_long_after_payment()
    {
        var retention = RetentionRules.Assess(Facts(awaitingProof: true, lastActivity: "2015-01-01"),
            new DateOnly(2026, 1, 1));

        Assert.Contains(retention.Holds, h => h.Until is null && h.Reason.Contains("attend encore ses preuves"));
        Assert.False(retention.IsErasable(new DateOnly(2026, 1, 1)));
    }
}
