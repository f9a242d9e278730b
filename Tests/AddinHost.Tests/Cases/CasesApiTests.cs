using AddinHost.Cases;
using AddinHost.Cases.Planning;
using AddinHost.Tests.Fixtures;

namespace AddinHost.Tests.Cases;

/// <summary>
/// The case view through the real host and database. Today is 30/09/2025 (the fixture's clock).
/// Expected amounts are worked by hand from the imported file (SampleFiles.TypicalCsv):
/// F-001: 1 200,00 due 03/03/2025 → 04/03–30/06 119 d × 13,15 % = 51,45 ; 01/07–30/09 92 d × 12,15 % = 36,75.
/// F-002: 2 400,50 due 14/04/2025 → 15/04–30/06 77 d × 13,15 % = 66,59 ; 01/07–30/09 92 d × 12,15 % = 73,51;
///        the 400,50 paid on 30/09 pays its 140,10 of penalties first, then 260,40 of principal → 2 140,10 left.
/// </summary>
public abstract class CasesApiTests(DbKind kind) : ApiTestBase(kind)
{
    [Fact]
    public async Task The_case_view_shows_principal_penalties_indemnities_ladder_and_prescription()
    {
        var (_, company, _) = await SeedTypicalAsync();
        var c = await GetCaseAsync(company.Id);

        Assert.Equal("Garage Fontaine SARL", c.Debtor.Name);
        Assert.Equal(2, c.Invoices.Count);
        Assert.NotNull(c.Amounts);
        Assert.Equal(3340.10m, c.Amounts!.Principal);
        Assert.Equal(88.20m, c.Amounts.Interest);
        Assert.Equal(80.00m, c.Amounts.Indemnity);
        Assert.Equal(3508.30m, c.Amounts.Total);
        Assert.Contains("L.\u00a0441-10", c.Amounts.LegalBasis);

        var first = c.Invoices.Single(i => i.Number == "F-001");
        Assert.Equal([51.45m, 36.75m], first.Periods.Select(p => p.Amount));
        Assert.Equal([13.15m, 12.15m], first.Periods.Select(p => p.RatePercent));
        Assert.Equal(2140.10m, c.Invoices.Single(i => i.Number == "F-002").PrincipalRemaining);

        // The courtesy reminder meant for before the due date is skipped: relance 1 is due since J+7.
        Assert.Equal(CaseStatus.EnCours, c.Ladder.Status);
        Assert.Equal("Relance 1", c.Ladder.Next!.Name);
        Assert.Equal(new DateOnly(2025, 3, 10), c.Ladder.Next.DueOn);
        Assert.True(c.Ladder.Next.IsDue);

        // The payment of 30/09/2025 on F-002 restarted F-002's five years only (C. civ. 2240): F-001 still runs from
        // its due date, 03/03/2025, and is the case's earliest deadline.
        Assert.Equal((new DateOnly(2030, 3, 3), "F-001"),
            (c.Prescription!.Deadline, c.Prescription.InvoiceNumber));
        Assert.Equal(new DateOnly(2030, 9, 30), c.Invoices.Single(i => i.Number == "F-002").PrescriptionDeadline);
    }

    [Fact]
    public async Task A_consumer_owes_no_interest_until_the_notice_is_received_then_legal_interest()
    {
        var (_, _, consumer) = await SeedTypicalAsync();
        var before = await GetCaseAsync(consumer.Id);
        Assert.Equal(0m, before.Amounts!.Interest);
        Assert.Equal(0m, before.Amounts.Indemnity);
        Assert.NotNull(before.Amounts.Note);
        // 2 years (L.218-2 C. conso.) from the completion of the service, unknown here: from the invoice date
        // 10/01/2025, flagged.
        Assert.Equal((new DateOnly(2027, 1, 10), true),
            (before.Prescription!.Deadline, before.Prescription.MayBeEarlier));
        Assert.Contains(before.Warnings, w => w.Code == "date-achevement");

        (await Client.PostJsonAsync($"/api/cases/{consumer.Id}/notice-receipt", new { date = "2025-05-20" }))
            .EnsureSuccessStatusCode();
        var after = await GetCaseAsync(consumer.Id);
        // 21/05–30/06: 41 d × 3,71 % on 960 = 4,00 ; 01/07–30/09: 92 d × 2,76 % = 6,68.
        Assert.Equal(10.68m, after.Amounts!.Interest);
        Assert.Equal(970.68m, after.Amounts.Total);
        Assert.Contains(after.History, h => h.Kind == CaseEventKind.MiseEnDemeureRecue);
        await (await Client.PostJsonAsync($"/api/cases/{consumer.Id}/notice-receipt", new { date = "2025-05-21" }))
            .ProblemAsync(409);
    }

    [Fact]
    public async Task A_payment_pays_interest_first_then_principal_and_is_in_the_history()
    {
        var (_, company, _) = await SeedTypicalAsync();
        var c = await GetCaseAsync(company.Id);
        var first = c.Invoices.Single(i => i.Number == "F-001");

        var response = await Client.PostJsonAsync($"/api/cases/{company.Id}/payments",
            new { date = "2025-09-30", amount = 100.00m, invoiceId = first.Id, reference = "VIR-123" });
        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
        var after = await GetCaseAsync(company.Id);
        // 100,00 pays F-001's 88,20 of penalties, then 11,80 of principal.
        Assert.Equal(1188.20m, after.Invoices.Single(i => i.Number == "F-001").PrincipalRemaining);
        Assert.Equal(3328.30m, after.Amounts!.Principal);
        Assert.Equal(0m, after.Amounts.Interest);
        Assert.Equal(3408.30m, after.Amounts.Total);
        Assert.Contains(after.History, h => h.Kind == CaseEventKind.PaiementEnregistre && h.Summary.Contains("F-001"));
        Assert.Contains(after.Payments, p => p.Reference == "VIR-123" && p.InvoiceNumber == "F-001");
    }

    [Theory]
    [InlineData("""{"date":"2025-09-30","amount":-5}""", "amount")]
    [InlineData("""{"date":"2025-09-30","amount":0}""", "amount")]
    [InlineData("""{"date":"2025-09-30","amount":10.001}""", "amount")]
    [InlineData("""{"date":"2025-09-30"}""", "amount")]
    [InlineData("""{"date":"2025-10-01","amount":10}""", "date")]
    [InlineData("""{"date":"2025-09-30","amount":999999}""", "amount")]
    [InlineData("""{"date":"2025-09-30","amount":10,"invoiceId":"6f9619ff-8b86-d011-b42d-00c04fc964ff"}""",
        "invoiceId")]
    public async Task A_bad_payment_is_refused_with_a_french_reason_and_changes_nothing(string json, string field)
    {
        var (_, company, _) = await SeedTypicalAsync();
        var before = await GetCaseAsync(company.Id);
        var response = await Client.PostAsync($"/api/cases/{company.Id}/payments",
            new StringContent(json, System.Text.Encoding.UTF8, "application/json"));
        var problem = await response.ProblemAsync(400);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
        Assert.Equal(before.Payments.Count, (await GetCaseAsync(company.Id)).Payments.Count);
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("""{"date":"30/09/2025","amount":10}""")]
    [InlineData("""{"amount":"dix euros"}""")]
    public async Task Unreadable_bodies_get_a_french_problem_not_a_500(string json)
    {
        var (_, company, _) = await SeedTypicalAsync();
        var response = await Client.PostAsync($"/api/cases/{company.Id}/payments",
            new StringContent(json, System.Text.Encoding.UTF8, "application/json"));
        var problem = await response.ProblemAsync(400);
        Assert.Contains("JSON", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Unknown_case_and_bad_ids_are_404_or_400_problems()
    {
        await (await Client.GetAsync($"/api/cases/{Guid.NewGuid()}")).ProblemAsync(404);
        await (await Client.GetAsync("/api/cases/not-a-guid")).ProblemAsync(404);
        await (await Client.GetAsync("/api/cases?asOf=yesterday")).ProblemAsync(400);
        await (await Client.GetAsync("/api/cases?status=Perdu")).ProblemAsync(400);
    }

    [Fact]
    public async Task A_promise_to_pay_pauses_the_ladder_until_its_date_and_lifting_resumes_it()
    {
        var (_, company, _) = await SeedTypicalAsync();
        await (await Client.PostJsonAsync($"/api/cases/{company.Id}/pauses", new { kind = "PromesseDePaiement" }))
            .ProblemAsync(400);
        await (await Client.PostJsonAsync($"/api/cases/{company.Id}/pauses",
            new { kind = "PromesseDePaiement", until = "2025-09-01" })).ProblemAsync(400);

        var pause = await (await Client.PostJsonAsync($"/api/cases/{company.Id}/pauses",
                new { kind = "PromesseDePaiement", until = "2025-10-15", reason = "appel du gérant" }))
            .ReadAsync<PauseDto>();
        var paused = await GetCaseAsync(company.Id);
        Assert.Equal(CaseStatus.EnPause, paused.Ladder.Status);
        Assert.Equal(new DateOnly(2025, 10, 16), paused.Ladder.Next!.DueOn);
        Assert.False(paused.Ladder.Next.IsDue);
        Assert.DoesNotContain(await ListCasesAsync("?dueBy=2025-09-30"), s => s.Id == company.Id);
        await (await Client.PostJsonAsync($"/api/cases/{company.Id}/pauses",
            new { kind = "PromesseDePaiement", until = "2025-10-20" })).ProblemAsync(409);

        Assert.Equal(System.Net.HttpStatusCode.NoContent,
            (await Client.DeleteAsync($"/api/cases/{company.Id}/pauses/{pause.Id}")).StatusCode);
        var resumed = await GetCaseAsync(company.Id);
        Assert.Equal(CaseStatus.EnCours, resumed.Ladder.Status);
        Assert.True(resumed.Ladder.Next!.IsDue);
        Assert.Contains(await ListCasesAsync("?dueBy=2025-09-30"), s => s.Id == company.Id);
        await (await Client.DeleteAsync($"/api/cases/{company.Id}/pauses/{pause.Id}")).ProblemAsync(409);
        await (await Client.DeleteAsync($"/api/cases/{company.Id}/pauses/{Guid.NewGuid()}")).ProblemAsync(404);
    }

    [Fact]
    public async Task A_step_taken_moves_the_ladder_and_respects_the_minimum_gap()
    {
        var (_, company, _) = await SeedTypicalAsync();
        (await Client.PostJsonAsync($"/api/cases/{company.Id}/steps", new { level = 1, date = "2025-09-26" }))
            .EnsureSuccessStatusCode();
        var c = await GetCaseAsync(company.Id);
        Assert.Equal("Relance 1", c.Ladder.LastLevelName);
        Assert.Equal("Relance 2", c.Ladder.Next!.Name);
        // J+15 was 18/03, but relance 2 waits 7 days after relance 1 (26/09): 03/10.
        Assert.Equal(new DateOnly(2025, 10, 3), c.Ladder.Next.DueOn);
        Assert.False(c.Ladder.Next.IsDue);
        await (await Client.PostJsonAsync($"/api/cases/{company.Id}/steps", new { level = 1 })).ProblemAsync(409);
        await (await Client.PostJsonAsync($"/api/cases/{company.Id}/steps", new { level = 9 })).ProblemAsync(400);
        await (await Client.PostJsonAsync($"/api/cases/{company.Id}/steps", new { level = 2, date = "2026-01-01" }))
            .ProblemAsync(400);
    }

    [Fact]
    public async Task An_acknowledgement_restarts_prescription()
    {
        var (_, _, consumer) = await SeedTypicalAsync();
        (await Client.PostJsonAsync($"/api/cases/{consumer.Id}/acknowledgements",
            new { date = "2025-06-01", note = "courriel" })).EnsureSuccessStatusCode();
        var c = await GetCaseAsync(consumer.Id);
        Assert.Equal(new DateOnly(2027, 6, 1), c.Prescription!.Deadline);
        await (await Client.PostJsonAsync($"/api/cases/{consumer.Id}/acknowledgements", new { date = "2025-12-01" }))
            .ProblemAsync(400);
        await (await Client.PostJsonAsync($"/api/cases/{consumer.Id}/acknowledgements", new { })).ProblemAsync(400);
    }

    [Fact]
    public async Task The_list_filters_by_status_and_by_next_step_due_date()
    {
        var (_, company, consumer) = await SeedTypicalAsync();
        (await Client.PostJsonAsync($"/api/cases/{consumer.Id}/pauses",
            new { kind = "Litige", reason = "prestation contestée" })).EnsureSuccessStatusCode();

        var due = await ListCasesAsync("?dueBy=2025-09-30");
        Assert.Equal([company.Id], due.Select(s => s.Id));
        Assert.Equal([consumer.Id], (await ListCasesAsync("?status=EnPause")).Select(s => s.Id));
        Assert.Empty(await ListCasesAsync("?dueBy=2025-03-01"));

        // As of a past day, amounts are computed on that day.
        var past = await GetCaseAsync(company.Id, "?asOf=2025-03-31");
        Assert.Equal(3600.50m, past.Amounts!.Principal);
    }

    [Fact]
    public async Task Every_change_is_audited_without_personal_data()
    {
        var (_, company, _) = await SeedTypicalAsync();
        (await Client.PostJsonAsync($"/api/cases/{company.Id}/payments", new { amount = 10m }))
            .EnsureSuccessStatusCode();
        (await Client.PostJsonAsync($"/api/cases/{company.Id}/pauses", new { kind = "Litige" }))
            .EnsureSuccessStatusCode();
        var text = await (await Client.GetAsync("/api/audit")).Content.ReadAsStringAsync();
        foreach (var action in new[] { "creancier.cree", "import.factures", "paiement.enregistre", "pause.ouverte" })
            Assert.Contains(action, text);
        Assert.Contains(DemoUser, text);
        Assert.DoesNotContain("Garage Fontaine", text);
        Assert.DoesNotContain("garage-fontaine.example", text);
        Assert.DoesNotContain("Dubois", text);
    }

    private const string DemoUser = "demo-user";
}

public sealed class CasesApiOnSqlite() : CasesApiTests(DbKind.Sqlite);
public sealed class CasesApiOnPostgres() : CasesApiTests(DbKind.Postgres);
