using AddinHost.Mailbox;
using AddinHost.Tests.Fixtures;

namespace AddinHost.Tests.Mailbox;

/// <summary>The demo's sample mailbox answers as Graph does: the message's case, and only the debtor's own messages in its list.</summary>
public sealed class SampleMailboxTests : IAsyncLifetime
{
    private DunningApp _app = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _app = new DunningApp(DbKind.Sqlite, await TestDatabase.CreateAsync(DbKind.Sqlite), "cabinet-demo", "Development") { SeedDemo = true };
        _client = _app.CreateClient();
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task A_sample_message_opens_its_case_and_the_case_lists_its_debtors_messages_only()
    {
        var found = await (await _client.GetAsync("/api/mailbox/messages/demo-message-1/case")).ReadAsync<MessageCaseDto>();
        Assert.Equal(MatchKind.Adresse, found.MatchedBy);
        var caseId = Assert.Single(found.Cases).Id;
        var list = await (await _client.GetAsync($"/api/cases/{caseId}/messages")).ReadAsync<DebtorMessagesDto>();
        var message = Assert.Single(list.Messages);
        Assert.Equal("demo-message-1", message.Id);
        Assert.Equal(ReplyHint.Contestation, Assert.Single(message.Suggestions).Hint);
    }
}
