namespace AddinHost.Tests.Fixtures;

/// <summary>Brings a company case to the point where its mise en demeure by ERE is due on 30/09/2025.</summary>
public static class NoticeScenario
{
    public const string CabinetEmail = "c.delaunay@delaunay-avocats.example";

    /// <summary>A valid SIRET for the test firm (fictitious).</summary>
    public static readonly string Siret = AddinHost.Cases.Demo.DemoSeeder.DemoSiret(81234567);

    /// <summary>The firm's identity, and its address made an active AR24 sender through the
    /// admin's onboarding.</summary>
    public static async Task SetCabinetAsync(HttpClient client, string email = CabinetEmail, HttpClient? ar24 = null,
        string? graphBaseUrl = null)
    {
        await PutIdentityAsync(client, email);
        await Ar24Onboarding.ActivateAsync(client, email, ar24: ar24, graphBaseUrl: graphBaseUrl);
    }

    /// <summary>The firm's identity alone: what opening its AR24 accounts needs (SIRET, address), nothing at
    /// AR24 yet.</summary>
    public static async Task PutIdentityAsync(HttpClient client, string email = CabinetEmail) =>
        (await client.PutJsonAsync("/api/cabinet", new
        {
            name = "Cabinet Delaunay", email, signingLawyer = "Maître Claire Delaunay",
                address = "12 rue de la République", postalCode = "69002",
            city = "Lyon", siret = Siret, country = "FR",
        })).EnsureSuccessStatusCode();

    /// <summary>Relances 1 and 2 recorded as done, so that the next step is the mise en demeure.</summary>
    public static async Task TakeRemindersAsync(HttpClient client, Guid caseId)
    {
        (await client.PostJsonAsync($"/api/cases/{caseId}/steps", new { level = 1, date = "2025-09-01" }))
            .EnsureSuccessStatusCode();
        (await client.PostJsonAsync($"/api/cases/{caseId}/steps", new { level = 2, date = "2025-09-10" }))
            .EnsureSuccessStatusCode();
    }

    /// <summary>The firm's identity set, the reminders taken, and the mise en demeure sent through the outbox
    /// (deposited at the simulator).</summary>
    public static async Task DepositNoticeAsync(DunningApp app, HttpClient client, Guid caseId)
    {
        await SetCabinetAsync(client, graphBaseUrl: app.Settings.GetValueOrDefault("Graph:BaseUrl"));
        await TakeRemindersAsync(client, caseId);
        (await client.PostJsonAsync($"/api/cases/{caseId}/dispatches", new { level = 3 })).EnsureSuccessStatusCode();
        var processor = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions
            .GetRequiredService<AddinHost.Dispatch.Outbox.DispatchProcessor>(app.Services);
        while (await processor.ProcessNextAsync(default)) { }
    }
}

/// <summary>Thrown by a fault hook to stand for a process that dies at that point.</summary>
public sealed class SimulatedCrash(string point) : Exception($"process died at {point}");
