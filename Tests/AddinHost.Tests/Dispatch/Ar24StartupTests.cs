using System.Net;
using AddinHost.Dispatch.Ar24;
using AddinHost.Dispatch.Outbox;
using AddinHost.Infrastructure.Data;
using AddinHost.Tests.Fixtures;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using AddinHost.Dispatch;
using Microsoft.AspNetCore.Builder;

namespace AddinHost.Tests.Dispatch;

/// <summary>
/// What the host checks and does at start-up for AR24: timings sized from AR24's time-out, configured senders bound
/// to their firms (a conflict stops the start), and AR24's documented webhook address as the default allow-list.
/// </summary>
public sealed class Ar24StartupTests
{
    private static Dictionary<string, string> Sender(string tenant, string email, int index = 0) => new()
    {
        [$"Ar24:Senders:{index}:Tenant"] = tenant, [$"Ar24:Senders:{index}:User"] = "oid-" + tenant,
            [$"Ar24:Senders:{index}:Email"] = email,
        [$"Ar24:Senders:{index}:Firstname"] = "Claire", [$"Ar24:Senders:{index}:Lastname"] = "Delaunay",
            [$"Ar24:Senders:{index}:Gender"] = "F",
    };

    [Theory]
    [InlineData("60", "120", "600",
        "Dispatch:LeaseSeconds (120 s) doit valoir au moins 4 fois Ar24:TimeoutSeconds (60 s)")]
    [InlineData("300", "1200", "1300",
        "Dispatch:NotFoundGraceSeconds (1300 s) doit dépasser Dispatch:LeaseSeconds plus Ar24:TimeoutSeconds "
            + "(1500 s)")]
    public async Task Timings_too_short_for_AR24s_time_out_stop_the_start(string timeout, string lease,
        string grace, string message)
    {
        await using var app = new DunningApp(DbKind.Sqlite,
            await TestDatabase.CreateAsync(DbKind.Sqlite), "cabinet-test")
        {
            OwnsDatabase = true,
            Settings = new Dictionary<string, string>
                { ["Ar24:TimeoutSeconds"] = timeout, ["Dispatch:LeaseSeconds"] = lease,
                    ["Dispatch:NotFoundGraceSeconds"] = grace },
        };
        var e = Assert.ThrowsAny<Exception>(() => app.Server);
        Assert.Contains(message, e.GetBaseException().Message);
    }

    [Fact]
    public void AR24s_documented_time_out_and_webhook_address_are_the_defaults()
    {
        static WebApplicationBuilder Builder()
        {
            var b = WebApplication.CreateBuilder();
            (b.Configuration["Ar24:BaseUrl"], b.Configuration["Ar24:Token"],
                b.Configuration["Ar24:PrivateKey"]) = ("https://app.ar24.fr/api/", "t", "k");
            return b;
        }
        var builder = Builder();
        builder.AddAr24Options();
        var options = builder.Services.BuildServiceProvider().GetRequiredService<IOptions<Ar24Options>>().Value;
        Assert.Equal(60, options.TimeoutSeconds);
        Assert.Equal(["185.183.140.195"], options.WebhookAllowedIps);

        var configured = Builder();
        configured.Configuration["Ar24:WebhookAllowedIps:0"] = "10.0.0.0/8";
        configured.AddAr24Options();
        Assert.Equal(["10.0.0.0/8"], configured.Services.BuildServiceProvider()
            .GetRequiredService<IOptions<Ar24Options>>().Value.WebhookAllowedIps);
    }

    [Fact]
    public async Task A_callback_from_AR24s_documented_address_is_heard_with_no_allow_list_configured()
    {
        await using var app = new DunningApp(DbKind.Sqlite,
            await TestDatabase.CreateAsync(DbKind.Sqlite), "cabinet-test")
        {
            OwnsDatabase = true,
            Settings = new Dictionary<string, string> { ["Dispatch:PollSeconds"] = "259200" },
            ExtraServices = s => s.AddSingleton<IStartupFilter, RemoteAddressFromHeader>(),
        };
        var client = app.CreateClient();
        await NoticeScenario.DepositNoticeAsync(app, client, (await SeedCompanyAsync(client)));
        var processor = app.Services.GetRequiredService<DispatchProcessor>();
        app.Clock.Advance(TimeSpan.FromDays(1) + TimeSpan.FromMinutes(1));
        Assert.False(await processor.ProcessNextAsync(default)); // accepted at AR24; the next poll is days away

        var key = app.Services.GetRequiredService<AddinHost.Dispatch.WebhookKeys>().For(app.Tenant);
        foreach (var (source, heard) in new[] { ("10.9.9.9", false), (Ar24Options.DocumentedWebhookSource, true) })
        {
            var request = new HttpRequestMessage(HttpMethod.Post, $"/api/webhooks/ar24/{key}")
                { Content = new StringContent("{}") };
            request.Headers.Add(RemoteAddressFromHeader.Header, source);
            Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(request)).StatusCode);
            Assert.Equal(heard, await processor.ProcessNextAsync(default));
        }
    }

    private static async Task<Guid> SeedCompanyAsync(HttpClient client)
    {
        var creditor = await (await client.PostJsonAsync("/api/creditors", new { name = "Créancier", kind = "Client",
            contactConsentOn = "2025-01-15", contactConsentEvidence = "lettre de mission" }))
            .ReadAsync<AddinHost.Cases.CreditorEndpoints.CreditorDto>();
        (await client.PostAsync("/api/import/invoices",
            SampleFiles.Form(SampleFiles.TypicalCsv("S"), creditorId: creditor.Id))).EnsureSuccessStatusCode();
        return (await (await client.GetAsync("/api/cases")).ReadAsync<List<AddinHost.Cases.CaseSummaryDto>>())
            .Single(c => c.Debtor == "Garage Fontaine SARL").Id;
    }

    [Theory]
    [InlineData(DbKind.Sqlite)]
    [InlineData(DbKind.Postgres)]
    public async Task
        Configured_senders_are_bound_to_their_firm_at_start_up_and_one_held_by_another_firm_stops_the_start(
        DbKind kind)
    {
        var database = await TestDatabase.CreateAsync(kind);
        await using (var first = new DunningApp(kind, database,
            "cabinet-a") { Settings = Sender("cabinet-a", "Claire.Delaunay@Delaunay.example") })
        {
            _ = first.Server;
            await using var scope = first.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<DunningDbContext>();
            var bound = await db.Ar24SenderAccounts.IgnoreQueryFilters().SingleAsync();
            Assert.Equal(("cabinet-a", "claire.delaunay@delaunay.example", Ar24SenderOrigin.Configured,
                Ar24SenderState.ToCreate, "oid-cabinet-a"),
                (bound.TenantId, bound.Email, bound.Origin, bound.State, bound.UserId));
        }
        await using (var again = new DunningApp(kind, database,
            "cabinet-a") { Settings = Sender("cabinet-a", "claire.delaunay@delaunay.example") })
            _ = again.Server; // the same firm again: nothing changes, the start goes on

        await using var other = new DunningApp(kind, database,
            "cabinet-b") { Settings = Sender("cabinet-b", "claire.delaunay@delaunay.example"), OwnsDatabase = true };
        var e = Assert.ThrowsAny<Exception>(() => other.Server);
        Assert.Contains("Ar24:Senders:0 (cabinet cabinet-b) : cette adresse est déjà l'expéditeur AR24 du cabinet "
            + "cabinet-a",
            e.GetBaseException().Message);

        await using var twice = new DunningApp(kind,
            await TestDatabase.CreateAsync(kind), "cabinet-a")
        {
            OwnsDatabase = true,
            Settings = new[] { Sender("cabinet-a", "x@delaunay.example"),
                Sender("cabinet-b", "x@delaunay.example", 1) }.SelectMany(d => d).ToDictionary(),
        };
        Assert.Contains("déclarée pour plusieurs expéditeurs (Ar24:Senders:0, Ar24:Senders:1)",
            Assert.ThrowsAny<Exception>(() => twice.Server).GetBaseException().Message);
    }
}
