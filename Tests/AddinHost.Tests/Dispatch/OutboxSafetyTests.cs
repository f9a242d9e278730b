using AddinHost.Cases;
using AddinHost.Dispatch.Outbox;
using AddinHost.Infrastructure.Auth;
using AddinHost.Infrastructure.Data;
using AddinHost.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AddinHost.Tests.Dispatch;

/// <summary>
/// The outbox's guards against a second registered letter that a single crash does not show: a worker that outlives
/// its lease, and a firm that would send from another firm's AR24 account.
/// </summary>
public abstract class OutboxSafetyTests(DbKind kind) : ApiTestBase(kind)
{
    private async Task<Guid> PlanNoticeAsync(HttpClient client, string prefix = "F")
    {
        var (_, company, _) = await SeedTypicalAsync(prefix, client);
        await NoticeScenario.TakeRemindersAsync(client, company.Id);
        return (await (await client.PostJsonAsync($"/api/cases/{company.Id}/dispatches", new { level = 3 }))
            .ReadAsync<DispatchDto>()).Id;
    }

    [Fact]
    public async Task A_worker_that_outlived_its_lease_cannot_overwrite_the_new_holder_and_the_letter_goes_once()
    {
        await NoticeScenario.SetCabinetAsync(Client);
        var dispatch = await PlanNoticeAsync(Client);
        var slow = ActivatorUtilities.CreateInstance<DispatchProcessor>(App.Services);
        var other = ActivatorUtilities.CreateInstance<DispatchProcessor>(App.Services);
        // The slow worker stalls just before AR24's POST mail; meanwhile its lease runs out and another worker takes
        // the row.
        slow.FaultInjector = point =>
        {
            if (point != "before-send") return;
            slow.FaultInjector = null;
            Task.Run(async () =>
            {
                App.Clock.Advance(TimeSpan.FromMinutes(5));
                Assert.True(await other.ProcessNextAsync(default));
            }).GetAwaiter().GetResult();
        };

        Assert.True(await slow.ProcessNextAsync(default)); // it sends, then finds the row is no longer its own

        // The other worker found nothing at AR24 yet and did not send: within the grace, "not found" proves nothing.
        // The slow worker's "deposited" was refused, so the row still says what its current holder decided.
        Assert.Equal(DispatchState.ToVerify, (await Client.DispatchAsync(dispatch)).State);
        Assert.Equal(1, await Client.MailsAtAr24Async(dispatch));
        App.Clock.Advance(TimeSpan.FromMinutes(1));
        while (await other.ProcessNextAsync(default)) { }
        Assert.Equal(DispatchState.Deposited, (await Client.DispatchAsync(dispatch)).State);
        Assert.Equal(1, await Client.MailsAtAr24Async(dispatch));
    }

    [Fact]
    public async Task A_letter_in_doubt_is_found_under_the_address_it_left_from_after_the_firm_changed_it()
    {
        await NoticeScenario.SetCabinetAsync(Client);
        var dispatch = await PlanNoticeAsync(Client);
        var processor = App.Services.GetRequiredService<DispatchProcessor>();
        processor.FaultInjector = p => { if (p == "after-send") throw new SimulatedCrash(p); };
        await Assert.ThrowsAsync<SimulatedCrash>(() => processor.ProcessNextAsync(default));
        processor.FaultInjector = null;

        // The firm changes its address while the letter is in doubt: AR24 lists each sender's own mails only.
        (await Client.PutJsonAsync("/api/cabinet", new { name = "Cabinet Delaunay",
                email = "secretariat@delaunay-avocats.example", signingLawyer = "Maître Claire Delaunay" }))
            .EnsureSuccessStatusCode();
        App.Clock.Advance(TimeSpan.FromMinutes(15));
        while (await processor.ProcessNextAsync(default)) { }

        Assert.Equal(DispatchState.Deposited, (await Client.DispatchAsync(dispatch)).State);
        Assert.Equal(1, await Client.MailsAtAr24Async(dispatch));
    }

    [Fact]
    public async Task A_firm_can_neither_take_nor_send_from_the_address_of_another_firms_AR24_account()
    {
        await NoticeScenario.SetCabinetAsync(Client);
        var sentByA = await PlanNoticeAsync(Client);
        var processor = App.Services.GetRequiredService<DispatchProcessor>();
        while (await processor.ProcessNextAsync(default)) { }
        Assert.Equal(DispatchState.Deposited, (await Client.DispatchAsync(sentByA)).State);

        // Firm B shares firm A's AR24 (one operator key, one service) and its database.
        await using var firmB = new DunningApp(Kind, App.ConnectionString, "cabinet-b") { Ar24Host = App,
            Clock = App.Clock };
        var b = firmB.CreateClient();
        var taken = await (await b.PutJsonAsync("/api/cabinet", new { name = "Cabinet B",
                email = NoticeScenario.CabinetEmail.ToUpperInvariant(), signingLawyer = "Maître B" }))
            .ProblemAsync(400);
        Assert.Contains("autre cabinet", taken.GetProperty("errors").GetProperty("email")[0].GetString());
        var invalid = await (await b.PutJsonAsync("/api/cabinet",
            new { name = "Cabinet B", email = "pas une adresse", signingLawyer = "Maître B" })).ProblemAsync(400);
        Assert.Contains("invalide", invalid.GetProperty("errors").GetProperty("email")[0].GetString());

        // Nor as a sender: an address another firm holds is refused before any code is sent.
        var claimed = await (await b.PostJsonAsync("/api/ar24/senders",
            new { email = NoticeScenario.CabinetEmail, gender = "M", firstname = "B", lastname = "B" }))
            .ProblemAsync(409);
        Assert.Contains("autre cabinet", claimed.GetProperty("detail").GetString());
        await (await b.PostJsonAsync("/api/ar24/senders/confirm",
            new { email = NoticeScenario.CabinetEmail, code = "12345678" })).ProblemAsync(404);

        // Firm B's identity rewritten with firm A's address behind the API's back: its letters go from no account of
        // A's.
        await NoticeScenario.SetCabinetAsync(b, "contact@cabinet-b.example", ar24: Client);
        var plannedByB = await PlanNoticeAsync(b, "B");
        await using (var scope = firmB.Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<TenantContext>().Set("cabinet-b");
            var db = scope.ServiceProvider.GetRequiredService<DunningDbContext>();
            (await db.Cabinets.SingleAsync()).Email = NoticeScenario.CabinetEmail;
            await db.SaveChangesAsync();
        }
        var uploadsBefore = await UploadsAsync();
        while (await processor.ProcessNextAsync(default)) { }

        var refused = await b.DispatchAsync(plannedByB);
        Assert.Equal(DispatchState.Failed, refused.State);
        Assert.Contains("n'est pas un expéditeur AR24 du cabinet", refused.FailureReason);
        Assert.Equal(0, await Client.MailsAtAr24Async(plannedByB));
        Assert.Equal(uploadsBefore, await UploadsAsync()); // refused before any call to AR24
    }

    private async Task<int> UploadsAsync() =>
        System.Text.Json.JsonDocument.Parse(await Client.GetStringAsync("/sandbox/ar24/_state")).RootElement
            .GetProperty("uploads").GetInt32();
}

public sealed class OutboxSafetyOnSqlite() : OutboxSafetyTests(DbKind.Sqlite);
public sealed class OutboxSafetyOnPostgres() : OutboxSafetyTests(DbKind.Postgres);
