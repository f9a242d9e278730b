using System.Text;
using System.Text.Json;
using AddinHost.Dispatch.Outbox;
using AddinHost.Tests.Fixtures;
using Microsoft.Extensions.DependencyInjection;

namespace AddinHost.Tests.Dispatch;

/// <summary>
/// 200 random runs: each dispatch meets crashes at random points of the send and of the reconciliation, possibly
/// several in a row, with the lease expiring in between. In every run AR24 ends with exactly one mail: never two,
/// never none.
/// </summary>
public abstract class CrashInjectionTests(DbKind kind) : ApiTestBase(kind)
{
    private static readonly string[] Points = ["after-sending-recorded", "before-send", "after-send", "after-lookup"];
    private const int Runs = 200;

    [Fact]
    public async Task Two_hundred_random_crash_runs_never_send_twice_and_never_lose_a_letter()
    {
        await NoticeScenario.SetCabinetAsync(Client);
        var creditor = await CreateCreditorAsync();
        var csv = new StringBuilder(SampleFiles.CsvHeader + "\r\n");
        for (var i = 0; i < Runs; i++)
            csv.Append($"Société {i:000} SAS;;compta{i}@societe.example;;;;X-"
                + $"{i:000};01/02/2025;03/03/2025;1 000,00;0;professionnel\r\n");
        (await Client.PostAsync("/api/import/invoices", SampleFiles.Form(csv.ToString(), creditorId: creditor)))
            .EnsureSuccessStatusCode();
        var cases = await ListCasesAsync();
        Assert.Equal(Runs, cases.Count);

        var processor = App.Services.GetRequiredService<DispatchProcessor>();
        var random = new Random(20251130);
        var dispatches = new List<Guid>();
        var crashed = new Dictionary<string, int>();
        try
        {
            foreach (var c in cases)
            {
                await NoticeScenario.TakeRemindersAsync(Client, c.Id);
                var dispatch = await (await Client.PostJsonAsync($"/api/cases/{c.Id}/dispatches", new { level = 3 }))
                    .ReadAsync<DispatchDto>();
                dispatches.Add(dispatch.Id);

                // Up to three crashes, each at a random point; a crash that does not come is simply not there.
                var crashes = new Queue<string>(
                    Enumerable.Range(0, random.Next(0, 4)).Select(_ => Points[random.Next(Points.Length)]));
                processor.FaultInjector = p =>
                {
                    if (!crashes.TryPeek(out var next) || next != p) return;
                    crashes.Dequeue();
                    crashed[p] = crashed.GetValueOrDefault(p) + 1;
                    throw new SimulatedCrash(p);
                };
                for (var round = 0; round < 20; round++)
                {
                    try { while (await processor.ProcessNextAsync(default)) { } }
                    catch (SimulatedCrash) { }
                    if ((await (await Client.GetAsync($"/api/dispatches/{dispatch.Id}")).ReadAsync<DispatchDto>())
                        .State is DispatchState.Deposited or DispatchState.Accepted) break;
                    App.Clock.Advance(TimeSpan.FromMinutes(3)); // the dead worker's lease runs out
                }
            }
        }
        finally { processor.FaultInjector = null; }

        var mails = JsonDocument.Parse(
                await (await Client.GetAsync("/sandbox/ar24/_state")).Content.ReadAsStringAsync()).RootElement
            .GetProperty("mails").EnumerateArray().Select(m => m.GetProperty("ref_client").GetString()).ToList();
        Assert.All(Points, p => Assert.True(crashed.GetValueOrDefault(p) >= 10,
            $"too few crashes at {p}: {crashed.GetValueOrDefault(p)}"));
        Assert.Equal(Runs, mails.Count);                                        // never a second mail
        Assert.Equal(dispatches.Select(d => d.ToString()).Order(), mails.Order()); // never a lost one
        foreach (var id in dispatches)
            Assert.Contains((await (await Client.GetAsync($"/api/dispatches/{id}")).ReadAsync<DispatchDto>()).State,
                new[] { DispatchState.Deposited, DispatchState.Accepted });
    }
}

public sealed class CrashInjectionOnSqlite() : CrashInjectionTests(DbKind.Sqlite);
public sealed class CrashInjectionOnPostgres() : CrashInjectionTests(DbKind.Postgres);
