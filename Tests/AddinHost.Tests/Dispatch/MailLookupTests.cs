using System.Net;
using System.Text.Json;
using AddinHost.Cases;
using AddinHost.Dispatch.Ar24;
using AddinHost.Dispatch.Outbox;
using AddinHost.Tests.Fixtures;
using Microsoft.Extensions.DependencyInjection;

namespace AddinHost.Tests.Dispatch;

/// <summary>
/// After a lost reply, the letter is looked for in its sender's paged AR24 list: found wherever it sits, and never
/// planned again unless the scan provably covered every mail since the send began.
/// </summary>
public abstract class MailLookupTests(DbKind kind) : ApiTestBase(kind)
{
    // Ten mails a page, at most three pages: small enough for the tests to reach the limits.
    protected override IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
    {
        ["Ar24:ListPageSize"] = "10", ["Dispatch:LookupMaxPages"] = "3",
    };

    private DispatchProcessor Processor => App.Services.GetRequiredService<DispatchProcessor>();

    private async Task<JsonElement> StateAsync() =>
        JsonDocument.Parse(await Client.GetStringAsync("/sandbox/ar24/_state")).RootElement;

    private async Task<Guid> PlanNoticeAsync()
    {
        await NoticeScenario.SetCabinetAsync(Client);
        var (_, company, _) = await SeedTypicalAsync();
        await NoticeScenario.TakeRemindersAsync(Client, company.Id);
        return (await (await Client.PostJsonAsync($"/api/cases/{company.Id}/dispatches",
            new { level = 3 })).ReadAsync<DispatchDto>()).Id;
    }

    /// <summary>Other letters the same sender sends afterwards (from another tool of the firm), straight through the
    /// client.</summary>
    private async Task SendNewerMailsAsync(int count)
    {
        var sender = (await (await Client.GetAsync("/api/ar24/senders"))
                .ReadAsync<List<AddinHost.Dispatch.Senders.SenderDto>>())
            .Single(s => s.Email == NoticeScenario.CabinetEmail).Ar24UserId!.Value;
        await using var scope = App.Services.CreateAsyncScope();
        var ar24 = scope.ServiceProvider.GetRequiredService<Ar24Client>();
        for (var i = 0; i < count; i++)
            await ar24.SendMailAsync(new NewAr24Mail(sender,
                new Ar24RecipientFields("", "Autre", "Autre SAS", $"autre{i}@autre.example", "professionnel"),
                "Autre courrier", $"autre-{i}", "AUTRE", [], null), default);
    }

    [Fact]
    public async Task A_lost_reply_whose_letter_sits_on_page_3_of_the_senders_list_is_found_not_resent()
    {
        var dispatch = await PlanNoticeAsync();
        Assert.Equal(HttpStatusCode.NoContent,
            (await Client.PostJsonAsync("/sandbox/ar24/_faults", new[] { "lost" })).StatusCode);
        while (await Processor.ProcessNextAsync(default)) { }
        Assert.Equal(DispatchState.ToVerify, (await Client.DispatchAsync(dispatch)).State);
        await SendNewerMailsAsync(25); // newest first, ten a page: the letter is the 26th, on page 3

        var listed = (await StateAsync()).GetProperty("listCalls").GetInt32();
        App.Clock.Advance(TimeSpan.FromMinutes(15)); // past the grace: a "not found" would now send it again
        while (await Processor.ProcessNextAsync(default)) { }

        Assert.Equal(DispatchState.Deposited, (await Client.DispatchAsync(dispatch)).State);
        Assert.Equal(1, await Client.MailsAtAr24Async(dispatch));
        Assert.Equal(3, (await StateAsync()).GetProperty("listCalls").GetInt32() - listed); // pages 1, 2 and 3, no more
    }

    [Fact]
    public async Task
        A_scan_that_cannot_cover_the_window_since_the_send_leaves_the_letter_to_verify_and_never_sends_it_again()
    {
        var dispatch = await PlanNoticeAsync();
        Processor.FaultInjector = p => { if (p == "before-send") throw new SimulatedCrash(p); };
        await Assert.ThrowsAsync<SimulatedCrash>(() => Processor.ProcessNextAsync(default));
        Processor.FaultInjector = null;
        await SendNewerMailsAsync(35); // all newer than the send: three pages of ten never reach back to it

        foreach (var wait in new[] { TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(15), TimeSpan.FromHours(2),
            TimeSpan.FromDays(3) })
        {
            App.Clock.Advance(wait);
            while (await Processor.ProcessNextAsync(default)) { }
            Assert.Equal(DispatchState.ToVerify, (await Client.DispatchAsync(dispatch)).State);
        }
        var row = await Client.DispatchAsync(dispatch);
        Assert.Contains("n'a pas pu remonter", row.FailureReason);
        Assert.Equal(0, await Client.MailsAtAr24Async(dispatch)); // never planned again, never sent
        var caseId = row.CaseId;
        Assert.Single((await GetCaseAsync(caseId)).History, h => h.Kind == CaseEventKind.EnvoiEchoue
            && h.Summary.Contains("à vérifier"));
    }

    [Fact]
    public async Task A_scan_that_reaches_the_end_of_the_list_proves_the_letter_absent_and_it_goes_once()
    {
        var dispatch = await PlanNoticeAsync();
        Processor.FaultInjector = p => { if (p == "before-send") throw new SimulatedCrash(p); };
        await Assert.ThrowsAsync<SimulatedCrash>(() => Processor.ProcessNextAsync(default));
        Processor.FaultInjector = null;
        await SendNewerMailsAsync(15); // two pages, then an empty one: the whole list was seen

        App.Clock.Advance(TimeSpan.FromMinutes(15));
        for (var round = 0; round < 5 && (await Client.DispatchAsync(dispatch)).State != DispatchState.Deposited;
            round++)
        {
            while (await Processor.ProcessNextAsync(default)) { }
            App.Clock.Advance(TimeSpan.FromMinutes(1));
        }
        Assert.Equal(DispatchState.Deposited, (await Client.DispatchAsync(dispatch)).State);
        Assert.Equal(1, await Client.MailsAtAr24Async(dispatch));
    }
}

public sealed class MailLookupOnSqlite() : MailLookupTests(DbKind.Sqlite);
public sealed class MailLookupOnPostgres() : MailLookupTests(DbKind.Postgres);
