using AddinHost.Infrastructure.Audit;
using AddinHost.Infrastructure.Auth;
using AddinHost.Infrastructure.Data;
using AddinHost.Infrastructure.Problems;
using Microsoft.EntityFrameworkCore;
using Microsoft.Graph;
using Microsoft.Graph.Models;
using AddinHost.Graph;

namespace AddinHost.Calendar;

public static class CalendarEndpoints
{
    public static IHostApplicationBuilder AddCalendar(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<CalendarSync>();
        builder.Services.AddScoped<CalendarTarget>();
        return builder;
    }

    public static IEndpointRouteBuilder MapCalendar(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/cases/{id:guid}/calendar", async (Guid id, CalendarSync sync, CancellationToken ct) => TypedResults.Ok(await sync.SyncAsync(id, ct)))
            .WithTags("Calendrier").WithSummary("Inscrire (ou mettre à jour) les échéances du dossier dans le calendrier de l'utilisateur " +
                "(ou de la boîte partagée, selon le choix du cabinet)")
            .RequireAuthorization(Policies.Saisie);

        app.MapGet("/api/calendar/upcoming", async (GraphClients graph, CurrentActor actor, CalendarTarget target, TimeProvider clock, CancellationToken ct) =>
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
                var first = await GraphErrors.CallAsync(() => calendar.SendAsync(request, EventCollectionResponse.CreateFromDiscriminatorValue, ct),
                    "Calendrier introuvable.", other);
                var events = new List<UpcomingEventDto>();
                var pages = PageIterator<Event, EventCollectionResponse>.CreatePageIterator(calendar.Client, first!, e =>
                {
                    events.Add(new UpcomingEventDto(e.Id!, e.Subject, e.Start?.DateTime, e.End?.DateTime, e.IsAllDay == true,
                        e.Categories?.Contains(CalendarSync.Category) == true));
                    return events.Count < 200;
                });
                await GraphErrors.CallAsync(async () => { await pages.IterateAsync(ct); return true; }, "Calendrier introuvable.", other);
                return TypedResults.Ok(events);
            })
            .WithTags("Calendrier").WithSummary("Les 30 prochains jours du calendrier de l'utilisateur, ou de la boîte partagée choisie (vue du volet)")
            .RequireAuthorization(Policies.Lecture);

        MapSharedMailboxes(app.MapGroup("/api/shared-mailboxes").WithTags("Boîtes partagées").RequireAuthorization(Policies.Administration));
        return app;
    }

    /// <summary>The admin's choice, per shared or delegated mailbox, of the calendar its cases' deadlines go to.</summary>
    private static void MapSharedMailboxes(RouteGroupBuilder group)
    {
        group.MapGet("", async (DunningDbContext db, CancellationToken ct) => TypedResults.Ok(await db.SharedMailboxCalendars.AsNoTracking()
                .OrderBy(s => s.Address).Select(s => new SharedMailboxCalendarDto(s.Address, s.Calendar, s.UpdatedAt)).ToListAsync(ct)))
            .WithSummary("Les boîtes partagées déclarées, et le calendrier où vont les échéances de leurs dossiers");

        group.MapPut("/{address}", async (string address, SharedMailboxCalendarRequest body, DunningDbContext db, AuditTrail audit,
                CurrentActor actor, TimeProvider clock, CancellationToken ct) =>
            {
                var key = Address(address);
                var choice = body.Calendar is { } c && Enum.IsDefined(c) ? c
                    : throw Problem.Validation("calendar", "Choisissez le calendrier : Proprietaire (celui de la boîte) ou Utilisateur (celui de chacun).");
                var setting = await db.SharedMailboxCalendars.SingleOrDefaultAsync(s => s.Address == key, ct);
                if (setting is null) db.SharedMailboxCalendars.Add(setting = new SharedMailboxCalendar { Address = key });
                (setting.Calendar, setting.UpdatedAt, setting.UpdatedBy) = (choice, clock.GetUtcNow(), actor.Id);
                audit.Record("boite-partagee.calendrier", nameof(SharedMailboxCalendar), setting.Id);
                await db.SaveChangesAsync(ct);
                return TypedResults.Ok(new SharedMailboxCalendarDto(setting.Address, setting.Calendar, setting.UpdatedAt));
            })
            .WithSummary("Choisir le calendrier d'une boîte partagée : le sien (Proprietaire) ou celui de chaque utilisateur (Utilisateur)");

        group.MapDelete("/{address}", async (string address, DunningDbContext db, AuditTrail audit, CancellationToken ct) =>
            {
                var key = Address(address);
                var setting = await db.SharedMailboxCalendars.SingleOrDefaultAsync(s => s.Address == key, ct) ?? throw DomainException.NotFound("Boîte partagée");
                db.SharedMailboxCalendars.Remove(setting);
                audit.Record("boite-partagee.retiree", nameof(SharedMailboxCalendar), setting.Id);
                await db.SaveChangesAsync(ct);
                return TypedResults.NoContent();
            })
            .WithSummary("Retirer une boîte partagée : ses échéances vont de nouveau au calendrier de chaque utilisateur");
    }

    private static string Address(string text)
    {
        var address = text.Trim().ToLowerInvariant();
        return address.Length <= 254 && System.Net.Mail.MailAddress.TryCreate(address, out var parsed) && parsed.Address == address
            ? address : throw Problem.Validation("address", "Adresse de boîte aux lettres invalide (exemple : recouvrement@cabinet.fr).");
    }
}
