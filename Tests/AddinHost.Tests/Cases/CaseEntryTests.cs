using System.Net;
using AddinHost.Cases.Import;
using AddinHost.Mailbox;
using AddinHost.Tests.Fixtures;

namespace AddinHost.Tests.Cases;

/// <summary>A case typed in the Outlook pane for an unknown sender: checked field by field, opened once, then found
/// from the sender's messages.</summary>
public abstract class CaseEntryTests(DbKind kind) : ApiTestBase(kind)
{
    private static object Request(Guid creditor, string number = "EI-2025-001", string? siren = "732829320") => new
    {
        creditorId = creditor,
        debtor = new { name = "Entreprise Inconnue SAS", kind = "Professionnel", siren,
            email = "contact@entreprise-inconnue.example", city = "Lyon" },
        invoices = new[]
        {
            new { number, issueDate = "2025-06-02", dueDate = "2025-07-02", amountTtc = 1_440.00m },
            new { number = number + "-B", issueDate = "2025-07-01", dueDate = "2025-07-31", amountTtc = 360.50m },
        },
    };

    [Fact]
    public async Task An_unknown_sender_gets_a_case_that_their_next_message_opens()
    {
        var creditor = await CreateCreditorAsync();
        var before = await (await Client.GetAsync("/api/mailbox/messages/demo-message-4/case"))
            .ReadAsync<MessageCaseDto>();
        Assert.Empty(before.Cases);
        Assert.NotNull(before.Offer);

        var response = await Client.PostJsonAsync("/api/cases", Request(creditor));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.ReadAsync<CreatedCaseDto>();
        Assert.Equal((2, 1, 1),
            (created.Report.InvoicesCreated, created.Report.DebtorsCreated, created.Report.CasesCreated));
        var details = await GetCaseAsync(created.CaseId);
        Assert.Equal("Entreprise Inconnue SAS", details.Debtor.Name);
        Assert.Equal(1_800.50m, details.Invoices.Sum(i => i.AmountTtc));

        var after = await (await Client.GetAsync("/api/mailbox/messages/demo-message-4/case"))
            .ReadAsync<MessageCaseDto>();
        Assert.Equal(MatchKind.Adresse, after.MatchedBy);
        Assert.Equal(created.CaseId, Assert.Single(after.Cases).Id);

        // Typed again (a double click): the same case, nothing added.
        var again = await (await Client.PostJsonAsync("/api/cases", Request(creditor))).ReadAsync<CreatedCaseDto>();
        Assert.Equal(created.CaseId, again.CaseId);
        Assert.Equal((0, 2), (again.Report.InvoicesCreated, again.Report.InvoicesAlreadyPresent));
    }

    [Fact]
    public async Task Each_bad_field_is_named_and_nothing_is_written()
    {
        var creditor = await CreateCreditorAsync();
        var problem = await (await Client.PostJsonAsync("/api/cases", new
        {
            creditorId = creditor,
            debtor = new { name = " ", siren = "123456789", email = "pas-une-adresse" },
            invoices = new[]
            {
                new { number = "X-1", issueDate = "2025-07-10", dueDate = "2025-07-01", amountTtc = 0m },
                new { number = "X-1", issueDate = "2025-07-10", dueDate = "2025-08-01", amountTtc = 10m },
            },
        })).ProblemAsync(400);
        var errors = problem.GetProperty("errors");
        foreach (var field in new[] { "debtor.name", "debtor.kind", "debtor.siren", "debtor.email",
            "invoices[0].dueDate", "invoices[0].amountTtc", "invoices" })
            Assert.True(errors.TryGetProperty(field, out _), $"{field} missing in {errors}");
        await (await Client.PostJsonAsync("/api/cases",
                new { debtor = new { name = "X", kind = "Consommateur" }, invoices = Array.Empty<object>() }))
            .ProblemAsync(400);
        Assert.Empty(await ListCasesAsync());
    }
}

public sealed class CaseEntryOnSqlite() : CaseEntryTests(DbKind.Sqlite);
public sealed class CaseEntryOnPostgres() : CaseEntryTests(DbKind.Postgres);
