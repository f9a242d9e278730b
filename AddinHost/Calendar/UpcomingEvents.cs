using AddinHost.Graph;
using AddinHost.Infrastructure.Auth;
using Microsoft.Graph;
using Microsoft.Graph.Models;

namespace AddinHost.Calendar;

/// <summary>The next 30 days of the user's calendar, or of the shared mailbox the firm chose, for the pane.</summary>
public sealed class UpcomingEvents(GraphClients graph, CurrentActor actor, CalendarTarget target, TimeProvider clock)
{
    public async Task<List<UpcomingEventDto>> ListAsync(CancellationToken ct)
    {
        var other = await target.MailboxAsync(ct);
        var calendar = graph.ForMailbox(actor.Id, other);
        var now = clock.GetUtcNow();
        var request = calendar.Client.Me.CalendarView.ToGetRequestInformation(r =>
        {
            r.QueryParameters.StartDateTime = now.ToString("o");
            r.QueryParameters.EndDateTime = now.AddDays(30).ToString("o");
            r.QueryParameters.Top = 50;
            r.QueryParameters.Select = ["id", "subject", "start", "end", "isAllDay", "categories"];
            r.QueryParameters.Orderby = ["start/dateTime"];
        });
        var first = await GraphErrors.CallAsync(
            () => calendar.SendAsync(request, EventCollectionResponse.CreateFromDiscriminatorValue, ct),
            "Calendrier introuvable.", other);
        var events = new List<UpcomingEventDto>();
        var pages = PageIterator<Event, EventCollectionResponse>.CreatePageIterator(calendar.Client, first!, e =>
        {
            events.Add(new UpcomingEventDto(e.Id!, e.Subject, e.Start?.DateTime, e.End?.DateTime, e.IsAllDay == true,
                e.Categories?.Contains(CalendarSync.Category) == true));
            return events.Count < 200;
        });
        await GraphErrors.CallAsync(async () => { await pages.IterateAsync(ct); return true; },
            "Calendrier introuvable.", other);
        return events;
    }
}
