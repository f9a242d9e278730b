using System.Net;
using System.Text.Json;
using AddinHost.Dispatch;
using AddinHost.Dispatch.Outbox;
using AddinHost.Tests.Fixtures;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace AddinHost.Tests.Dispatch;

/// <summary>AR24's callbacks are hints: a forged one from elsewhere does nothing, a lying body changes
/// nothing.</summary>
public abstract class WebhookTests(DbKind kind) : IAsyncLifetime
{
    private const string Allowed = "10.1.2.3";
    private DunningApp _app = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _app = new DunningApp(kind, await TestDatabase.CreateAsync(kind), "cabinet-test")
        {
            OwnsDatabase = true,
            Settings = new Dictionary<string, string>
            {
                ["Dispatch:PollSeconds"] = "259200", ["Ar24:WebhookAllowedIps:0"] = Allowed
            },
            ExtraServices = s => s.AddSingleton<IStartupFilter, RemoteAddressFromHeader>(),
        };
        _client = _app.CreateClient();
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private DispatchProcessor Processor => _app.Services.GetRequiredService<DispatchProcessor>();

    private async Task Webhook(string from, string tenantKey, string body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/webhooks/ar24/{tenantKey}")
        {
            Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json")
        };
        request.Headers.Add("X-Test-Remote-Ip", from);
        Assert.Equal(HttpStatusCode.OK, (await _client.SendAsync(request)).StatusCode);
    }

    [Fact]
    public async Task Only_an_allowed_source_triggers_a_re_read_and_the_body_is_never_believed()
    {
        await NoticeScenario.SetCabinetAsync(_client);
        var creditor = await (await _client.PostJsonAsync("/api/creditors",
                new { name = "Créancier", kind = "Client", contactConsentOn = "2025-01-15" }))
            .ReadAsync<AddinHost.Cases.CreditorEndpoints.CreditorDto>();
        (await _client.PostAsync("/api/import/invoices",
            SampleFiles.Form(SampleFiles.TypicalCsv("W"), creditorId: creditor.Id))).EnsureSuccessStatusCode();
        var cases = await (await _client.GetAsync("/api/cases")).ReadAsync<List<AddinHost.Cases.CaseSummaryDto>>();
        var caseId = cases.Single(c => c.Debtor == "Garage Fontaine SARL").Id;
        await NoticeScenario.TakeRemindersAsync(_client, caseId);
        var dispatch = await (await _client.PostJsonAsync($"/api/cases/{caseId}/dispatches", new { level = 3 }))
            .ReadAsync<DispatchDto>();
        while (await Processor.ProcessNextAsync(default)) { }

        // accepted at AR24; the next poll is days away
        _app.Clock.Advance(TimeSpan.FromDays(1) + TimeSpan.FromMinutes(1));
        Assert.False(await Processor.ProcessNextAsync(default));

        var key = _app.Services.GetRequiredService<WebhookKeys>().For(_app.Tenant);
        var lie = JsonSerializer.Serialize(new { id_mail = dispatch.ProviderMailId, status = "refused" });
        await Webhook("10.9.9.9", key, lie);           // forged, from outside the allow-list
        await Webhook(Allowed, "clé-inconnue", lie);   // unknown tenant key
        Assert.False(await Processor.ProcessNextAsync(default));

        foreach (var garbage in new[] { "null", "[]", "{\"id_mail\": null}", "{\"id\": {\"x\": 1}}", "pas du JSON",
            "{\"id_mail\": \"12a\"}" })
            await Webhook(Allowed, key, garbage); // always a quick 200: AR24 would otherwise retry for 12 hours
        await Webhook(Allowed, key, lie);
        Assert.True(await Processor.ProcessNextAsync(default));
        var state = (await (await _client.GetAsync($"/api/dispatches/{dispatch.Id}")).ReadAsync<DispatchDto>()).State;
        Assert.Equal(DispatchState.Accepted, state); // what AR24 says over the signed API, not what the body claimed
    }
}

public sealed class WebhookOnSqlite() : WebhookTests(DbKind.Sqlite);
public sealed class WebhookOnPostgres() : WebhookTests(DbKind.Postgres);
