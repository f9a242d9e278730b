using AddinHost.Calendar;
using AddinHost.Dispatch.Outbox;
using AddinHost.Infrastructure.Data;
using AddinHost.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AddinHost.Tests.Calendar;

/// <summary>
/// A case's deadlines in the lawyer's calendar through the real Graph SDK and a local Graph server: created once,
/// moved, removed, never duplicated; the calendar view read page by page.
/// </summary>
public abstract class CalendarSyncTests(DbKind kind) : GraphServerTestBase(kind)
{

    private async Task<List<CalendarEntryDto>> SyncAsync(Guid caseId) =>
        await (await Client.PostAsync($"/api/cases/{caseId}/calendar", null)).ReadAsync<List<CalendarEntryDto>>();

    [Fact]
    public async Task The_deadlines_of_a_notice_go_to_the_calendar_once_and_follow_the_case()
    {
        var (_, company, _) = await SeedTypicalAsync();
        await NoticeScenario.DepositNoticeAsync(App, Client, company.Id);
        var processor = App.Services.GetRequiredService<DispatchProcessor>();

        // Deposited on 30/09 and not yet accepted: its deadline has not started (it runs from the receipt, CPCE
        // R.53-3), only the end of the 15 days to accept it is known.
        var entries = await SyncAsync(company.Id);
        Assert.Equal([DeadlineKind.FinAcceptationEre, DeadlineKind.Prescription90, DeadlineKind.Prescription30],
            entries.Select(e => e.Kind));
        Assert.Equal(new DateOnly(2025, 10, 15), entries[0].On);  // sent 30/09 + 15 days to accept
        Assert.Equal(3, Graph.Events.Count);
        Assert.All(Graph.Events.Values, e => Assert.Equal("OutlookDunning", e["categories"]![0]!.GetValue<string>()));

        Assert.Equal(entries.Select(e => e.GraphEventId),
            (await SyncAsync(company.Id)).Select(e => e.GraphEventId)); // again: nothing new
        Assert.Equal(3, Graph.Events.Count);

        // A crash after Graph created an event but before its id was saved: the same transaction id finds it again.
        await using (var scope = App.Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<TenantContext>().Set(App.Tenant);
            await scope.ServiceProvider.GetRequiredService<DunningDbContext>().CalendarEntries
                .Where(e => e.Kind == DeadlineKind.Prescription30).ExecuteDeleteAsync();
        }
        Assert.Equal(entries[2].GraphEventId, (await SyncAsync(company.Id))[2].GraphEventId);
        Assert.Equal(3, Graph.Events.Count);

        App.Clock.Advance(TimeSpan.FromDays(2)); // the debtor accepted it on 01/10: the 8 days run from then, to 09/10
        while (await processor.ProcessNextAsync(default)) { }
        (await Client.PostJsonAsync($"/api/cases/{company.Id}/pauses",
                new { kind = "PromesseDePaiement", until = "2025-10-20", reason = "promet de payer" }))
            .EnsureSuccessStatusCode();
        var after = await SyncAsync(company.Id);
        Assert.DoesNotContain(after, e => e.Kind == DeadlineKind.FinAcceptationEre);
        Assert.Contains(after, e => e.Kind == DeadlineKind.FinDelaiMiseEnDemeure && e.On == new DateOnly(2025, 10, 9));
        Assert.Contains(after, e => e.Kind == DeadlineKind.EcheancePromesse && e.On == new DateOnly(2025, 10, 20));
        Assert.Equal(4, Graph.Events.Count);
        Assert.DoesNotContain(Graph.Events.Keys, id => id == entries[0].GraphEventId);

        Graph.MaxPageSize = 1;                           // one event per page: the view follows @odata.nextLink
        Graph.Throttle("GET", "^/v1.0/me/calendarView$"); // and waits out a 429 on the way
        var upcoming = await (await Client.GetAsync("/api/calendar/upcoming")).ReadAsync<List<UpcomingEventDto>>();
        Assert.Equal(["Fin du délai de la mise en demeure", "Échéance de la promesse de paiement"],
            upcoming.Select(u => u.Subject!.Split("] ")[1].Split(" — ")[0]));
        Assert.All(upcoming, u => Assert.True(u.FromOutlookDunning));
        Assert.Equal(1, Graph.Hits("(429)"));
    }

    [Fact]
    public async Task Two_instances_asked_at_the_same_moment_write_each_deadline_once()
    {
        var (_, company, _) = await SeedTypicalAsync();
        await NoticeScenario.DepositNoticeAsync(App, Client, company.Id);
        await using var other = new DunningApp(Kind, App.ConnectionString, App.Tenant)
            { Settings = Settings, Clock = App.Clock, Ar24Host = App };
        var second = other.CreateClient();

        // A double click whose two requests the load balancer sends to different instances, a few times over.
        var answers = await Task.WhenAll(Enumerable.Range(0, 6)
            .Select(i => (i % 2 == 0 ? Client : second).PostAsync($"/api/cases/{company.Id}/calendar", null)));

        foreach (var answer in answers)
            Assert.True(answer.IsSuccessStatusCode, await answer.Content.ReadAsStringAsync());
        Assert.Equal(3, Graph.Events.Count); // the notice's deadline waits for its receipt
        await using var scope = App.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().Set(App.Tenant);
        Assert.Equal(3,
            await scope.ServiceProvider.GetRequiredService<DunningDbContext>().CalendarEntries.CountAsync());
    }
}

public sealed class CalendarSyncOnSqlite() : CalendarSyncTests(DbKind.Sqlite);
public sealed class CalendarSyncOnPostgres() : CalendarSyncTests(DbKind.Postgres);
