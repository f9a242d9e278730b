using AddinHost.Cases;
using AddinHost.Dispatch.Outbox;
using AddinHost.Tests.Fixtures;
using Microsoft.Extensions.DependencyInjection;

namespace AddinHost.Tests.Dispatch;

/// <summary>
/// AR24's replies as they really come: blank strings for absent proofs, a proof link that is no address, a mail AR24
/// marks <c>send_fail</c>. None of them sticks a letter or crashes the outbox.
/// </summary>
public abstract class Ar24ReplyTests(DbKind kind) : ApiTestBase(kind)
{
    private DispatchProcessor Processor => App.Services.GetRequiredService<DispatchProcessor>();

    private async Task<(Guid CaseId, Guid DispatchId)> SendNoticeToAsync(string email)
    {
        await NoticeScenario.SetCabinetAsync(Client);
        var creditor = await CreateCreditorAsync();
        (await Client.PostAsync("/api/import/invoices", SampleFiles.Form(SampleFiles.Csv(
            $"Garage Fontaine SARL;732829320;{email};;;;F-9;01/02/2025;03/03/2025;1 000,00;0;professionnel"),
                creditorId: creditor))).EnsureSuccessStatusCode();
        var caseId = (await ListCasesAsync()).Single().Id;
        await NoticeScenario.TakeRemindersAsync(Client, caseId);
        var dispatch = await (await Client.PostJsonAsync($"/api/cases/{caseId}/dispatches",
            new { level = 3 })).ReadAsync<DispatchDto>();
        while (await Processor.ProcessNextAsync(default)) { }
        return (caseId, dispatch.Id);
    }

    [Fact]
    public async Task Blank_proof_fields_read_as_absent_and_the_letter_reaches_its_outcome()
    {
        // The simulator sends "" for every proof not yet issued, as AR24 may: not a bounce, not a link to follow.
        var (_, dispatch) = await SendNoticeToAsync("negligence@garage.example");
        var deposited = await Client.DispatchAsync(dispatch);
        Assert.Equal(DispatchState.Deposited, deposited.State);
        Assert.Equal(["depot", "envoi", "lettre"], deposited.Proofs.Select(p => p.Kind).Order());

        App.Clock.Advance(TimeSpan.FromDays(16));
        while (await Processor.ProcessNextAsync(default)) { }
        var outcome = await Client.DispatchAsync(dispatch);
        Assert.Equal(DispatchState.Negligence, outcome.State);
        Assert.Equal(["depot", "envoi", "lettre", "negligence"], outcome.Proofs.Select(p => p.Kind).Order());
    }

    [Fact]
    public async Task A_proof_link_that_is_no_address_never_sticks_the_letter_nor_stops_the_outbox()
    {
        (await Client.PostJsonAsync("/sandbox/ar24/_faults", new[] { "bad-proof-link" })).EnsureSuccessStatusCode();
        var (_, dispatch) = await SendNoticeToAsync("compta@garage.example");
        var deposited = await Client.DispatchAsync(dispatch);
        Assert.Equal(DispatchState.Deposited,
            deposited.State); // the deposit stands; the unreadable proof is asked for again later
        Assert.DoesNotContain(deposited.Proofs, p => p.Kind == "envoi");
        Assert.False(await Processor.ProcessNextAsync(default)); // no crash, no busy loop: the next look is a poll away

        App.Clock.Advance(TimeSpan.FromDays(2));
        for (var round = 0; round < 3; round++) // each poll meets the bad link again, and the outbox goes on
        {
            while (await Processor.ProcessNextAsync(default)) { }
            App.Clock.Advance(TimeSpan.FromMinutes(15));
        }
        Assert.Equal(DispatchState.Deposited, (await Client.DispatchAsync(dispatch)).State);
    }

    [Fact]
    public async Task A_mail_AR24_marks_send_fail_ends_as_a_failure_with_AR24s_reason_and_is_not_polled_for_ever()
    {
        var (caseId, dispatch) = await SendNoticeToAsync("echec@garage.example");
        var failed = await Client.DispatchAsync(dispatch);
        Assert.Equal((DispatchState.Failed, "Échec"), (failed.State, failed.StateLabel));
        Assert.Contains("AR24 signale l'échec", failed.FailureReason);
        Assert.Contains("send_fail", failed.FailureReason); // AR24's own words (its status)
        Assert.Contains(failed.Proofs, p => p.Kind == "depot");
        App.Clock.Advance(TimeSpan.FromDays(3));
        Assert.False(await Processor.ProcessNextAsync(default)); // a dead letter is not read again

        // A mail exists under this step's reference: sending the step again is refused until the incident is settled.
        var retry = await (await Client.PostJsonAsync($"/api/cases/{caseId}/dispatches",
            new { level = 3 })).ProblemAsync(409);
        Assert.Contains("signalé en échec", retry.GetProperty("detail").GetString());
        Assert.Equal(1, await Client.MailsAtAr24Async(dispatch));
        Assert.Contains((await GetCaseAsync(caseId)).History, h => h.Kind == CaseEventKind.EnvoiEchoue
            && h.Summary.Contains("AR24"));
    }
}

public sealed class Ar24ReplyOnSqlite() : Ar24ReplyTests(DbKind.Sqlite);
public sealed class Ar24ReplyOnPostgres() : Ar24ReplyTests(DbKind.Postgres);
