using AddinHost.Cases.Money;
using AddinHost.Tests.Fixtures;

namespace AddinHost.Tests.Cases.Money;

public abstract class InterestApiTests(DbKind kind) : ApiTestBase(kind)
{
    [Fact]
    public async Task The_quote_splits_at_each_half_year_with_the_rate_of_each()
    {
        var quote = await (await Client.PostJsonAsync("/api/interest/quote",
                new { principal = 1200.00m, dueDate = "2025-03-31", asOf = "2025-09-30", debtor = "Professionnel" }))
            .ReadAsync<InterestQuoteResult>();
        Assert.Equal(
            [
                new QuotePeriod(new(2025, 4, 1), new(2025, 6, 30), 91, 13.15m, 39.34m),
                new QuotePeriod(new(2025, 7, 1), new(2025, 9, 30), 92, 12.15m, 36.75m)
            ],
            quote.Periods);
        Assert.Equal(76.09m, quote.Interest);
        Assert.Equal(40.00m, quote.Indemnity);
        Assert.Equal(1316.09m, quote.Total);
    }

    [Fact]
    public async Task A_missing_half_year_is_a_clear_422_until_an_admin_adds_it()
    {
        var body = new { principal = 1000m, dueDate = "2026-05-31", asOf = "2026-08-31", debtor = "Professionnel" };
        var problem = await (await Client.PostJsonAsync("/api/interest/quote", body)).ProblemAsync(422);
        Assert.Contains("2026", problem.GetProperty("detail").GetString());
        Assert.Contains("semestre", problem.GetProperty("detail").GetString());

        (await Client.PutJsonAsync("/api/rates",
            new { kind = "BceRefinancement", year = 2026, half = 2, ratePercent = 2.00m, source = "BCE" }))
            .EnsureSuccessStatusCode();
        (await Client.PutJsonAsync("/api/rates",
            new { kind = "LegalAutre", year = 2026, half = 2, ratePercent = 2.50m, source = "arrêté" }))
            .EnsureSuccessStatusCode();
        var quote = await (await Client.PostJsonAsync("/api/interest/quote", body)).ReadAsync<InterestQuoteResult>();
        // 01/06–30/06: 30 d × 12,15 % on 1 000 = 9,99 ; 01/07–31/08: 62 d × 12,00 % = 20,38.
        Assert.Equal([9.99m, 20.38m], quote.Periods.Select(p => p.Amount));
        Assert.Equal(12.00m, quote.Periods[1].Rate);
    }

    [Theory]
    [InlineData("""{"dueDate":"2025-03-31","debtor":"Professionnel"}""", "principal")]
    [InlineData("""{"principal":-1,"dueDate":"2025-03-31","debtor":"Professionnel"}""", "principal")]
    [InlineData("""{"principal":100,"debtor":"Professionnel"}""", "dueDate")]
    [InlineData("""{"principal":100,"dueDate":"2025-03-31","asOf":"2025-01-01","debtor":"Professionnel"}""", "asOf")]
    [InlineData("""{"principal":100,"dueDate":"2025-03-31"}""", "debtor")]
    [InlineData("""{"principal":100,"dueDate":"2025-03-31","debtor":"Professionnel","contractRate":150}""",
        "contractRate")]
    public async Task A_bad_quote_request_names_the_field(string json, string field)
    {
        var problem = await (await Client.PostAsync("/api/interest/quote",
            new StringContent(json, System.Text.Encoding.UTF8, "application/json"))).ProblemAsync(400);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    [Fact]
    public async Task Rates_are_listed_and_bad_rates_refused()
    {
        var rates = await (await Client.GetAsync("/api/rates")).ReadAsync<List<RateEndpoints.RateDto>>();
        Assert.Contains(rates, r => r is { Kind: RateKind.LegalParticulier, Year: 2026, Half: 1, RatePercent: 6.67m });
        Assert.Contains(rates, r => r is { Kind: RateKind.BceRefinancement, Year: 2025, Half: 1, RatePercent: 3.15m });
        await (await Client.PutJsonAsync("/api/rates",
            new { kind = "LegalAutre", year = 2026, half = 3, ratePercent = 2m })).ProblemAsync(400);
        await (await Client.PutJsonAsync("/api/rates",
            new { kind = "LegalAutre", year = 2026, half = 2, ratePercent = 250m })).ProblemAsync(400);
    }
}

public sealed class InterestApiOnSqlite() : InterestApiTests(DbKind.Sqlite);
public sealed class InterestApiOnPostgres() : InterestApiTests(DbKind.Postgres);
