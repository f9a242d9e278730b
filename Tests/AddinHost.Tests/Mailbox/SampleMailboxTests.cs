using AddinHost.Cases;
using AddinHost.Cases.Planning;
using AddinHost.Dispatch.Outbox;
using AddinHost.Mailbox;
using AddinHost.Sandbox;
using AddinHost.Tests.Fixtures;
using Microsoft.Extensions.DependencyInjection;

namespace AddinHost.Tests.Mailbox;

/// <summary>
/// The demo's sample mailbox answers as Graph does: the message's case, only the debtor's own messages in its list, an
/// e-mail reminder sent once, and the deadlines in its calendar.
/// </summary>
public sealed class SampleMailboxTests : IAsyncLifetime
{
    private DunningApp _app = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _app = new DunningApp(DbKind.Sqlite, await TestDatabase.CreateAsync(DbKind.Sqlite), "cabinet-demo",
            "Development") { SeedDemo = true, OwnsDatabase = true };
        _client = _app.CreateClient();
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task A_sample_message_opens_its_case_and_the_case_lists_its_debtors_messages_only()
    {
        var found = await (await _client.GetAsync("/api/mailbox/messages/demo-message-1/case"))
            .ReadAsync<MessageCaseDto>();
        Assert.Equal(MatchKind.Adresse, found.MatchedBy);
        var caseId = Assert.Single(found.Cases).Id;
        var list = await (await _client.GetAsync($"/api/cases/{caseId}/messages")).ReadAsync<DebtorMessagesDto>();
        var message = Assert.Single(list.Messages);
        Assert.Equal("demo-message-1", message.Id);
        Assert.Equal(ReplyHint.Contestation, Assert.Single(message.Suggestions).Hint);
    }

    [Fact]
    public async Task The_demo_sends_an_email_reminder_from_the_sample_mailbox_and_writes_its_deadlines()
    {
        var cases = await (await _client.GetAsync("/api/cases")).ReadAsync<List<CaseSummaryDto>>();
        DispatchPreview? next = null;
        foreach (var c in cases)
        {
            var preview = await _client.GetAsync($"/api/cases/{c.Id}/dispatches/next");
            if (preview.IsSuccessStatusCode
                && await preview.ReadAsync<DispatchPreview>() is { Choice.Channel: StepChannel.Email } p)
            {
                next = p;
                break;
            }
        }
        Assert.NotNull(next); // the demo firm has an e-mail reminder to send
        var planned = await (await _client.PostJsonAsync($"/api/cases/{next.CaseId}/dispatches",
            new { level = next.Level })).ReadAsync<DispatchDto>();
        var processor = _app.Services.GetRequiredService<DispatchProcessor>();
        while (await processor.ProcessNextAsync(default)) { }
        Assert.Equal(1, _app.Services.GetRequiredService<GraphSandboxMail>().SentWithMark(planned.Id.ToString()));

        var deadlines = new List<AddinHost.Calendar.CalendarEntryDto>();
        foreach (var c in cases)
            deadlines.AddRange(await (await _client.PostAsync($"/api/cases/{c.Id}/calendar", null))
                .ReadAsync<List<AddinHost.Calendar.CalendarEntryDto>>());
        Assert.NotEmpty(deadlines);
        Assert.Equal(deadlines.Select(d => d.GraphEventId).Order(),
            _app.Services.GetRequiredService<GraphSandboxCalendar>().Events.Keys.Order());
    }
}
