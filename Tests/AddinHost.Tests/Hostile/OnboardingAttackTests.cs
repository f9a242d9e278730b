using System.Net;
using AddinHost.Infrastructure.Auth;
using AddinHost.Tests.Fixtures;

namespace AddinHost.Tests.Hostile;

/// <summary>
/// Any Entra tenant's admin (a free tenant is enough) trying to onboard a firm and send registered mail on the
/// operator's
/// AR24 contract: closed by default, a request waits for the operator, and an accepted firm sends within its monthly
/// quota.
/// </summary>
public abstract class OnboardingAttackTests(DbKind kind) : ApiTestBase(kind)
{
    private const string Operator = "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";
    private const string Stranger = "5e6f7a8b-9c0d-4e1f-8a2b-3c4d5e6f7a8b";

    protected override IReadOnlyDictionary<string, string> Settings { get; } =
        new Dictionary<string, string>(TestTokens.EntraSettings(Operator)) { ["Auth:OperatorTenants:0"] = Operator };

    protected override Action<Microsoft.Extensions.DependencyInjection.IServiceCollection> ExtraServices =>
        TestTokens.TrustTestKey;

    private HttpClient As(string tenant, params string[] roles) =>
        App.CreateClient().WithToken(TestTokens.Create(tenant, roles,
            oid: Guid.NewGuid().ToString()));

    [Fact]
    public async Task An_unlisted_tenant_cannot_onboard_itself_and_waits_for_the_operator()
    {
        var admin = As(Stranger, Roles.Administrateur, Roles.Avocat);
        var asked = await admin.PostJsonAsync("/api/onboarding", new { name = "Cabinet Inconnu" });
        Assert.Equal(HttpStatusCode.Accepted, asked.StatusCode);
        var state = await (await admin.GetAsync("/api/onboarding")).ReadAsync<OnboardingEndpoints.OnboardingDto>();
        Assert.False(state.Onboarded);
        Assert.Contains("en attente", state.Demande);
        Assert.Contains("pas encore inscrit",
            (await (await admin.GetAsync("/api/cases")).ProblemAsync(403))
            .GetProperty("detail").GetString());
        // a firm admin is no operator
        Assert.Equal(HttpStatusCode.Forbidden,
            (await admin.GetAsync("/api/operator/onboarding")).StatusCode);

        var operatorAdmin = As(Operator, Roles.Administrateur);
        var pending = await (await operatorAdmin.GetAsync("/api/operator/onboarding"))
            .ReadAsync<List<OnboardingEndpoints.PendingDto>>();
        Assert.Equal((Stranger, "Cabinet Inconnu", OnboardingState.EnAttente),
            (pending.Single().TenantId, pending.Single().Name, pending.Single().State));
        await (await operatorAdmin.PostJsonAsync($"/api/operator/onboarding/{Stranger}/refuse",
            new { })).ProblemAsync(400);
        (await operatorAdmin.PostJsonAsync($"/api/operator/onboarding/{Stranger}/refuse",
            new { reason = "Cabinet inconnu de l'éditeur." }))
            .EnsureSuccessStatusCode();
        var refused = await (await admin.GetAsync("/api/onboarding")).ReadAsync<OnboardingEndpoints.OnboardingDto>();
        Assert.Equal(("Cabinet inconnu de l'éditeur.", false), (refused.Motif, refused.Onboarded));
        Assert.Contains("pas encore inscrit",
            (await (await admin.GetAsync("/api/cases")).ProblemAsync(403))
            .GetProperty("detail").GetString());
        var audit = await (await operatorAdmin.GetAsync("/api/audit")).Content.ReadAsStringAsync();
        Assert.Contains("cabinet.refuse", audit);
    }

    [Fact]
    public async Task An_accepted_firm_sends_registered_letters_within_the_quota_the_operator_set()
    {
        var admin = As(Stranger, Roles.Administrateur, Roles.Avocat);
        Assert.Equal(HttpStatusCode.Accepted,
            (await admin.PostJsonAsync("/api/onboarding", new { name = "Cabinet Accepté" })).StatusCode);
        var operatorAdmin = As(Operator, Roles.Administrateur);
        await (await operatorAdmin.PostJsonAsync($"/api/operator/onboarding/{Stranger}/accept",
            new { monthlyLetterQuota = -1 }))
            .ProblemAsync(400);
        (await operatorAdmin.PostJsonAsync($"/api/operator/onboarding/{Stranger}/accept",
            new { monthlyLetterQuota = 0 }))
            .EnsureSuccessStatusCode();
        Assert.Empty(await (await operatorAdmin.GetAsync("/api/operator/onboarding"))
            .ReadAsync<List<OnboardingEndpoints.PendingDto>>());

        var (_, company, _) = await SeedTypicalAsync(client: admin); // in: the firm is onboarded
        await NoticeScenario.PutIdentityAsync(admin); // the quota is checked before anything else of the send
        await NoticeScenario.TakeRemindersAsync(admin, company.Id);
        var refused = await (await admin.PostJsonAsync($"/api/cases/{company.Id}/dispatches",
            new { level = 3 }))
            .ProblemAsync(409);
        Assert.Contains("Quota mensuel de lettres recommandées atteint (0", refused.GetProperty("detail").GetString());
        Assert.Contains("cabinet.accepte",
            await (await operatorAdmin.GetAsync("/api/audit"))
            .Content.ReadAsStringAsync());
    }
}

public sealed class OnboardingAttacksOnSqlite() : OnboardingAttackTests(DbKind.Sqlite);
public sealed class OnboardingAttacksOnPostgres() : OnboardingAttackTests(DbKind.Postgres);
