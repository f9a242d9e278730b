using System.Net;
using AddinHost.Dispatch.Outbox;
using AddinHost.Infrastructure.Auth;
using AddinHost.Infrastructure.Data;
using AddinHost.Mailbox;
using AddinHost.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Identity.Client;
using AddinHost.Graph;

namespace AddinHost.Tests.Mailbox;

/// <summary>
/// The on-behalf-of flow for real: Microsoft.Identity.Web's MSAL exchanges the user's token at a local Entra token
/// endpoint, Graph (a local server) receives the exchanged token, the tokens live encrypted in the database across
/// restarts and instances, and the outbox sends a lawyer's e-mail from them, refreshing when they expire.
/// </summary>
public abstract class OnBehalfOfTests(DbKind kind) : GraphServerTestBase(kind)
{
    private const string Firm = "5e6f7a8b-9c0d-4e1f-8a2b-3c4d5e6f7a8b";
    private const string JwtBearer = "urn:ietf:params:oauth:grant-type:jwt-bearer";
    private EntraTokenServer Entra { get; set; } = null!;
    private readonly string _userToken = TestTokens.Create(Firm, [Roles.Avocat, Roles.Assistant, Roles.Administrateur]);

    protected override IReadOnlyDictionary<string, string> Settings =>
        new Dictionary<string, string>(base.Settings.Concat(TestTokens.EntraSettings(Firm)))
        {
            ["AzureAd:ClientSecret"] = Entra.ClientSecret,
        };

    protected override Action<IServiceCollection> ExtraServices => s =>
    {
        TestTokens.TrustTestKey(s);
        s.AddSingleton(Entra.HttpClients);
    };

    public override async Task InitializeAsync()
    {
        Entra = await EntraTokenServer.StartAsync();
        await base.InitializeAsync();
        Client.WithToken(_userToken);
        Graph.AddMessage("msg-obo", "compta@garage-fontaine.example", "Facture F-001",
            "Nous réglerons à la fin du mois.");
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await Entra.DisposeAsync();
    }

    private Task<HttpResponseMessage> OpenMessageAsync(HttpClient client) =>
        client.GetAsync("/api/mailbox/messages/msg-obo/case");

    [Fact]
    public async Task The_users_token_is_exchanged_once_and_the_exchange_survives_a_restart()
    {
        await SeedTypicalAsync();
        (await OpenMessageAsync(Client)).EnsureSuccessStatusCode();
        var exchange = Assert.Single(Entra.TokenRequests);
        Assert.Equal(JwtBearer, exchange["grant_type"]);
        Assert.Equal("on_behalf_of", exchange["requested_token_use"]);
        Assert.Equal(_userToken, exchange["assertion"]);
        Assert.Equal(TestTokens.ClientId, exchange["client_id"]);
        Assert.All(GraphOptions.DefaultScopes, scope => Assert.Contains(scope, exchange["scope"].Split(' ')));
        Assert.DoesNotContain(exchange["scope"].Split(' '),
            s => s.EndsWith("/.default", StringComparison.Ordinal) || s.Contains("ReadWrite.All"));
        Assert.Equal("Bearer " + Entra.Issued.Single(), Graph.Authorizations.Last());

        (await OpenMessageAsync(Client)).EnsureSuccessStatusCode();
        Assert.Single(Entra.TokenRequests); // the cache answered

        // The cache is in the database, encrypted: a restarted host (or a second instance) finds the tokens there.
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var rows = await scope.ServiceProvider.GetRequiredService<DunningDbContext>().TokenCache.ToListAsync();
            Assert.NotEmpty(rows);
            Assert.All(rows,
                r => Assert.DoesNotContain(Entra.Issued.Single(), System.Text.Encoding.UTF8.GetString(r.Value)));
        }
        await using var restarted = new DunningApp(Kind, App.ConnectionString, "cabinet-test")
            { Settings = Settings, ExtraServices = ExtraServices };
        (await OpenMessageAsync(restarted.CreateClient().WithToken(_userToken))).EnsureSuccessStatusCode();
        Assert.Single(Entra.TokenRequests);
        Assert.Equal("Bearer " + Entra.Issued.Single(), Graph.Authorizations.Last());
    }

    [Fact]
    public async Task A_batch_opens_the_lawyers_mailbox_session_only_when_it_holds_an_email_step()
    {
        var (_, company, consumer) = await SeedTypicalAsync();

        // Registered letters only: no mailbox is needed, and nothing is asked of Entra.
        Assert.Equal(HttpStatusCode.Accepted, (await Client.PostJsonAsync("/api/batches",
            new { items = new[] { new { caseId = company.Id, level = 3 } } })).StatusCode);
        Assert.Empty(Entra.Grants(JwtBearer));

        // A reminder by e-mail in the batch: the session opens now, in the lawyer's request.
        Assert.Equal(HttpStatusCode.Accepted, (await Client.PostJsonAsync("/api/batches",
            new { items = new[] { new { caseId = consumer.Id, level = 1 } } })).StatusCode);
        Assert.Equal(_userToken, Assert.Single(Entra.Grants(JwtBearer))["assertion"]);
    }

    [Fact]
    public async Task The_outbox_sends_the_lawyers_email_from_their_session_and_refreshes_an_expired_token()
    {
        var (_, company, _) = await SeedTypicalAsync();
        Entra.ExpiresInSeconds = 120; // already "expired" for MSAL, which renews 5 minutes ahead
        var planned = await (await Client.PostJsonAsync($"/api/cases/{company.Id}/dispatches", new { level = 1 }))
            .ReadAsync<DispatchDto>();
        var session = Assert.Single(Entra.Grants(JwtBearer)); // the background session opened in the lawyer's request
        Assert.Equal(_userToken, session["assertion"]);

        var processor = App.Services.GetRequiredService<DispatchProcessor>();
        // no request, no user token: the session's refresh token serves
        while (await processor.ProcessNextAsync(default)) { }

        Assert.Equal(DispatchState.EmailSent,
            (await (await Client.GetAsync($"/api/dispatches/{planned.Id}")).ReadAsync<DispatchDto>()).State);
        Assert.Equal(1, Graph.SentWithMark(planned.Id.ToString()));
        Assert.Single(Entra.Grants(JwtBearer)); // never a second exchange without the user
        Assert.NotEmpty(Entra.Grants("refresh_token"));
        Assert.Equal("Bearer " + Entra.Issued.Last(), Graph.Authorizations.Last());
    }

    [Fact]
    public async Task Missing_consent_is_explained_and_nothing_is_planned()
    {
        var (_, company, _) = await SeedTypicalAsync();
        Entra.ConsentMissing = true;
        var opened = await (await OpenMessageAsync(Client)).ProblemAsync(403);
        Assert.Contains("consentement", opened.GetProperty("detail").GetString());

        var planning = await (await Client.PostJsonAsync($"/api/cases/{company.Id}/dispatches", new { level = 1 }))
            .ProblemAsync(403);
        Assert.Contains("consentement", planning.GetProperty("detail").GetString());
        Assert.Empty(await (await Client.GetAsync($"/api/cases/{company.Id}/dispatches"))
            .ReadAsync<List<DispatchDto>>());
        Assert.Empty(Graph.OwnMail);
    }

    [Fact]
    public async Task The_outbox_without_a_session_refuses_the_email_with_a_reason_and_sends_nothing()
    {
        var (_, company, _) = await SeedTypicalAsync();
        var planned = await (await Client.PostJsonAsync($"/api/cases/{company.Id}/dispatches", new { level = 1 }))
            .ReadAsync<DispatchDto>();
        // the lawyer's session is gone (revoked, or never opened on this database)
        await using (var scope = App.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<DunningDbContext>().TokenCache.ExecuteDeleteAsync();
        await using var restarted = new DunningApp(Kind, App.ConnectionString, "cabinet-test")
            { Settings = Settings, ExtraServices = ExtraServices };
        var processor = restarted.Services.GetRequiredService<DispatchProcessor>();
        while (await processor.ProcessNextAsync(default)) { }

        var dispatch = await (await Client.GetAsync($"/api/dispatches/{planned.Id}")).ReadAsync<DispatchDto>();
        Assert.Equal(DispatchState.Failed, dispatch.State);
        Assert.Contains("reconnect", dispatch.FailureReason);
        Assert.Empty(Graph.OwnMail);

        // The lawyer retries from the pane: a new session, and the same dispatch leaves once.
        Assert.Equal(HttpStatusCode.OK,
            (await Client.PostJsonAsync($"/api/cases/{company.Id}/dispatches", new { level = 1 })).StatusCode);
        while (await processor.ProcessNextAsync(default)) { }
        Assert.Equal(DispatchState.EmailSent,
            (await (await Client.GetAsync($"/api/dispatches/{planned.Id}")).ReadAsync<DispatchDto>()).State);
        Assert.Equal(1, Graph.SentWithMark(planned.Id.ToString()));
    }
}

public sealed class OnBehalfOfOnSqlite() : OnBehalfOfTests(DbKind.Sqlite);
public sealed class OnBehalfOfOnPostgres() : OnBehalfOfTests(DbKind.Postgres);
