using System.Net;
using AddinHost.Mailbox;
using AddinHost.Tests.Fixtures;
using AddinHost.Graph;

namespace AddinHost.Tests.Mailbox;

/// <summary>
/// A message opened in a shared mailbox or as a delegate: the pane names the mailbox (getSharedPropertiesAsync's owner
/// and permissions, in two headers), the host reads it from <c>/users/{owner}</c> through the real Graph SDK, and a
/// user without the right gets a French refusal that says which.
/// </summary>
public abstract class SharedMailboxTests(DbKind kind) : GraphServerTestBase(kind)
{
    private const string Owner = "recouvrement@cabinet-test.example";

    private HttpClient In(string owner, string? permissions = "63")
    {
        var client = App.CreateClient();
        client.DefaultRequestHeaders.Add(SharedMailbox.OwnerHeader, owner);
        if (permissions is not null) client.DefaultRequestHeaders.Add(SharedMailbox.PermissionsHeader, permissions);
        return client;
    }

    [Fact]
    public async Task A_message_of_a_shared_mailbox_is_read_there_and_finds_its_case()
    {
        await SeedTypicalAsync();
        var box = Graph.Grant(Owner, MailboxRights.Read);
        GraphTestServer.AddMessage(box, "msg-partage", "compta@garage-fontaine.example", "Facture F-001",
            "Nous réglerons à la fin du mois.");

        var found = await (await In("Recouvrement@Cabinet-Test.example ")
                .GetAsync("/api/mailbox/messages/msg-partage/case"))
            .ReadAsync<MessageCaseDto>();
        Assert.Equal("Garage Fontaine SARL", Assert.Single(found.Cases).Debtor);
        Assert.Equal(Owner, found.Message.Mailbox);
        Assert.Equal(1, Graph.Hits("msg-partage"));

        // The same id is nothing in the user's own mailbox: the pane's headers, not a guess, say where the message is.
        var own = await (await Client.GetAsync("/api/mailbox/messages/msg-partage/case")).ProblemAsync(404);
        Assert.Contains("votre boîte", own.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Without_rights_on_that_mailbox_the_refusal_says_why_and_who_can_grant_them()
    {
        await SeedTypicalAsync();
        GraphTestServer.AddMessage(Graph.Mailbox(Owner), "msg-partage", "compta@garage-fontaine.example",
            "Facture F-001",
            "Bonjour.");

        var refused = await (await In(Owner).GetAsync("/api/mailbox/messages/msg-partage/case")).ProblemAsync(403);
        Assert.Contains(Owner, refused.GetProperty("detail").GetString());
        Assert.Contains("administrateur Exchange", refused.GetProperty("detail").GetString());
        Assert.Equal("acces-refuse", refused.GetProperty("raison").GetString());
        Assert.Equal(Owner, refused.GetProperty("boite").GetString());
    }

    [Fact]
    public async Task Folder_permissions_without_read_are_refused_before_graph_is_asked()
    {
        await SeedTypicalAsync();
        var box = Graph.Grant(Owner, MailboxRights.Read);
        GraphTestServer.AddMessage(box, "msg-partage", "compta@garage-fontaine.example", "Facture F-001", "Bonjour.");

        var refused = await (await In(Owner, permissions: "2").GetAsync("/api/mailbox/messages/msg-partage/case"))
            .ProblemAsync(403);
        Assert.Contains("droit de lecture", refused.GetProperty("detail").GetString());
        Assert.Equal("lecture-non-autorisee", refused.GetProperty("raison").GetString());
        Assert.Equal(0, Graph.Hits("msg-partage"));
    }

    [Theory]
    [InlineData("pas-une-adresse", null, SharedMailbox.OwnerHeader)]
    [InlineData(Owner, "tous", SharedMailbox.PermissionsHeader)]
    [InlineData(Owner, "64", SharedMailbox.PermissionsHeader)]
    public async Task A_malformed_mailbox_is_a_french_400(string owner, string? permissions, string field)
    {
        var problem = await (await In(owner, permissions).GetAsync("/api/mailbox/messages/msg-partage/case"))
            .ProblemAsync(400);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    [Fact]
    public async Task The_debtors_messages_and_their_invoices_are_taken_from_the_shared_mailbox()
    {
        var (_, company, _) = await SeedTypicalAsync();
        var box = Graph.Grant(Owner, MailboxRights.Read);
        GraphTestServer.AddMessage(box, "msg-partage", "compta@garage-fontaine.example", "Nos factures",
            "Ci-joint la facture.",
            receivedAt: "2025-09-30T09:00:00Z");
        GraphTestServer.AddMessage(Graph.Me, "msg-perso", "compta@garage-fontaine.example", "Autre",
            "Dans la boîte de l'avocat.",
            receivedAt: "2025-09-30T09:30:00Z");
        var pdf = AddinHost.Sandbox.SimplePdf.Create(["Facture F-001"]);
        box.Attachments["msg-partage"] = [("F-001.pdf", "application/pdf", pdf)];
        var shared = In(Owner);

        var listed = await (await shared.GetAsync($"/api/cases/{company.Id}/messages")).ReadAsync<DebtorMessagesDto>();
        Assert.Equal(["msg-partage"], listed.Messages.Select(m => m.Id));
        var imported = await (await shared.PostJsonAsync("/api/mailbox/messages/msg-partage/attachments",
                new { caseId = company.Id }))
            .ReadAsync<List<ImportedAttachmentDto>>();
        Assert.True(Assert.Single(imported).Imported);
        Assert.Equal(HttpStatusCode.NotFound,
            (await Client.PostJsonAsync("/api/mailbox/messages/msg-partage/attachments", new { caseId = company.Id }))
                .StatusCode);
    }
}

public sealed class SharedMailboxOnSqlite() : SharedMailboxTests(DbKind.Sqlite);
public sealed class SharedMailboxOnPostgres() : SharedMailboxTests(DbKind.Postgres);
