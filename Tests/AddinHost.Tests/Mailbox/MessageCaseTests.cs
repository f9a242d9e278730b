using AddinHost.Infrastructure.Data;
using AddinHost.Mailbox;
using AddinHost.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using AddinHost.Cases;

namespace AddinHost.Tests.Mailbox;

/// <summary>The case of the message open in Outlook, read through the real Graph SDK from a local Graph
/// server.</summary>
public abstract class MessageCaseTests(DbKind kind) : GraphServerTestBase(kind)
{
    private async Task<MessageCaseDto> CaseOfAsync(string id) =>
        await (await Client.GetAsync($"/api/mailbox/messages/{id}/case")).ReadAsync<MessageCaseDto>();

    [Fact]
    public async Task The_sender_address_then_the_domain_then_an_invoice_number_find_the_case()
    {
        var (_, company, _) = await SeedTypicalAsync();
        Graph.AddMessage("m-adresse", "compta@garage-fontaine.example", "Re: votre relance",
            "Nous contestons les pénalités.");
        Graph.AddMessage("m-domaine", "Direction@Garage-Fontaine.example", "Échéancier",
            "Pouvons-nous payer en trois fois ?");
        Graph.AddMessage("m-facture", "jean.martin@gmail.com", "Paiement",
            "Le virement pour la facture F-002 est parti ce matin.");

        var byAddress = await CaseOfAsync("m-adresse");
        Assert.Equal(MatchKind.Adresse, byAddress.MatchedBy);
        Assert.Equal([company.Id], byAddress.Cases.Select(c => c.Id));
        Assert.Equal("Re: votre relance", byAddress.Message.Subject);
        Assert.Contains(Graph.Authorizations,
            a => a.StartsWith("Bearer ", StringComparison.Ordinal)); // the SDK sent the token

        var byDomain = await CaseOfAsync("m-domaine");
        Assert.Equal((MatchKind.Domaine, company.Id), (byDomain.MatchedBy, byDomain.Cases.Single().Id));
        Assert.Contains("vérifiez", byDomain.Explanation);

        var byInvoice = await CaseOfAsync("m-facture");
        Assert.Equal((MatchKind.Facture, company.Id), (byInvoice.MatchedBy, byInvoice.Cases.Single().Id));
        Assert.Contains("F-002", byInvoice.InvoiceNumbersFound);
    }

    [Fact]
    public async Task An_unknown_sender_is_offered_a_case_or_a_link_and_a_linked_address_finds_its_debtor()
    {
        var (_, company, _) = await SeedTypicalAsync();
        Graph.AddMessage("m-inconnu", "paul.fontaine@gmail.com", "Question", "Bonjour, pouvez-vous me rappeler ?",
            fromName: "Paul Fontaine");
        var unknown = await CaseOfAsync("m-inconnu");
        Assert.Null(unknown.MatchedBy);
        Assert.Empty(unknown.Cases);
        Assert.Equal(("Paul Fontaine", "paul.fontaine@gmail.com"),
            (unknown.Offer!.SuggestedDebtorName, unknown.Offer.Address));

        await (await Client.PostJsonAsync("/api/mailbox/links",
            new { address = "pas-une-adresse", debtorId = Guid.NewGuid() })).ProblemAsync(400);
        await (await Client.PostJsonAsync("/api/mailbox/links",
            new { address = "paul.fontaine@gmail.com", debtorId = Guid.NewGuid() })).ProblemAsync(404);
        Guid debtorId;
        await using (var scope = App.Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<TenantContext>().Set(App.Tenant);
            debtorId = await scope.ServiceProvider.GetRequiredService<DunningDbContext>().Cases
                .Where(c => c.Id == company.Id).Select(c => c.DebtorId).SingleAsync();
        }
        (await Client.PostJsonAsync("/api/mailbox/links", new { address = "Paul.Fontaine@gmail.com", debtorId }))
            .EnsureSuccessStatusCode();
        var linked = await CaseOfAsync("m-inconnu");
        Assert.Equal((MatchKind.Adresse, company.Id), (linked.MatchedBy, linked.Cases.Single().Id));
    }

    [Fact]
    public async Task Graph_throttling_is_retried_by_the_sdk_and_its_failures_are_explained()
    {
        await SeedTypicalAsync();
        Graph.AddMessage("limite-puis-ok", "compta@garage-fontaine.example", "Relance", "…");
        Assert.Equal(MatchKind.Adresse, (await CaseOfAsync("limite-puis-ok")).MatchedBy);
        Assert.Equal(2, Graph.Hits("limite-puis-ok")); // a 429 with Retry-After, then the retry

        var expired = await (await Client.GetAsync("/api/mailbox/messages/expire/case")).ProblemAsync(401);
        Assert.Contains("session Microsoft 365", expired.GetProperty("detail").GetString());
        var missing = await (await Client.GetAsync("/api/mailbox/messages/absent/case")).ProblemAsync(404);
        Assert.Contains("introuvable", missing.GetProperty("detail").GetString());
        var outage = await (await Client.GetAsync("/api/mailbox/messages/panne/case")).ProblemAsync(503);
        Assert.Contains("ne répond pas", outage.GetProperty("detail").GetString());
        Assert.True(Graph.Hits("panne") > 1); // retried before giving up
        Assert.True((await Client.GetAsync("/api/cases")).IsSuccessStatusCode); // the case view never depends on Graph
    }

    [Fact]
    public async Task The_debtors_messages_since_the_last_step_come_page_by_page_with_their_hints()
    {
        var (_, company, _) = await SeedTypicalAsync();
        await NoticeScenario.TakeRemindersAsync(Client, company.Id); // last step on 10/09/2025
        for (var i = 0; i < 30; i++)
            Graph.AddMessage($"m-{i:00}", "compta@garage-fontaine.example", $"Message {i:00}", "Bonjour Maître,",
                receivedAt: $"2025-09-{11 + i % 18:00}T{8 + i % 10:00}:00:{i:00}Z");
        Graph.AddMessage("m-virement", "compta@garage-fontaine.example", "Paiement",
            "Le virement a été effectué ce matin.",
            receivedAt: "2025-09-29T18:00:00Z");
        Graph.AddMessage("m-ancien", "compta@garage-fontaine.example", "Ancien", "Avant la relance.",
            receivedAt: "2025-08-01T08:00:00Z");
        Graph.AddMessage("m-autre", "autre@ailleurs.example", "Autre", "Rien à voir.",
            receivedAt: "2025-09-20T08:00:00Z");

        var paymentsBefore = (await GetCaseAsync(company.Id)).Payments.Count;
        var list = await (await Client.GetAsync($"/api/cases/{company.Id}/messages")).ReadAsync<DebtorMessagesDto>();
        Assert.Equal(new DateOnly(2025, 9, 10), list.Since);
        Assert.Equal(31, list.Messages.Count);
        Assert.Equal(2, Graph.Hits("(liste)")); // 25 and then 6, through @odata.nextLink
        Assert.DoesNotContain(list.Messages, m => m.Id is "m-ancien" or "m-autre");
        Assert.Equal(list.Messages.OrderByDescending(m => m.ReceivedAt).Select(m => m.Id),
            list.Messages.Select(m => m.Id));
        var paid = list.Messages.First();
        Assert.Equal("m-virement", paid.Id);
        Assert.Equal(ReplyHint.AvisDePaiement, Assert.Single(paid.Suggestions).Hint);
        Assert.Equal(paymentsBefore, (await GetCaseAsync(company.Id)).Payments.Count); // a hint, never a decision
    }
}

public sealed class MessageCaseOnSqlite() : MessageCaseTests(DbKind.Sqlite);
public sealed class MessageCaseOnPostgres() : MessageCaseTests(DbKind.Postgres);
