using System.Net;
using System.Text.Json.Nodes;
using AddinHost.Cases;
using AddinHost.Dispatch.Outbox;
using AddinHost.Mailbox;
using AddinHost.Tests.Fixtures;
using Microsoft.Extensions.DependencyInjection;
using AddinHost.Graph;

namespace AddinHost.Tests.Dispatch;

/// <summary>
/// An e-mail step from a case opened in another mailbox leaves from that mailbox exactly once: drafted there by a
/// member with full access (a shared mailbox), or drafted in the user's own mailbox with the other as sender by a
/// delegate without it; the dispatch's mark is searched where the draft was made, whatever crash comes in between; the
/// history says who sent it for whom; a user without the right to send for that mailbox gets the reason, and nothing
/// leaves.
/// </summary>
public abstract class SharedMailboxEmailTests(DbKind kind) : GraphServerTestBase(kind)
{
    // a shared mailbox: its members have full access
    private const string Shared = "recouvrement@cabinet-test.example";
    // a lawyer's mailbox, of which the user is a delegate
    private const string Lawyer = "maitre.roux@cabinet-test.example";

    private DispatchProcessor Processor => App.Services.GetRequiredService<DispatchProcessor>();

    private HttpClient In(string owner)
    {
        var client = App.CreateClient();
        client.DefaultRequestHeaders.Add(SharedMailbox.OwnerHeader, owner);
        client.DefaultRequestHeaders.Add(SharedMailbox.PermissionsHeader, "3");
        return client;
    }

    /// <summary>The company's first reminder (by e-mail), planned from a message of that mailbox.</summary>
    private async Task<(Guid CaseId, DispatchDto Dispatch)> PlanAsync(string owner)
    {
        var (_, company, _) = await SeedTypicalAsync();
        var response = await In(owner).PostJsonAsync($"/api/cases/{company.Id}/dispatches", new { level = 1 });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var planned = await response.ReadAsync<DispatchDto>();
        Assert.Equal(owner, planned.MailboxOwner);
        return (company.Id, planned);
    }

    private async Task DrainAsync()
    {
        while (await Processor.ProcessNextAsync(default)) { }
    }

    private static string Address(JsonObject message, string field) =>
        message[field]!["emailAddress"]!["address"]!.GetValue<string>();

    private void AssertNoDraftLeft()
    {
        Assert.Empty(Graph.Me.InFolder("drafts"));
        Assert.Empty(Graph.Mailbox(Shared).InFolder("drafts"));
        Assert.Empty(Graph.Mailbox(Lawyer).InFolder("drafts"));
    }

    [Theory]
    [InlineData(true, "en tant que")]
    [InlineData(false, "de la part de")]
    public async Task A_member_of_a_shared_mailbox_sends_from_it_once_and_the_history_says_for_whom(
        bool sendAs, string how)
    {
        var send = sendAs ? MailboxRights.SendAs : MailboxRights.SendOnBehalf;
        Graph.Grant(Shared, MailboxRights.Read | MailboxRights.FullAccess | send);
        var (caseId, planned) = await PlanAsync(Shared);
        await DrainAsync();

        Assert.Equal(DispatchState.EmailSent, (await Client.DispatchAsync(planned.Id)).State);
        var (mailbox, copy) = Assert.Single(Graph.SentCopies(planned.Id.ToString()));
        Assert.Same(Graph.Mailbox(Shared), mailbox); // drafted and sent there: its Sent Items keep the copy
        Assert.Equal(Shared, Address(copy, "from"));
        Assert.Equal(send == MailboxRights.SendAs ? Shared : Graph.SignedInAddress, Address(copy, "sender"));
        Assert.Empty(Graph.Me.InFolder("sentitems"));
        AssertNoDraftLeft();
        var history = (await GetCaseAsync(caseId)).History;
        var sent = Assert.Single(history, h => h.Kind == CaseEventKind.EtapeEffectuee && h.Level == 1);
        Assert.Contains($"{how} {Shared}", sent.Summary);
        Assert.Contains("envoyé par", sent.Summary);
        Assert.Contains(history,
            h => h.Kind == CaseEventKind.EnvoiPlanifie && h.Summary.Contains($"depuis la boîte {Shared}"));
    }

    [Fact]
    public async Task A_delegate_without_full_access_drafts_in_her_own_mailbox_and_sends_on_behalf_once()
    {
        Graph.Grant(Lawyer, MailboxRights.Read | MailboxRights.SendOnBehalf);
        var (caseId, planned) = await PlanAsync(Lawyer);
        await DrainAsync();

        Assert.Equal(DispatchState.EmailSent, (await Client.DispatchAsync(planned.Id)).State);
        var (mailbox, copy) = Assert.Single(Graph.SentCopies(planned.Id.ToString()));
        Assert.Same(Graph.Me, mailbox); // her own Sent Items: the draft was hers
        Assert.Equal(Lawyer, Address(copy, "from"));
        Assert.Equal(Graph.SignedInAddress, Address(copy, "sender"));
        Assert.Empty(Graph.Mailbox(Lawyer).Mail);
        AssertNoDraftLeft();
        var sent = Assert.Single((await GetCaseAsync(caseId)).History,
            h => h.Kind == CaseEventKind.EtapeEffectuee && h.Level == 1);
        Assert.Contains($"envoyé par {Graph.SignedInAddress} de la part de {Lawyer}", sent.Summary);
    }

    [Fact]
    public async Task
        Without_the_right_to_send_for_the_mailbox_nothing_leaves_and_the_reason_is_given_until_it_is_granted()
    {
        Graph.Grant(Lawyer, MailboxRights.Read); // may read the lawyer's messages, not send for her
        var (caseId, planned) = await PlanAsync(Lawyer);
        await DrainAsync();

        var failed = await Client.DispatchAsync(planned.Id);
        Assert.Equal(DispatchState.Failed, failed.State);
        Assert.Contains("« Envoyer de la part de »", failed.FailureReason);
        Assert.Contains(Lawyer, failed.FailureReason);
        Assert.Equal(0, Graph.SentWithMark(planned.Id.ToString()));
        Assert.Contains((await GetCaseAsync(caseId)).History,
            h => h.Kind == CaseEventKind.EnvoiEchoue && h.Summary.Contains("Envoyer de la part de"));

        // The lawyer grants it; the user retries from the pane: the same dispatch leaves, once.
        Graph.Grant(Lawyer, MailboxRights.Read | MailboxRights.SendOnBehalf);
        Assert.Equal(HttpStatusCode.OK,
            (await In(Lawyer).PostJsonAsync($"/api/cases/{caseId}/dispatches", new { level = 1 })).StatusCode);
        await DrainAsync();
        Assert.Equal(DispatchState.EmailSent, (await Client.DispatchAsync(planned.Id)).State);
        Assert.Equal(1, Graph.SentWithMark(planned.Id.ToString()));
        AssertNoDraftLeft();
    }

    public static TheoryData<string, string> CrashPoints => new()
    {
        { Shared, "after-sending-recorded" }, { Shared, "after-route" }, { Shared, "after-draft" },
        { Shared, "after-mail-send" }, { Shared, "after-lookup" },
        { Lawyer, "after-sending-recorded" }, { Lawyer, "after-route" }, { Lawyer, "after-own-route" },
        { Lawyer, "after-draft" },
        { Lawyer, "after-mail-send" }, { Lawyer, "after-lookup" },
    };

    [Theory]
    [MemberData(nameof(CrashPoints))]
    public async Task A_crash_at_any_point_ends_with_exactly_one_message_from_the_other_mailbox(
        string owner, string point)
    {
        Graph.Grant(Shared, MailboxRights.Read | MailboxRights.FullAccess | MailboxRights.SendAs);
        Graph.Grant(Lawyer, MailboxRights.Read | MailboxRights.SendOnBehalf);
        var (_, planned) = await PlanAsync(owner);
        var crashes = point == "after-lookup" ? 2 : 1;
        Processor.FaultInjector = p =>
        {
            if (p == point || (point == "after-lookup" && p == "after-mail-send")) throw new SimulatedCrash(p);
        };
        for (var i = 0; i < crashes; i++)
        {
            await Assert.ThrowsAsync<SimulatedCrash>(() => Processor.ProcessNextAsync(default));
            App.Clock.Advance(TimeSpan.FromMinutes(5)); // the dead worker's lease expires
        }
        Processor.FaultInjector = null;
        await DrainAsync();
        if (point is not ("after-mail-send" or "after-lookup"))
        {
            // Not seen sent, but a send Exchange accepted may still be on its way: nothing is sent yet.
            Assert.Equal(DispatchState.ToVerify, (await Client.DispatchAsync(planned.Id)).State);
            Assert.Equal(0, Graph.SentWithMark(planned.Id.ToString()));
            App.Clock.Advance(TimeSpan.FromMinutes(10)); // past the grace
            await DrainAsync();
        }

        Assert.Equal(DispatchState.EmailSent, (await Client.DispatchAsync(planned.Id)).State);
        var (mailbox, copy) = Assert.Single(Graph.SentCopies(planned.Id.ToString()));
        Assert.Same(owner == Shared ? Graph.Mailbox(Shared) : Graph.Me, mailbox);
        Assert.Equal(owner, Address(copy, "from"));
        AssertNoDraftLeft();
    }
}

public sealed class SharedMailboxEmailOnSqlite() : SharedMailboxEmailTests(DbKind.Sqlite);
public sealed class SharedMailboxEmailOnPostgres() : SharedMailboxEmailTests(DbKind.Postgres);
