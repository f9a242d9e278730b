using AddinHost.Infrastructure.Auth;
using AddinHost.Mailbox;
using Microsoft.Graph;
using Microsoft.Graph.Models;

namespace AddinHost.Calendar;

public static class CalendarEndpoints
{
    public static IHostApplicationBuilder AddCalendar(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<CalendarSync>();
        return builder;
    }

    public static IEndpointRouteBuilder MapCalendar(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/cases/{id:guid}/calendar", async (Guid id, CalendarSync sync, CancellationToken ct) => TypedResults.Ok(await sync.SyncAsync(id, ct)))
            .WithTags("Calendrier").WithSummary("Inscrire (ou mettre à jour) les échéances du dossier dans le calendrier de l'utilisateur")
            .RequireAuthorization(Policies.Saisie);

        app.MapGet("/api/calendar/upcoming", async (GraphClients graph, CurrentActor actor, TimeProvider clock, CancellationToken ct) =>
            {
                var client = graph.ForUser(actor.Id);
                var now = clock.GetUtcNow();
                var first = await GraphErrors.CallAsync(() => client.Me.CalendarView.GetAsync(r =>
                {
                    r.QueryParameters.StartDateTime = now.ToString("o");
                    r.QueryParameters.EndDateTime = now.AddDays(30).ToString("o");
                    r.QueryParameters.Top = 50;
                    r.QueryParameters.Select = ["id", "subject", "start", "end", "isAllDay", "categories"];
                    r.QueryParameters.Orderby = ["start/dateTime"];
                }, ct), "Calendrier introuvable.");
                var events = new List<UpcomingEventDto>();
                var pages = PageIterator<Event, EventCollectionResponse>.CreatePageIterator(client, first!, e =>
                {
                    events.Add(new UpcomingEventDto(e.Id!, e.Subject, e.Start?.DateTime, e.End?.DateTime, e.IsAllDay == true,
                        e.Categories?.Contains(CalendarSync.Category) == true));
                    return events.Count < 200;
                });
                await GraphErrors.CallAsync(async () => { await pages.IterateAsync(ct); return true; }, "Calendrier introuvable.");
                return TypedResults.Ok(events);
            })
            .WithTags("Calendrier").WithSummary("Les 30 prochains jours du calendrier de l'utilisateur (vue du volet)")
            .RequireAuthorization(Policies.Lecture);
        return app;
    }
}
