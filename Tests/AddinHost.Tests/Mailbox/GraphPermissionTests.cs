using AddinHost.Dispatch.Outbox;
using AddinHost.Mailbox;
using AddinHost.Tests.Fixtures;
using Microsoft.Extensions.DependencyInjection;
using AddinHost.Graph;

namespace AddinHost.Tests.Mailbox;

/// <summary>
/// Every delegated permission the product asks for (<c>Graph:Scopes</c>, by default
/// <see cref="GraphOptions.DefaultScopes"/>) is needed: without each one, the Graph test server refuses the action
/// that uses it, as Graph would, and the user is told in French. A permission dropped from the defaults fails here.
/// </summary>
public sealed class GraphPermissionTests : IAsyncLifetime
{
    private const string Shared = "recouvrement@cabinet-test.example";
    private GraphTestServer _graph = null!;

    public async Task InitializeAsync() => _graph = await GraphTestServer.StartAsync();
    public async Task DisposeAsync() => await _graph.DisposeAsync();

    public static TheoryData<string> Scopes =>
        new(GraphOptions.DefaultScopes.Select(s => s[(s.LastIndexOf('/') + 1)..]));

    [Theory]
    [MemberData(nameof(Scopes))]
    public async Task Without_each_permission_its_action_is_refused_with_a_french_reason(string missing)
    {
        var settings = new Dictionary<string, string> { ["Graph:BaseUrl"] = _graph.BaseUrl };
        var kept = GraphOptions.DefaultScopes.Where(s => !s.EndsWith("/" + missing, StringComparison.Ordinal)).ToList();
        Assert.Equal(GraphOptions.DefaultScopes.Length - 1, kept.Count);
        for (var i = 0; i < kept.Count; i++) settings[$"Graph:Scopes:{i}"] = kept[i];
        await using var app = new DunningApp(DbKind.Sqlite, await TestDatabase.CreateAsync(DbKind.Sqlite),
                "cabinet-test")
            { Settings = settings, OwnsDatabase = true };
        var client = app.CreateClient();
        var shared = app.CreateClient();
        shared.DefaultRequestHeaders.Add(SharedMailbox.OwnerHeader, Shared);
        var box = _graph.Grant(Shared,
            MailboxRights.Read | MailboxRights.FullAccess | MailboxRights.SendAs | MailboxRights.CalendarEditor);
        _graph.AddMessage("msg", "compta@garage-fontaine.example", "Facture F-001", "Bonjour.");
        GraphTestServer.AddMessage(box, "msg-partage", "compta@garage-fontaine.example", "Facture F-001", "Bonjour.");
        // The client's consent to contact its debtors (RIN art. 8.2): without it no letter leaves, whatever the
        // mailbox.
        var creditor = (await (await client.PostJsonAsync("/api/creditors", new
            {
                name = "Menuiserie Bressan SAS", kind = "Client", category = "Autre", siren = "552100554",
                contactConsentOn = "2025-01-15", contactConsentEvidence = "lettre de mission",
            }))
            .ReadAsync<AddinHost.Cases.CreditorEndpoints.CreditorDto>()).Id;
        (await client.PostAsync("/api/import/invoices",
                SampleFiles.Form(SampleFiles.TypicalCsv("F"), creditorId: creditor)))
            .EnsureSuccessStatusCode();
        var company = (await (await client.GetAsync("/api/cases")).ReadAsync<List<AddinHost.Cases.CaseSummaryDto>>())
            .Single(c => c.Debtor == "Garage Fontaine SARL").Id;

        string? refusal = missing switch
        {
            "Mail.ReadWrite" => await ProblemAsync(client.GetAsync("/api/mailbox/messages/msg/case")),
            "Mail.ReadWrite.Shared" => await ProblemAsync(shared.GetAsync("/api/mailbox/messages/msg-partage/case")),
            "Calendars.ReadWrite" => await ProblemAsync(client.PostAsync($"/api/cases/{company}/calendar", null)),
            "Calendars.ReadWrite.Shared" => await OwnersCalendarAsync(client, shared, company),
            _ => await FailedEmailAsync(app, missing == "Mail.Send" ? client : shared, company),
        };
        Assert.NotNull(refusal);
        Assert.Contains("consentement", refusal);
        Assert.Contains(_graph.MissingScopes, m => m.Split(": ")[1].Split(", ").Contains(missing));
    }

    private static async Task<string?> ProblemAsync(Task<HttpResponseMessage> call) =>
        (await (await call).ProblemAsync(403)).GetProperty("detail").GetString();

    private static async Task<string?> OwnersCalendarAsync(HttpClient admin, HttpClient shared, Guid caseId)
    {
        (await admin.PutJsonAsync($"/api/shared-mailboxes/{Shared}", new { calendar = "Proprietaire" }))
            .EnsureSuccessStatusCode();
        return await ProblemAsync(shared.PostAsync($"/api/cases/{caseId}/calendar", null));
    }

    /// <summary>The e-mail step, planned then sent by the outbox: it fails with its reason, and nothing
    /// leaves.</summary>
    private async Task<string?> FailedEmailAsync(DunningApp app, HttpClient client, Guid caseId)
    {
        var planned = await (await client.PostJsonAsync($"/api/cases/{caseId}/dispatches", new { level = 1 }))
            .ReadAsync<DispatchDto>();
        var processor = app.Services.GetRequiredService<DispatchProcessor>();
        while (await processor.ProcessNextAsync(default)) { }
        var dispatch = await client.DispatchAsync(planned.Id);
        Assert.Equal(DispatchState.Failed, dispatch.State);
        Assert.Equal(0, _graph.SentWithMark(planned.Id.ToString()));
        return dispatch.FailureReason;
    }
}
