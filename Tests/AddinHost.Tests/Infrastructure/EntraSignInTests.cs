using System.Net;
using AddinHost.Infrastructure.Auth;
using AddinHost.Tests.Fixtures;

namespace AddinHost.Tests.Infrastructure;

/// <summary>Sign-in with Entra ID tokens: each refusal with its reason, onboarding, and the app roles as
/// permissions.</summary>
public abstract class EntraSignInTests(DbKind kind) : ApiTestBase(kind)
{
    private const string Firm = "3c0e6a8b-1d2f-4e5a-9b7c-0d1e2f3a4b5c";
    private const string NewFirm = "7d8e9f0a-1b2c-4d3e-8f4a-5b6c7d8e9f0a";

    // The new firm is on the allow-list: its admin onboards it at once (others wait for the operator: see the
    // hostile-input tests).
    protected override IReadOnlyDictionary<string, string> Settings { get; } =
        new Dictionary<string, string>(TestTokens.EntraSettings(Firm))
        {
            ["Auth:OnboardingAllowedTenants:0"] = NewFirm
        };
    protected override Action<Microsoft.Extensions.DependencyInjection.IServiceCollection> ExtraServices =>
        TestTokens.TrustTestKey;

    private HttpClient As(string token) => App.CreateClient().WithToken(token);

    [Fact]
    public async Task A_valid_token_of_an_onboarded_firm_gets_in_with_its_roles()
    {
        var lawyer = As(TestTokens.Create(Firm, [Roles.Avocat]));
        Assert.Equal(HttpStatusCode.OK, (await lawyer.GetAsync("/api/cases")).StatusCode);
        var assistant = As(TestTokens.Create(Firm, [Roles.Assistant]));
        Assert.Equal(HttpStatusCode.OK, (await assistant.GetAsync("/api/cases")).StatusCode);
        var forbidden = await (await assistant.GetAsync("/api/audit")).ProblemAsync(403);
        Assert.Contains("rôle", forbidden.GetProperty("detail").GetString());
        var noRole = await (await As(TestTokens.Create(Firm, roles: null)).GetAsync("/api/cases")).ProblemAsync(403);
        Assert.Contains("rôle", noRole.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("audience", 401, "autre application")]
    [InlineData("expired", 401, "expiré")]
    [InlineData("issuer", 401, "Émetteur")]
    [InlineData("signature", 401, "signature")]
    [InlineData("scope", 403, "access_as_user")]
    [InlineData("none", 401, "Connexion requise")]
    public async Task A_bad_token_is_refused_with_its_reason(string flaw, int status, string reason)
    {
        var token = flaw switch
        {
            "audience" => TestTokens.Create(Firm, [Roles.Avocat], audience: "api://une-autre-application"),
            "expired" => TestTokens.Create(Firm, [Roles.Avocat], expiresIn: TimeSpan.FromHours(-2)),
            "issuer" => TestTokens.Create(Firm, [Roles.Avocat],
                issuer: $"https://login.microsoftonline.com/{NewFirm}/v2.0"),
            "signature" => TestTokens.Create(Firm, [Roles.Avocat], signedByStranger: true),
            "scope" => TestTokens.Create(Firm, [Roles.Avocat], scope: "User.Read"),
            _ => null,
        };
        var client = token is null ? App.CreateClient() : As(token);
        var problem = await (await client.GetAsync("/api/cases")).ProblemAsync(status);
        Assert.Contains(reason, problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_firm_not_onboarded_is_told_so_until_its_admin_onboards_it()
    {
        var lawyer = As(TestTokens.Create(NewFirm, [Roles.Avocat]));
        var refused = await (await lawyer.GetAsync("/api/cases")).ProblemAsync(403);
        Assert.Contains("pas encore inscrit", refused.GetProperty("detail").GetString());
        Assert.False((await (await lawyer.GetAsync("/api/onboarding")).ReadAsync<OnboardingEndpoints.OnboardingDto>())
            .Onboarded);
        var notAdmin = await (await lawyer.PostJsonAsync("/api/onboarding", new { name = "Cabinet Nouveau" }))
            .ProblemAsync(403);
        Assert.Contains("administrateur", notAdmin.GetProperty("detail").GetString());

        var admin = As(TestTokens.Create(NewFirm, [Roles.Administrateur], oid: "1a2b3c4d-0000-4000-8000-000000000001"));
        await (await admin.PostJsonAsync("/api/onboarding", new { })).ProblemAsync(400);
        var onboarded = await admin.PostJsonAsync("/api/onboarding", new { name = "Cabinet Nouveau" });
        Assert.Equal(HttpStatusCode.Created, onboarded.StatusCode);
        Assert.Equal(HttpStatusCode.OK,
            (await admin.PostJsonAsync("/api/onboarding", new { name = "Autre nom" })).StatusCode); // once
        Assert.Equal(HttpStatusCode.OK, (await lawyer.GetAsync("/api/cases")).StatusCode);
        var audit = await (await admin.GetAsync("/api/audit")).Content.ReadAsStringAsync();
        Assert.Contains("cabinet.inscrit", audit);
    }

    [Fact]
    public async Task A_user_of_one_firm_sees_nothing_of_another()
    {
        var a = As(TestTokens.Create(Firm, [Roles.Avocat, Roles.Administrateur]));
        (await a.PostJsonAsync("/api/creditors", new { name = "Créancier du cabinet A", kind = "Client" }))
            .EnsureSuccessStatusCode();
        var b = As(TestTokens.Create(NewFirm, [Roles.Administrateur]));
        (await b.PostJsonAsync("/api/onboarding", new { name = "Cabinet B" })).EnsureSuccessStatusCode();
        Assert.DoesNotContain("Créancier du cabinet A",
            await (await b.GetAsync("/api/creditors")).Content.ReadAsStringAsync());
        Assert.Contains("Créancier du cabinet A",
            await (await a.GetAsync("/api/creditors")).Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData(Roles.Avocat, new[] { "lire", "saisir", "décider", "envoyer" })]
    [InlineData(Roles.Assistant, new[] { "lire", "saisir" })]
    [InlineData(Roles.Administrateur, new[] { "lire", "saisir", "administrer" })]
    public async Task Each_role_does_exactly_what_it_should_with_a_real_token(string role, string[] allowed)
    {
        var admin = As(TestTokens.Create(Firm, [Roles.Administrateur, Roles.Avocat]));
        var (_, company, _) = await SeedTypicalAsync(client: admin);
        var user = As(TestTokens.Create(Firm, [role], oid: Guid.NewGuid().ToString()));
        var actions = new (string Name, Func<Task<HttpResponseMessage>> Call)[]
        {
            ("lire", () => user.GetAsync($"/api/cases/{company.Id}")),
            ("saisir", () => user.PutJsonAsync($"/api/cases/{company.Id}/debtor/consent", new { consents = false })),
            ("décider", () => user.PostJsonAsync($"/api/cases/{company.Id}/pauses",
                new { kind = "Litige", reason = "contestation" })),
            ("envoyer", () => user.GetAsync("/api/batches/due")),
            ("administrer", () => user.GetAsync("/api/audit")),
        };
        foreach (var (name, call) in actions)
        {
            var response = await call();
            if (allowed.Contains(name))
                Assert.True(response.IsSuccessStatusCode, $"{role} doit pouvoir {name} : {(int)response.StatusCode}");
            else Assert.Contains("rôle", (await response.ProblemAsync(403)).GetProperty("detail").GetString());
        }
    }
}

public sealed class EntraSignInOnSqlite() : EntraSignInTests(DbKind.Sqlite);
public sealed class EntraSignInOnPostgres() : EntraSignInTests(DbKind.Postgres);
