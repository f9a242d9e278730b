using System.Collections.Concurrent;
using AddinHost.Cases;
using AddinHost.Dispatch.Outbox;
using AddinHost.Infrastructure.Data;
using AddinHost.Mailbox;
using AddinHost.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AddinHost.Tests.Infrastructure;

/// <summary>
/// Professional secrecy in the logs: the demo's whole flow (the message's case, letters, a mise en demeure, an e-mail
/// reminder, the calendar, proofs, refusals) runs with every log line captured at the most verbose level, and not one
/// carries a debtor's name or address, nor a creditor's IBAN.
/// </summary>
public sealed class PersonalDataLogTests : IAsyncLifetime
{
    private readonly CapturedLogs _logs = new();
    private DunningApp _app = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _app = new DunningApp(DbKind.Sqlite, await TestDatabase.CreateAsync(DbKind.Sqlite), "cabinet-demo",
            "Development")
        {
            SeedDemo = true,
            OwnsDatabase = true,
            Settings = new Dictionary<string, string>
            {
                ["Logging:LogLevel:Default"] = "Trace", ["Logging:LogLevel:Microsoft"] = "Trace"
            },
            ExtraServices = s => s.AddSingleton<ILoggerProvider>(_logs),
        };
        _client = _app.CreateClient();
        await Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task The_demo_flow_logs_no_debtor_name_address_or_iban()
    {
        var found = await (await _client.GetAsync("/api/mailbox/messages/demo-message-1/case"))
            .ReadAsync<MessageCaseDto>();
        var garage = found.Cases.Single().Id;
        (await _client.GetAsync($"/api/cases/{garage}")).EnsureSuccessStatusCode();
        (await _client.GetAsync($"/api/cases/{garage}/messages")).EnsureSuccessStatusCode();
        (await _client.PostJsonAsync($"/api/cases/{garage}/letters/preview",
                new { template = "mise-en-demeure", format = "docx" }))
            .EnsureSuccessStatusCode();
        (await _client.PostJsonAsync($"/api/cases/{garage}/dispatches", new { level = 3 })).EnsureSuccessStatusCode();
        var processor = _app.Services.GetRequiredService<DispatchProcessor>();
        while (await processor.ProcessNextAsync(default)) { }
        _app.Clock.Advance(TimeSpan.FromDays(2)); // the simulated debtor accepts
        while (await processor.ProcessNextAsync(default)) { }
        (await _client.GetAsync($"/api/cases/{garage}/evidence")).EnsureSuccessStatusCode();
        (await _client.PostAsync($"/api/cases/{garage}/calendar", null)).EnsureSuccessStatusCode();
        foreach (var c in await (await _client.GetAsync("/api/cases")).ReadAsync<List<CaseSummaryDto>>())
            if (c.NextChannel == AddinHost.Cases.Planning.StepChannel.Email && c.NextStepIsDue)
                await _client.PostJsonAsync($"/api/cases/{c.Id}/dispatches", new
                {
                    level = (await (await _client.GetAsync($"/api/cases/{c.Id}")).ReadAsync<CaseDetailsDto>())
                        .Ladder.Next!.Level
                });
        while (await processor.ProcessNextAsync(default)) { }
        (await _client.PostJsonAsync("/api/mailbox/messages/demo-message-3/attachments", new { caseId = garage }))
            .EnsureSuccessStatusCode();
        await _client.PostJsonAsync("/api/cases",
            new { debtor = new { name = "Débiteur Refusé SARL", email = "refus@debiteur.example" } }); // refused: 400
        await _client.GetAsync("/api/mailbox/messages/inconnu/case"); // not found: 404

        List<string> secrets;
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<TenantContext>().Set(_app.Tenant);
            var db = scope.ServiceProvider.GetRequiredService<DunningDbContext>();
            var debtors = await db.Debtors.Select(d => new { d.Name, d.Email, d.Address }).ToListAsync();
            var ibans = await db.Creditors.Where(c => c.Iban != null).Select(c => c.Iban!).ToListAsync();
            secrets = [.. debtors.SelectMany(d => new[] { d.Name, d.Email ?? "", d.Address ?? "" }), .. ibans,
                .. ibans.Select(i => i.Replace(" ", "")),
                "Débiteur Refusé SARL", "refus@debiteur.example"];
        }
        secrets = secrets.Where(s => !string.IsNullOrWhiteSpace(s)).Select(s => s!).Distinct().ToList();
        Assert.True(secrets.Count > 20, "the demo's debtors and creditors were read");
        Assert.True(_logs.Lines.Count > 100, "the flow was logged");
        var leaks = _logs.Lines
            .SelectMany(line => secrets.Where(s => line.Contains(s, StringComparison.OrdinalIgnoreCase))
                .Select(s => $"« {s} » in: {line}"))
            .Take(5).ToList();
        Assert.True(leaks.Count == 0, string.Join(Environment.NewLine, leaks));
    }
}
