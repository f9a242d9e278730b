using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using AddinHost.Cases.Planning;
using AddinHost.Dispatch.Ar24;
using AddinHost.Dispatch.Outbox;
using AddinHost.Dispatch.Senders;
using AddinHost.Infrastructure.Auth;
using AddinHost.Tests.Fixtures;
using Microsoft.Extensions.DependencyInjection;
using AddinHost.Dispatch;

namespace AddinHost.Tests.Dispatch;

/// <summary>
/// A firm's AR24 senders through the admin API and the simulator: an address is proven by a code before it is the
/// firm's, its account is opened with the firm's identity, and no registered letter leaves from a sender that is not
/// active.
/// </summary>
public abstract class SenderOnboardingTests(DbKind kind) : ApiTestBase(kind)
{
    private const string Lawyer = "paul.roux@delaunay-avocats.example";

    private DispatchProcessor Processor => App.Services.GetRequiredService<DispatchProcessor>();

    private async Task<List<SenderDto>> SendersAsync(HttpClient? client = null) =>
        await (await (client ?? Client).GetAsync("/api/ar24/senders")).ReadAsync<List<SenderDto>>();

    private async Task<JsonElement> StateAsync() =>
        JsonDocument.Parse(await Client.GetStringAsync("/sandbox/ar24/_state")).RootElement;

    private static async Task UseQualifiedLreAsync(HttpClient client)
    {
        var policy = JsonNode.Parse(await (await client.GetAsync("/api/policies")).Content.ReadAsStringAsync())!;
        policy["levels"]![3]!["channel"] = nameof(StepChannel.LreQualifiee);
        (await client.PutAsync("/api/policies",
            new StringContent(policy.ToJsonString(), System.Text.Encoding.UTF8,
                "application/json"))).EnsureSuccessStatusCode();
    }

    [Fact]
    public async Task A_new_lawyers_sender_goes_from_to_create_to_active_and_sends_only_once_active()
    {
        await NoticeScenario.SetCabinetAsync(Client);
        var (_, company, _) = await SeedTypicalAsync();
        await NoticeScenario.TakeRemindersAsync(Client, company.Id);
        await UseQualifiedLreAsync(Client);

        // The admin adds the lawyer: a code goes to the address, from the admin's mailbox, and is not kept in its Sent
        // Items.
        var added = await Client.PostJsonAsync("/api/ar24/senders",
            new { email = Lawyer, gender = "M", firstname = "Paul", lastname = "Roux",
                userId = DemoAuthenticationHandler.UserId });
        Assert.Equal(HttpStatusCode.Accepted, added.StatusCode);
        var pending = (await SendersAsync()).Single(s => s.Email == Lawyer);
        Assert.Equal((true, (Ar24SenderState?)null, "Adresse à confirmer"),
            (pending.Pending, pending.State, pending.StateLabel));
        var code = await Ar24Onboarding.CodeAsync(Client, Lawyer);
        var mailbox = App.Services.GetRequiredService<AddinHost.Sandbox.GraphSandboxMail>();
        Assert.DoesNotContain(mailbox.Messages.Values, m => m.ToJsonString().Contains(code, StringComparison.Ordinal));

        // Before the address is proven, nothing binds it; a wrong code says how many tries are left.
        var wrong = await (await Client.PostJsonAsync("/api/ar24/senders/confirm",
            new { email = Lawyer, code = "00000000" == code ? "11111111" : "00000000" }))
            .ProblemAsync(400);
        Assert.Contains("4 essai(s) restant(s)", wrong.GetProperty("errors").GetProperty("code")[0].GetString());
        var bound = await (await Client.PostJsonAsync("/api/ar24/senders/confirm",
            new { email = Lawyer, code })).ReadAsync<SenderDto>();
        Assert.Equal((Ar24SenderState.ToCreate, "À créer", false), (bound.State, bound.StateLabel, bound.Pending));

        // « À créer »: the lawyer's qualified LRE is refused now, with the reason, and AR24 is never called.
        var uploads = (await StateAsync()).GetProperty("uploads").GetInt32();
        var refused = await (await Client.PostJsonAsync($"/api/cases/{company.Id}/dispatches",
            new { level = 3, otp = "482913", recipientFirstname = "Jean",
                recipientLastname = "Fontaine" })).ProblemAsync(409);
        Assert.Contains("pas encore ouvert", refused.GetProperty("detail").GetString());
        var preview = await (await Client.GetAsync($"/api/cases/{company.Id}/dispatches/next"))
            .ReadAsync<DispatchPreview>();
        Assert.Contains("pas encore ouvert", preview.SenderProblem);

        // Opened at AR24 with the firm's identity: the holder must confirm the address and accept AR24's terms.
        var opened = await Ar24Onboarding.ProvisionAsync(Client, bound.Id);
        Assert.Equal(Ar24SenderState.TermsToAccept, opened.State);
        Assert.Contains("conditions générales", opened.Detail);
        var account = (await StateAsync()).GetProperty("users").EnumerateArray()
            .Single(u => u.GetProperty("email").GetString() == Lawyer);
        Assert.Equal((NoticeScenario.Siret, "professionnel", "M", "FR"),
            (account.GetProperty("company_siret").GetString(),
            account.GetProperty("statut").GetString(), account.GetProperty("gender").GetString(),
                account.GetProperty("country").GetString()));
        await (await Client.PostJsonAsync($"/api/cases/{company.Id}/dispatches",
            new { level = 3, otp = "482913", recipientFirstname = "Jean",
                recipientLastname = "Fontaine" })).ProblemAsync(409);

        await Ar24Onboarding.HolderAsync(Client, Lawyer, "confirm");
        Assert.Equal(Ar24SenderState.TermsToAccept,
            (await Ar24Onboarding.ProvisionAsync(Client, bound.Id)).State); // terms still to accept
        await Ar24Onboarding.HolderAsync(Client, Lawyer, "accept-terms");
        var active = await Ar24Onboarding.ProvisionAsync(Client, bound.Id);
        Assert.Equal((Ar24SenderState.Active, "Actif"), (active.State, active.StateLabel));
        Assert.Equal(uploads,
            (await StateAsync()).GetProperty("uploads").GetInt32()); // nothing was sent while it was not active

        var sent = await (await Client.PostJsonAsync($"/api/cases/{company.Id}/dispatches",
            new { level = 3, otp = "482913", recipientFirstname = "Jean",
                recipientLastname = "Fontaine" })).ReadAsync<DispatchDto>();
        while (await Processor.ProcessNextAsync(default)) { }
        Assert.Equal(DispatchState.Deposited, (await Client.DispatchAsync(sent.Id)).State);
        var mail = Assert.Single(await SandboxMails.ForAsync(Client, sent.Id));
        Assert.Equal(active.Ar24UserId, mail.GetProperty("id_sender").GetInt64());
        var audit = await Client.GetStringAsync("/api/audit");
        Assert.Contains("expediteur.code-envoye", audit);
        Assert.Contains("expediteur.lie", audit);
        Assert.Contains("expediteur.etat", audit);
    }

    [Fact]
    public async Task A_send_from_a_sender_no_longer_active_is_refused_before_any_call_to_AR24_with_the_reason()
    {
        await NoticeScenario.SetCabinetAsync(Client);
        var (_, company, _) = await SeedTypicalAsync();
        await NoticeScenario.TakeRemindersAsync(Client, company.Id);
        var planned = await (await Client.PostJsonAsync($"/api/cases/{company.Id}/dispatches",
            new { level = 3 })).ReadAsync<DispatchDto>();

        // The holder withdraws the application's access at AR24; the admin's check records it.
        await Ar24Onboarding.HolderAsync(Client, NoticeScenario.CabinetEmail, "revoke-access");
        var firm = (await SendersAsync()).Single(s => s.Email == NoticeScenario.CabinetEmail);
        Assert.Equal(Ar24SenderState.AccessRequested, (await Ar24Onboarding.ProvisionAsync(Client, firm.Id)).State);
        var uploads = (await StateAsync()).GetProperty("uploads").GetInt32();
        while (await Processor.ProcessNextAsync(default)) { }

        var failed = await Client.DispatchAsync(planned.Id);
        Assert.Equal(DispatchState.Failed, failed.State);
        Assert.Contains("avant tout appel à AR24", failed.FailureReason);
        Assert.Contains("demande d'accès", failed.FailureReason);
        Assert.Equal(uploads, (await StateAsync()).GetProperty("uploads").GetInt32());
        Assert.Equal(0, await Client.MailsAtAr24Async(planned.Id));
    }

    [Fact]
    public async Task An_address_that_already_has_an_AR24_account_goes_through_its_holders_access_request()
    {
        await NoticeScenario.PutIdentityAsync(Client);
        (await Client.PostJsonAsync("/sandbox/ar24/_accounts",
            new { email = Lawyer, firstname = "Paul", lastname = "Roux" })).EnsureSuccessStatusCode();
        var bound = await Ar24Onboarding.AddAndConfirmAsync(Client, Lawyer, "M", "Paul", "Roux");

        var requested = await Ar24Onboarding.ProvisionAsync(Client, bound.Id);
        Assert.Equal((Ar24SenderState.AccessRequested, "Accès demandé"), (requested.State, requested.StateLabel));
        Assert.Contains("accepter l'accès", requested.Detail);
        Assert.Null(requested.Ar24UserId); // no account of AR24's is used before its holder grants it
        Assert.Equal(Ar24SenderState.AccessRequested, (await Ar24Onboarding.ProvisionAsync(Client, bound.Id)).State);

        await Ar24Onboarding.HolderAsync(Client, Lawyer, "grant-access");
        var active = await Ar24Onboarding.ProvisionAsync(Client, bound.Id);
        Assert.Equal(Ar24SenderState.Active, active.State);
        Assert.NotNull(active.Ar24UserId);
    }

    [Fact]
    public async Task
        An_account_is_not_opened_without_the_firms_SIRET_and_the_senders_identity_and_each_missing_field_is_named()
    {
        (await Client.PutJsonAsync("/api/cabinet",
            new { name = "Cabinet Delaunay", email = NoticeScenario.CabinetEmail,
                signingLawyer = "Maître Claire Delaunay" }))
            .EnsureSuccessStatusCode();
        var bound = await Ar24Onboarding.AddAndConfirmAsync(Client, Lawyer, gender: "",
            firstname: "Paul", lastname: "Roux");
        var problem = await (await Client.PostAsync($"/api/ar24/senders/{bound.Id}/provision", null)).ProblemAsync(400);
        var fields = problem.GetProperty("errors").EnumerateObject().Select(e => e.Name).ToList();
        Assert.Superset(new HashSet<string> { "cabinet.siret", "cabinet.address", "cabinet.postalCode", "cabinet.city",
            "gender" }, fields.ToHashSet());
        Assert.Contains("SIRET", problem.GetProperty("detail").GetString());
        Assert.Empty((await StateAsync()).GetProperty("users").EnumerateArray()); // nothing reached AR24

        await (await Client.PutJsonAsync("/api/cabinet",
            new { name = "Cabinet Delaunay", signingLawyer = "Maître C", siret = "12345678901234" })).ProblemAsync(400);
        await NoticeScenario.PutIdentityAsync(Client);
        await (await Client.PostJsonAsync("/api/ar24/senders", new { email = Lawyer, gender = "X" })).ProblemAsync(400);
        (await Client.PostJsonAsync("/api/ar24/senders",
            new { email = Lawyer, gender = "M" })).EnsureSuccessStatusCode(); // identity completed
        Assert.Equal(Ar24SenderState.TermsToAccept, (await Ar24Onboarding.ProvisionAsync(Client, bound.Id)).State);
    }

    [Fact]
    public async Task An_address_is_one_firms_only_once_its_code_is_entered_and_never_another_firms()
    {
        await using var firmB = new DunningApp(Kind, App.ConnectionString, "cabinet-b") { Ar24Host = App,
            Clock = App.Clock };
        var b = firmB.CreateClient();
        // Both firms ask for the same new address; only the holder's code binds it, and the first to enter one holds
        // it.
        Assert.Equal(HttpStatusCode.Accepted,
            (await Client.PostJsonAsync("/api/ar24/senders", new { email = Lawyer })).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted,
            (await b.PostJsonAsync("/api/ar24/senders", new { email = Lawyer })).StatusCode);
        var codeForB = await Ar24Onboarding.CodeAsync(b, Lawyer);
        await (await Client.PostJsonAsync("/api/ar24/senders/confirm",
            new { email = Lawyer, code = codeForB == "00000000" ? "00000001" : codeForB }))
            .ProblemAsync(400); // B's code is worth nothing for A
        (await Client.PostJsonAsync("/api/ar24/senders/confirm",
            new { email = Lawyer, code = await Ar24Onboarding.CodeAsync(Client, Lawyer) }))
            .EnsureSuccessStatusCode();
        var late = await (await b.PostJsonAsync("/api/ar24/senders/confirm",
            new { email = Lawyer, code = codeForB })).ProblemAsync(409);
        Assert.Contains("autre cabinet", late.GetProperty("detail").GetString());
        await (await b.PostJsonAsync("/api/ar24/senders", new { email = Lawyer.ToUpperInvariant() })).ProblemAsync(409);
        Assert.DoesNotContain(await SendersAsync(b), s => s.Email == Lawyer && !s.Pending);

        // A code is good for 24 hours and five tries; asking again within a minute is refused.
        const string other = "secretariat@delaunay-avocats.example";
        Assert.Equal(HttpStatusCode.Accepted,
            (await Client.PostJsonAsync("/api/ar24/senders", new { email = other })).StatusCode);
        await (await Client.PostJsonAsync("/api/ar24/senders", new { email = other })).ProblemAsync(429);
        for (var i = 0; i < 5; i++) await (await Client.PostJsonAsync("/api/ar24/senders/confirm",
            new { email = other, code = "x" })).ProblemAsync(400);
        var exhausted = await (await Client.PostJsonAsync("/api/ar24/senders/confirm",
            new { email = other, code = await Ar24Onboarding.CodeAsync(Client, other) }))
            .ProblemAsync(400);
        Assert.Contains("Trop d'essais", exhausted.GetProperty("errors").GetProperty("code")[0].GetString());
        App.Clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(HttpStatusCode.Accepted,
            (await Client.PostJsonAsync("/api/ar24/senders", new { email = other })).StatusCode);
        App.Clock.Advance(TimeSpan.FromHours(25));
        var expired = await (await Client.PostJsonAsync("/api/ar24/senders/confirm",
            new { email = other, code = await Ar24Onboarding.CodeAsync(Client, other) }))
            .ProblemAsync(400);
        Assert.Contains("expiré", expired.GetProperty("errors").GetProperty("code")[0].GetString());
    }

    [Fact]
    public async Task An_address_a_first_send_bound_is_opened_at_AR24_only_once_its_code_proves_it()
    {
        await NoticeScenario.SetCabinetAsync(Client);
        Guid legacyId;
        await using (var scope = App.Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<AddinHost.Infrastructure.Data.TenantContext>().Set(App.Tenant);
            var db = scope.ServiceProvider.GetRequiredService<AddinHost.Infrastructure.Data.DunningDbContext>();
            var legacy = new Ar24SenderAccount { Email = Lawyer, Origin = Ar24SenderOrigin.FirstSend,
                State = Ar24SenderState.ToCreate };
            db.Ar24SenderAccounts.Add(legacy);
            await db.SaveChangesAsync();
            legacyId = legacy.Id;
        }
        var users = (await StateAsync()).GetProperty("users").GetArrayLength();

        // Unproven: AR24 is not asked to open it; the admin is told how to prove it.
        var refused = await (await Client.PostAsync($"/api/ar24/senders/{legacyId}/provision", null)).ProblemAsync(409);
        Assert.Contains("saisissez le code", refused.GetProperty("detail").GetString());
        Assert.Equal(users, (await StateAsync()).GetProperty("users").GetArrayLength());

        // The code proves it: the same row, now confirmed, and AR24 opens it.
        Assert.Equal(HttpStatusCode.Accepted, (await Client.PostJsonAsync("/api/ar24/senders",
            new { email = Lawyer, gender = "M", firstname = "Paul", lastname = "Roux" })).StatusCode);
        var bound = await (await Client.PostJsonAsync("/api/ar24/senders/confirm",
            new { email = Lawyer, code = await Ar24Onboarding.CodeAsync(Client, Lawyer) })).ReadAsync<SenderDto>();
        Assert.Equal(legacyId, bound.Id);
        var opened = await Ar24Onboarding.ProvisionAsync(Client, legacyId);
        Assert.Equal(Ar24SenderState.TermsToAccept, opened.State);
        Assert.Equal(users + 1, (await StateAsync()).GetProperty("users").GetArrayLength());
    }

    [Fact]
    public async Task Only_administrators_manage_senders()
    {
        await using var lawyer = App.ForTenant(App.Tenant, [Roles.Avocat]);
        var client = lawyer.CreateClient();
        await (await client.GetAsync("/api/ar24/senders")).ProblemAsync(403);
        await (await client.PostJsonAsync("/api/ar24/senders", new { email = Lawyer })).ProblemAsync(403);
    }
}

public sealed class SenderOnboardingOnSqlite() : SenderOnboardingTests(DbKind.Sqlite);
public sealed class SenderOnboardingOnPostgres() : SenderOnboardingTests(DbKind.Postgres);
