using System.Net;
using System.Text.Json;
using AddinHost.Tests.Fixtures;

namespace AddinHost.Tests.Infrastructure;

/// <summary>One user flooding the API, or one sender flooding the webhooks, is told in French to wait; others are
/// not slowed.</summary>
public sealed class ProtectionTests() : ApiTestBase(DbKind.Sqlite)
{
    protected override IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
    {
        ["RateLimits:ApiPerMinute"] = "5", ["RateLimits:WebhooksPerMinute"] = "3",
    };

    [Fact]
    public async Task Past_its_limit_a_user_gets_a_french_429_with_when_to_retry_and_another_firm_is_not_slowed()
    {
        for (var i = 0; i < 5; i++) Assert.Equal(HttpStatusCode.OK, (await Client.GetAsync("/api/cases")).StatusCode);
        var refused = await Client.GetAsync("/api/cases");
        var problem = await refused.ProblemAsync(429);
        Assert.Contains("réessayez dans", problem.GetProperty("detail").GetString());
        Assert.True(int.Parse(refused.Headers.RetryAfter!.Delta!.Value.TotalSeconds.ToString("0")) >= 1);

        await using var other = App.ForTenant("cabinet-autre");
        Assert.Equal(HttpStatusCode.OK, (await other.CreateClient().GetAsync("/api/cases")).StatusCode);
        Assert.Equal(HttpStatusCode.OK,
            (await Client.GetAsync("/app/outlook.html")).StatusCode); // the panes' files are not counted
        Assert.Equal(HttpStatusCode.OK, (await Client.GetAsync("/health/live")).StatusCode);
    }

    [Fact]
    public async Task Webhooks_have_their_own_limit()
    {
        for (var i = 0; i < 3; i++)
            Assert.Equal(HttpStatusCode.OK,
                (await Client.PostAsync("/api/webhooks/ar24/cle-inconnue", new StringContent("id_mail=1"))).StatusCode);
        await (await Client.PostAsync("/api/webhooks/ar24/cle-inconnue", new StringContent("id_mail=1")))
            .ProblemAsync(429);
        Assert.Equal(HttpStatusCode.OK,
            (await Client.GetAsync("/api/cases")).StatusCode); // the user's own budget is untouched
    }
}

/// <summary>Liveness answers without looking at anything; readiness names each dependency and its state, in French
/// when it fails.</summary>
public sealed class HealthTests() : ApiTestBase(DbKind.Sqlite)
{
    [Fact]
    public async Task Live_and_ready_report_each_dependency()
    {
        var live = JsonDocument.Parse(await (await Client.GetAsync("/health/live")).Content.ReadAsStringAsync())
            .RootElement;
        Assert.Equal("Healthy", live.GetProperty("statut").GetString());
        Assert.Equal(0, live.GetProperty("verifications").GetArrayLength());

        var response = await Client.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode); // degraded parts do not take the instance out of rotation
        var ready = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        var checks = ready.GetProperty("verifications").EnumerateArray()
            .ToDictionary(c => c.GetProperty("nom").GetString()!, c => c);
        Assert.Equal(["ar24", "base-de-donnees", "libreoffice", "stockage-des-preuves"], checks.Keys.Order());
        Assert.Equal("Healthy", checks["base-de-donnees"].GetProperty("statut").GetString());
        Assert.Equal("Healthy", checks["stockage-des-preuves"].GetProperty("statut").GetString()); // Azurite
        Assert.Equal("Healthy", checks["libreoffice"].GetProperty("statut").GetString());
        // The tests' AR24 lives inside the test server, which a real socket cannot reach: reported, never fatal.
        Assert.Equal("Degraded", checks["ar24"].GetProperty("statut").GetString());
        Assert.Contains("file d'envoi", checks["ar24"].GetProperty("detail").GetString());
        Assert.Equal("Degraded", ready.GetProperty("statut").GetString());
    }
}
