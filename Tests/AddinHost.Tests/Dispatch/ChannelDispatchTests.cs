using System.Net;
using System.Text.Json.Nodes;
using AddinHost.Cases;
using AddinHost.Cases.Planning;
using AddinHost.Dispatch.Outbox;
using AddinHost.Infrastructure.Data;
using AddinHost.Sandbox;
using AddinHost.Tests.Fixtures;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using AddinHost.Dispatch;

namespace AddinHost.Tests.Dispatch;

/// <summary>The three channels through the real host: ERE, qualified LRE with the lawyer's OTP, and the postal route;
/// time-outs and the simulator's webhooks.</summary>
public abstract class ChannelDispatchTests(DbKind kind) : ApiTestBase(kind)
{
    private const string LawyerEmail = "claire.delaunay@delaunay-avocats.example";
    private const string AllowedSource = "10.1.2.3";

    protected override IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
    {
        ["Ar24:Senders:0:Tenant"] = "cabinet-test",
        ["Ar24:Senders:0:User"] = AddinHost.Infrastructure.Auth.DemoAuthenticationHandler.UserId,
        ["Ar24:Senders:0:Email"] = LawyerEmail,
        ["Ar24:Senders:0:Firstname"] = "Claire",
        ["Ar24:Senders:0:Lastname"] = "Delaunay",
        ["Ar24:TimeoutSeconds"] = "1",
        ["Sandbox:TimeoutFaultSeconds"] = "4",
        ["Ar24:WebhookBaseUrl"] = "http://localhost",
        ["Ar24:WebhookAllowedIps:0"] = AllowedSource,
        ["Dispatch:PollSeconds"] = "259200",
    };

    protected override Action<IServiceCollection> ExtraServices => s =>
    {
        s.AddSingleton<IStartupFilter, RemoteAddressFromHeader>();
        s.AddHttpClient(Ar24SandboxWebhooks.ClientName)
            .ConfigureHttpClient(c => c.DefaultRequestHeaders.Add(RemoteAddressFromHeader.Header, AllowedSource));
    };

    private DispatchProcessor Processor => App.Services.GetRequiredService<DispatchProcessor>();

    private async Task DrainAsync() { while (await Processor.ProcessNextAsync(default)) { } }

    private Task<DispatchDto> DispatchAsync(Guid id) => Client.DispatchAsync(id);

    private async Task<(Guid Company, Guid Consumer)> CasesReadyForNoticeAsync(HttpClient? client = null)
    {
        client ??= Client;
        await NoticeScenario.SetCabinetAsync(client);
        // The lawyer declared in Ar24:Senders was bound at start-up; the admin completes and opens the account.
        if (client == Client) await Ar24Onboarding.ActivateAsync(client, LawyerEmail, "F", "Claire", "Delaunay");
        var (_, company, consumer) = await SeedTypicalAsync(client: client);
        await NoticeScenario.TakeRemindersAsync(client, company.Id);
        await NoticeScenario.TakeRemindersAsync(client, consumer.Id);
        return (company.Id, consumer.Id);
    }

    /// <summary>The firm's policy sends its mise en demeure (level 3) as a qualified LRE.</summary>
    private static async Task UseQualifiedLreAsync(HttpClient client)
    {
        var policy = JsonNode.Parse(await (await client.GetAsync("/api/policies")).Content.ReadAsStringAsync())!;
        policy["levels"]![3]!["channel"] = nameof(StepChannel.LreQualifiee);
        (await client.PutAsync("/api/policies",
            new StringContent(policy.ToJsonString(), System.Text.Encoding.UTF8, "application/json")))
            .EnsureSuccessStatusCode();
    }

    [Fact]
    public async Task A_consumer_without_consent_gets_a_letter_to_print_and_the_tracking_number_records_the_step()
    {
        var (_, consumer) = await CasesReadyForNoticeAsync();
        var preview = await (await Client.GetAsync($"/api/cases/{consumer}/dispatches/next"))
            .ReadAsync<DispatchPreview>();
        Assert.Equal((StepChannel.Ere, StepChannel.Courrier), (preview.Choice.Planned, preview.Choice.Channel));
        Assert.Contains("L.100", preview.Choice.Explanation);
        Assert.Contains("SIMULATION", preview.Simulation);

        var planned = await (await Client.PostJsonAsync($"/api/cases/{consumer}/dispatches", new { level = 3 }))
            .ReadAsync<DispatchDto>();
        Assert.Equal((DispatchState.ToPrint, StepChannel.Courrier), (planned.State, planned.Channel));
        Assert.False(await Processor.ProcessNextAsync(default)); // nothing for AR24
        Assert.Empty(await SandboxMails.AllAsync(Client));
        var letter = await (await Client.GetAsync($"/api/dispatches/{planned.Id}/letter"))
            .Content.ReadAsByteArrayAsync();
        Assert.Equal("%PDF", System.Text.Encoding.ASCII.GetString(letter, 0, 4));
        Assert.Equal(planned.LetterSha256, AddinHost.Proofs.ProofHash.Of(letter));

        var bad = await (await Client.PostJsonAsync($"/api/dispatches/{planned.Id}/posting",
            new { trackingNumber = "RR123456784FR" })).ProblemAsync(400);
        Assert.Contains("trackingNumber", bad.GetProperty("errors").EnumerateObject().Select(e => e.Name));
        await (await Client.PostJsonAsync($"/api/dispatches/{planned.Id}/posting",
            new { trackingNumber = "1A01234567890", postedOn = "2025-10-01" })).ProblemAsync(400);
        Assert.Equal(DispatchState.ToPrint, (await DispatchAsync(planned.Id)).State); // a refused entry changes nothing

        var posted = await (await Client.PostJsonAsync($"/api/dispatches/{planned.Id}/posting",
                new { trackingNumber = "1a 012 345 6789 0", postedOn = "2025-09-30" }))
            .ReadAsync<DispatchDto>();
        Assert.Equal((DispatchState.Posted, "1A01234567890", new DateOnly(2025, 9, 30)),
            (posted.State, posted.TrackingNumber, posted.PostedOn));
        Assert.Equal(["lettre"], posted.Proofs.Select(p => p.Kind));
        Assert.Equal(planned.LetterSha256, posted.Proofs[0].Sha256);
        Assert.Equal(HttpStatusCode.OK, (await Client.PostJsonAsync($"/api/dispatches/{planned.Id}/posting",
            new { trackingNumber = "1A01234567890" })).StatusCode);
        await (await Client.PostJsonAsync($"/api/dispatches/{planned.Id}/posting",
            new { trackingNumber = "RR123456785FR" })).ProblemAsync(409);

        var c = await GetCaseAsync(consumer);
        Assert.Equal("Mise en demeure", c.Ladder.LastLevelName);
        Assert.Contains(c.History, h => h.Kind == CaseEventKind.EtapeEffectuee && h.Summary.Contains("1A01234567890"));
        var filed = await (await Client.GetAsync(posted.Proofs[0].Url)).Content.ReadAsByteArrayAsync();
        Assert.Equal(planned.LetterSha256, AddinHost.Proofs.ProofHash.Of(filed));
        Assert.Empty(await SandboxMails.AllAsync(Client));
    }

    [Fact]
    public async Task Once_the_consumer_consents_the_notice_goes_electronic()
    {
        var (_, consumer) = await CasesReadyForNoticeAsync();
        await (await Client.PutJsonAsync($"/api/cases/{consumer}/debtor/consent", new { })).ProblemAsync(400);
        (await Client.PutJsonAsync($"/api/cases/{consumer}/debtor/consent",
                new { consents = true, on = "2025-09-15", evidence = "courriel du 15/09/2025" }))
            .EnsureSuccessStatusCode();
        var preview = await (await Client.GetAsync($"/api/cases/{consumer}/dispatches/next"))
            .ReadAsync<DispatchPreview>();
        Assert.Equal(StepChannel.Ere, preview.Choice.Channel);
        Assert.Contains((await GetCaseAsync(consumer)).History,
            h => h.Kind == CaseEventKind.ConsentementEre && h.Summary.Contains("courriel du 15/09/2025"));
    }

    [Fact]
    public async Task A_qualified_LRE_carries_the_lawyers_OTP_once_and_a_refused_code_can_be_replaced()
    {
        var (company, _) = await CasesReadyForNoticeAsync();
        await UseQualifiedLreAsync(Client);
        var preview = await (await Client.GetAsync($"/api/cases/{company}/dispatches/next"))
            .ReadAsync<DispatchPreview>();
        Assert.True(preview.Choice.NeedsOtp);
        Assert.Equal(LawyerEmail, preview.SenderEmail);
        var missing = await (await Client.PostJsonAsync($"/api/cases/{company}/dispatches", new { level = 3 }))
            .ProblemAsync(400);
        Assert.Contains("otp", missing.GetProperty("errors").EnumerateObject().Select(e => e.Name));

        // AR24 identifies a qualified LRE's recipient: for a company, the person who receives it must be named.
        var unnamed = await (await Client.PostJsonAsync($"/api/cases/{company}/dispatches",
            new { level = 3, otp = "482913" })).ProblemAsync(400);
        Assert.Contains("représentant", unnamed.GetProperty("detail").GetString());
        var first = await (await Client.PostJsonAsync($"/api/cases/{company}/dispatches",
            new { level = 3, otp = "000000", recipientFirstname = "Jean",
                recipientLastname = "Fontaine" })).ReadAsync<DispatchDto>();
        await DrainAsync();
        var failed = await DispatchAsync(first.Id);
        Assert.Equal(DispatchState.Failed, failed.State);
        Assert.Contains("code à usage unique", failed.FailureReason);
        Assert.Empty(await SandboxMails.AllAsync(Client)); // AR24 refused it: nothing was sent

        var retried = await (await Client.PostJsonAsync($"/api/cases/{company}/dispatches",
            new { level = 3, otp = "482913" })).ReadAsync<DispatchDto>();
        Assert.Equal((first.Id, DispatchState.Planned), (retried.Id, retried.State));
        await DrainAsync();
        Assert.Equal(DispatchState.Deposited, (await DispatchAsync(first.Id)).State);
        var mail = Assert.Single(await SandboxMails.ForAsync(Client, first.Id));
        Assert.Equal(1, mail.GetProperty("is_eidas").GetInt32());
        Assert.Equal(("Jean", "Fontaine", "Garage Fontaine SARL", "professionnel"),
            (mail.GetProperty("to_firstname").GetString(),
            mail.GetProperty("to_lastname").GetString(), mail.GetProperty("to_company").GetString(),
                mail.GetProperty("dest_statut").GetString()));

        await using var scope = App.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().Set(App.Tenant);
        var row = await scope.ServiceProvider.GetRequiredService<DunningDbContext>().Dispatches
            .SingleAsync(d => d.Id == first.Id);
        Assert.Null(row.SenderOtp); // a one-time code is not kept once used
        Assert.Equal(LawyerEmail, row.SenderEmail);
        Assert.Equal(HttpStatusCode.OK, (await Client.PostJsonAsync($"/api/cases/{company}/dispatches",
            new { level = 3, otp = "111111" })).StatusCode);
        await DrainAsync();
        Assert.Single(await SandboxMails.ForAsync(Client, first.Id)); // never a second one
    }

    [Fact]
    public async Task A_lawyer_without_a_sender_account_cannot_send_a_qualified_LRE()
    {
        await using var other = App.ForTenant("cabinet-sans-expediteur");
        var client = other.CreateClient();
        var (company, _) = await CasesReadyForNoticeAsync(client);
        await UseQualifiedLreAsync(client);
        var problem = await (await client.PostJsonAsync($"/api/cases/{company}/dispatches",
            new { level = 3, otp = "482913" })).ProblemAsync(409);
        Assert.Contains("Ar24:Senders", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_send_that_times_out_after_AR24_recorded_it_is_verified_never_resent()
    {
        var (company, _) = await CasesReadyForNoticeAsync();
        (await Client.PostJsonAsync("/sandbox/ar24/_faults", new[] { "timeout" })).EnsureSuccessStatusCode();
        var dispatch = await (await Client.PostJsonAsync($"/api/cases/{company}/dispatches", new { level = 3 }))
            .ReadAsync<DispatchDto>();
        var sending = Processor.ProcessNextAsync(default);
        for (var i = 0; i < 1000 && (await SandboxMails.ForAsync(Client, dispatch.Id)).Count == 0; i++)
            await Task.Delay(20); // AR24 has recorded it; no reply yet
        App.Clock.Advance(TimeSpan.FromSeconds(2)); // past the client's 1 s time-out, well before the reply
        Assert.True(await sending);
        Assert.Equal(DispatchState.ToVerify, (await DispatchAsync(dispatch.Id)).State);
        Assert.Single(await SandboxMails.ForAsync(Client, dispatch.Id)); // AR24 has it, though we never heard back

        App.Clock.Advance(TimeSpan.FromSeconds(31)); // the verification back-off
        await DrainAsync();
        var verified = await DispatchAsync(dispatch.Id);
        Assert.Equal(DispatchState.Deposited, verified.State);
        Assert.Contains((await GetCaseAsync(company)).History, h => h.Summary.Contains("retrouvé chez AR24"));
        Assert.Single(await SandboxMails.ForAsync(Client, dispatch.Id));
    }

    [Fact]
    public async Task The_simulators_webhook_brings_the_outcome_without_waiting_for_the_poller()
    {
        var (company, _) = await CasesReadyForNoticeAsync();
        var dispatch = await (await Client.PostJsonAsync($"/api/cases/{company}/dispatches", new { level = 3 }))
            .ReadAsync<DispatchDto>();
        await DrainAsync();
        var webhooks = App.Services.GetRequiredService<Ar24SandboxWebhooks>();
        Assert.Equal(1, await webhooks.CallDueAsync(default)); // "deposited"
        await DrainAsync();
        Assert.Equal(0, await webhooks.CallDueAsync(default)); // nothing new: no call

        App.Clock.Advance(TimeSpan.FromDays(1) + TimeSpan.FromMinutes(1)); // accepted; the next poll is three days away
        Assert.False(await Processor.ProcessNextAsync(default));
        Assert.Equal(1, await webhooks.CallDueAsync(default));
        Assert.True(await Processor.ProcessNextAsync(default));
        var accepted = await DispatchAsync(dispatch.Id);
        Assert.Equal(DispatchState.Accepted, accepted.State);
        Assert.Equal(["depot", "envoi", "lettre", "reception"], accepted.Proofs.Select(p => p.Kind).Order());
    }
}

public sealed class ChannelDispatchOnSqlite() : ChannelDispatchTests(DbKind.Sqlite);
public sealed class ChannelDispatchOnPostgres() : ChannelDispatchTests(DbKind.Postgres);
