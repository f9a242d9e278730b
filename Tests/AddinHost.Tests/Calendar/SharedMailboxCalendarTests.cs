using AddinHost.Calendar;
using AddinHost.Mailbox;
using AddinHost.Tests.Fixtures;
using AddinHost.Graph;

namespace AddinHost.Tests.Calendar;

/// <summary>
/// The deadlines of a case opened in a shared or delegated mailbox go to the calendar the firm's admin chose for that
/// mailbox: its own (<c>/users/{owner}/events</c>, Calendars.ReadWrite.Shared), or each user's; the choice is the
/// admin's.
/// </summary>
public abstract class SharedMailboxCalendarTests(DbKind kind) : GraphServerTestBase(kind)
{
    private const string Shared = "recouvrement@cabinet-test.example";

    private HttpClient In(string owner)
    {
        var client = App.CreateClient();
        client.DefaultRequestHeaders.Add(SharedMailbox.OwnerHeader, owner);
        return client;
    }

    [Fact]
    public async Task The_admin_chooses_whose_calendar_and_the_deadlines_follow_the_choice()
    {
        var (_, company, _) = await SeedTypicalAsync();
        var box = Graph.Grant(Shared, MailboxRights.Read | MailboxRights.CalendarEditor);
        var shared = In(Shared);

        // Nothing chosen for that mailbox: each user's own calendar, as for a message of their own.
        var own = await (await shared.PostAsync($"/api/cases/{company.Id}/calendar", null))
            .ReadAsync<List<CalendarEntryDto>>();
        Assert.NotEmpty(own);
        Assert.All(own, e => Assert.Null(e.Mailbox));
        Assert.Equal(own.Count, Graph.Events.Count);
        Assert.Empty(box.Events);

        var chosen = await (await Client.PutJsonAsync($"/api/shared-mailboxes/{Shared.ToUpperInvariant()}",
                new { calendar = "Proprietaire" }))
            .ReadAsync<SharedMailboxCalendarDto>();
        Assert.Equal((Shared, CalendarChoice.Proprietaire), (chosen.Address, chosen.Calendar));
        var owners = await (await shared.PostAsync($"/api/cases/{company.Id}/calendar", null))
            .ReadAsync<List<CalendarEntryDto>>();
        Assert.All(owners, e => Assert.Equal(Shared, e.Mailbox));
        Assert.Equal(owners.Select(e => e.GraphEventId).Order(), box.Events.Keys.Order());
        Assert.Equal(owners.Count, (await (await shared.PostAsync($"/api/cases/{company.Id}/calendar", null))
            .ReadAsync<List<CalendarEntryDto>>()).Count);
        Assert.Equal(owners.Count, box.Events.Count); // synced again: no second event

        var upcoming = await (await shared.GetAsync("/api/calendar/upcoming")).ReadAsync<List<UpcomingEventDto>>();
        Assert.All(upcoming, u => Assert.Contains(u.Id, box.Events.Keys));
        var audit = await (await Client.GetAsync("/api/audit")).Content.ReadAsStringAsync();
        Assert.Contains("boite-partagee.calendrier", audit);
        Assert.Contains("calendrier.synchronise-boite-partagee", audit);

        Assert.Equal(System.Net.HttpStatusCode.NoContent,
            (await Client.DeleteAsync($"/api/shared-mailboxes/{Shared}")).StatusCode);
        Assert.Empty(await (await Client.GetAsync("/api/shared-mailboxes"))
            .ReadAsync<List<SharedMailboxCalendarDto>>());
    }

    [Fact]
    public async Task Without_a_right_on_that_calendar_the_refusal_names_the_mailbox()
    {
        var (_, company, _) = await SeedTypicalAsync();
        Graph.Grant(Shared, MailboxRights.Read); // its messages, not its calendar
        (await Client.PutJsonAsync($"/api/shared-mailboxes/{Shared}", new { calendar = "Proprietaire" }))
            .EnsureSuccessStatusCode();
        var refused = await (await In(Shared).PostAsync($"/api/cases/{company.Id}/calendar", null)).ProblemAsync(403);
        Assert.Contains(Shared, refused.GetProperty("detail").GetString());
        Assert.Empty(Graph.Events);
    }

    [Fact]
    public async Task The_setting_refuses_what_it_cannot_use_in_french()
    {
        await (await Client.PutJsonAsync("/api/shared-mailboxes/pas-une-adresse", new { calendar = "Proprietaire" }))
            .ProblemAsync(400);
        var choice = await (await Client.PutJsonAsync($"/api/shared-mailboxes/{Shared}",
            new { calendar = (string?)null })).ProblemAsync(400);
        Assert.Contains("Proprietaire", choice.GetProperty("detail").GetString());
        await (await Client.PutJsonAsync($"/api/shared-mailboxes/{Shared}", new { calendar = "Personne" }))
            .ProblemAsync(400);
        await (await Client.DeleteAsync($"/api/shared-mailboxes/{Shared}")).ProblemAsync(404);
    }
}

public sealed class SharedMailboxCalendarOnSqlite() : SharedMailboxCalendarTests(DbKind.Sqlite);
public sealed class SharedMailboxCalendarOnPostgres() : SharedMailboxCalendarTests(DbKind.Postgres);
