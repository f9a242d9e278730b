using AddinHost.Mailbox;
using AddinHost.Tests.Fixtures;

namespace AddinHost.Tests.Hostile;

/// <summary>
/// A debtor's e-mail built to make the invoice-number search quadratic, and addresses built to make the e-mail check
/// backtrack: the search reads the subject and the first 32,768 characters of the body only, with a linear scan, and an
/// address over 254 characters is refused before any matching.
/// </summary>
public abstract class MailAndAddressAttackTests(DbKind kind) : GraphServerTestBase(kind)
{
    [Fact]
    public async Task A_two_megabyte_body_of_slashes_is_searched_only_up_to_its_cap()
    {
        var (_, company, _) = await SeedTypicalAsync();
        var flood = string.Concat(Enumerable.Repeat("/1-", 700_000));
        Graph.AddMessage("m-flood", "inconnu@gmail.com", "Bonjour", flood + " facture F-002");
        Graph.AddMessage("m-subject", "inconnu@gmail.com", "Facture F-002", flood);

        var beyondCap = await (await Client.GetAsync("/api/mailbox/messages/m-flood/case")).ReadAsync<MessageCaseDto>();
        Assert.Null(beyondCap.MatchedBy); // the number sits after the 32,768 characters searched: never read
        Assert.DoesNotContain("F-002", beyondCap.InvoiceNumbersFound);

        var inSubject = await (await Client.GetAsync("/api/mailbox/messages/m-subject/case"))
            .ReadAsync<MessageCaseDto>();
        Assert.Equal((MatchKind.Facture, company.Id), (inSubject.MatchedBy, inSubject.Cases.Single().Id));
    }

    [Fact]
    public async Task An_address_of_80000_characters_is_refused_before_matching_by_the_pane_and_by_the_import()
    {
        var creditor = await CreateCreditorAsync();
        var address = new string('a', 40_000) + "@" + string.Concat(Enumerable.Repeat("b.", 19_999)) + "fr";
        var typed = await Client.PostJsonAsync("/api/cases", new
        {
            creditorId = creditor, debtor = new { name = "Débiteur SARL", kind = "Professionnel", email = address },
            invoices = new[] { new { number = "X-1", issueDate = "2025-01-01", dueDate = "2025-02-01",
                amountTtc = 10m } },
        });
        var problem = await typed.ProblemAsync(400);
        Assert.Contains("254 caractères au plus",
            problem.GetProperty("errors").GetProperty("debtor.email")[0].GetString());

        // In a file, a line stops at 8,192 characters and a column at 1,000:
        // within them, the address's own cap applies.
        var shorter = new string('a', 400) + "@" + string.Concat(Enumerable.Repeat("b.", 200)) + "fr";
        var csv = SampleFiles.Csv($"Débiteur SARL;;{shorter};;;;X-1;01/01/2025;01/02/2025;10,00;0;professionnel");
        var imported = await (await Client.PostAsync("/api/import/invoices",
            SampleFiles.Form(csv, creditorId: creditor)))
            .ProblemAsync(422);
        Assert.Contains("254 au plus", imported.GetProperty("errors").GetProperty("ligne 2")[0].GetString());
        Assert.Empty(await ListCasesAsync()); // nothing half-imported
    }
}

public sealed class MailAndAddressAttacksOnSqlite() : MailAndAddressAttackTests(DbKind.Sqlite);
public sealed class MailAndAddressAttacksOnPostgres() : MailAndAddressAttackTests(DbKind.Postgres);
