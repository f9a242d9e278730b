using System.Text.Json;
using AddinHost.Dispatch.Outbox;
using AddinHost.Infrastructure.Data;
using AddinHost.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using AddinHost.Cases;
using AddinHost.Dispatch;
using AddinHost.Proofs;

namespace AddinHost.Tests.Dispatch;

/// <summary>
/// Two hosts on one PostgreSQL database and one blob store share the outbox: 500 mises en demeure go through them
/// while one host dies in the middle of its work and another takes its place. Every letter reaches AR24 exactly once,
/// none is lost, and every letter as sent is filed exactly once. Then AR24's callbacks arrive at either host while both
/// follow the letters: each acceptance is recorded and its proof filed exactly once.
/// </summary>
public sealed class MultiInstanceTests : IAsyncLifetime
{
    private const string Tenant = "cabinet-multi";
    private const int Letters = 500;
    private DunningApp _a = null!;
    private DunningApp _b = null!;
    private string _database = "";

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(DbKind.Postgres);
        _a = new DunningApp(DbKind.Postgres, _database, Tenant) // also plays AR24, for both
        {
            Settings = HostSettings, ExtraServices = WebhookSource
        };
        _ = _a.Server;
        _b = SecondHost();
        await PlannedLetters.SeedAsync(_a.Services, Tenant, Letters, "DR-MULTI");
    }

    // Deposited letters are polled only after three days, so within two days only AR24's callbacks make them move.
    private static readonly Dictionary<string, string> HostSettings = new()
    {
        ["Dispatch:PollSeconds"] = "259200", ["Ar24:WebhookAllowedIps:0"] = Ar24Address
    };
    private const string Ar24Address = "10.1.2.3";
    private static void WebhookSource(IServiceCollection s) =>
        s.AddSingleton<Microsoft.AspNetCore.Hosting.IStartupFilter, RemoteAddressFromHeader>();

    private DunningApp SecondHost()
    {
        var b = new DunningApp(DbKind.Postgres, _database, Tenant)
        {
            Ar24Host = _a, Clock = _a.Clock, Settings = HostSettings, ExtraServices = WebhookSource
        };
        _ = b.Server;
        return b;
    }

    public async Task DisposeAsync()
    {
        await _b.DisposeAsync();
        await _a.DisposeAsync();
    }

    /// <summary>A worker's loop on one host, until told to stop (a stop in the middle of a turn is a crash).</summary>
    private static Task WorkAsync(DunningApp host, CancellationToken stop) => Task.Run(async () =>
    {
        var processor = host.Services.GetRequiredService<DispatchProcessor>();
        while (!stop.IsCancellationRequested)
        {
            try
            {
                if (!await processor.ProcessNextAsync(stop)) await Task.Delay(10, stop);
            }
            catch (OperationCanceledException) { return; }
        }
    });

    /// <summary>AR24's callback, delivered by the load balancer to one host or the other (the body says nothing: a
    /// hint).</summary>
    private static async Task WebhookAsync(DunningApp host)
    {
        var request = new HttpRequestMessage(HttpMethod.Post,
            $"/api/webhooks/ar24/{host.Services.GetRequiredService<AddinHost.Dispatch.WebhookKeys>().For(Tenant)}")
        {
            Content = new StringContent("{}")
        };
        request.Headers.Add(RemoteAddressFromHeader.Header, Ar24Address);
        (await host.CreateClient().SendAsync(request)).EnsureSuccessStatusCode();
    }

    private async Task<int> CountAsync(DispatchState state)
    {
        await using var scope = _a.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().Set(Tenant);
        return await scope.ServiceProvider.GetRequiredService<DunningDbContext>().Dispatches
            .CountAsync(d => d.State == state);
    }

    [Fact]
    public async Task Five_hundred_letters_through_two_hosts_one_of_which_dies_are_each_sent_and_filed_once()
    {
        using var stopA = new CancellationTokenSource();
        using var stopB = new CancellationTokenSource();
        var workers = new List<Task>
        {
            WorkAsync(_a, stopA.Token), WorkAsync(_a, stopA.Token),
            WorkAsync(_b, stopB.Token), WorkAsync(_b, stopB.Token)
        };

        while (await CountAsync(DispatchState.Deposited) < Letters / 3) await Task.Delay(20);
        await stopB.CancelAsync(); // host B dies in the middle of its turns
        await Task.WhenAll(workers.Skip(2));
        await _b.DisposeAsync();
        _a.Clock.Advance(TimeSpan.FromMinutes(5)); // B's leases run out: its letters are A's to verify
        _b = SecondHost(); // and B comes back
        using var stopB2 = new CancellationTokenSource();
        workers.Add(WorkAsync(_b, stopB2.Token));
        workers.Add(WorkAsync(_b, stopB2.Token));

        var deadline = DateTime.UtcNow.AddMinutes(3);
        for (int done = 0, before = -1;
            (done = await CountAsync(DispatchState.Deposited)) < Letters && DateTime.UtcNow < deadline;
            before = done)
        {
            await Task.Delay(500);
            // stalled: letters in doubt are verified after their back-off
            if (done == before) _a.Clock.Advance(TimeSpan.FromSeconds(31));
        }
        await stopA.CancelAsync();
        await stopB2.CancelAsync();
        await Task.WhenAll(workers);

        Assert.Equal(Letters, await CountAsync(DispatchState.Deposited));
        var mails = JsonDocument.Parse(await _a.CreateClient().GetStringAsync("/sandbox/ar24/_state")).RootElement
            .GetProperty("mails").EnumerateArray()
            .Select(m => m.GetProperty("ref_client").GetString()).ToList();
        Assert.Equal(Letters, mails.Count);          // no duplicate at AR24
        Assert.Equal(Letters, mails.Distinct().Count()); // and none lost
        await using var scope = _a.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().Set(Tenant);
        var filed = await scope.ServiceProvider.GetRequiredService<DunningDbContext>().FiledProofs
            .Where(p => p.Kind == "lettre")
            .GroupBy(p => p.DispatchId).Select(g => g.Count()).ToListAsync();
        Assert.Equal(Letters, filed.Count);
        Assert.All(filed, count => Assert.Equal(1, count));

        // Then the debtors accept. AR24's callbacks reach either host, several times; both hosts' workers follow the
        // letters. Each letter is read to its end once, and each acceptance proof is filed once.
        _a.Clock.Advance(TimeSpan.FromDays(2));
        using var stopAll = new CancellationTokenSource();
        var followers = new List<Task>
        {
            WorkAsync(_a, stopAll.Token), WorkAsync(_a, stopAll.Token),
            WorkAsync(_b, stopAll.Token), WorkAsync(_b, stopAll.Token)
        };
        deadline = DateTime.UtcNow.AddMinutes(3);
        for (var round = 0; await CountAsync(DispatchState.Accepted) < Letters && DateTime.UtcNow < deadline; round++)
        {
            await Task.WhenAll(WebhookAsync(_a), WebhookAsync(_b));
            await Task.Delay(200);
        }
        await stopAll.CancelAsync();
        await Task.WhenAll(followers);

        Assert.Equal(Letters, await CountAsync(DispatchState.Accepted));
        var receipts = await scope.ServiceProvider.GetRequiredService<DunningDbContext>().FiledProofs
            .Where(p => p.Kind == "reception")
            .GroupBy(p => p.DispatchId).Select(g => g.Count()).ToListAsync();
        Assert.Equal(Letters, receipts.Count);
        Assert.All(receipts, count => Assert.Equal(1, count));
        var notices = await scope.ServiceProvider.GetRequiredService<DunningDbContext>().CaseEvents
            .Where(e => e.Kind == AddinHost.Cases.CaseEventKind.MiseEnDemeureRecue)
            .GroupBy(e => e.CaseId).Select(g => g.Count()).ToListAsync();
        Assert.Equal(Letters, notices.Count);
        Assert.All(notices, count => Assert.Equal(1, count)); // the interest start date is recorded once per case
    }
}
