using AddinHost.Infrastructure.Auth;
using AddinHost.Infrastructure.Problems;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AddinHost.Calendar;

/// <summary>Deadlines in Outlook's calendar, the pane's upcoming view, the admin's shared-mailbox calendars.
/// </summary>
public static class CalendarEndpoints
{
    public static IHostApplicationBuilder AddCalendar(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<CalendarSync>();
        builder.Services.AddScoped<CalendarTarget>();
        builder.Services.AddScoped<UpcomingEvents>();
        builder.Services.AddScoped<SharedMailboxCalendars>();
        return builder;
    }

    public static IEndpointRouteBuilder MapCalendar(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/cases/{id:guid}/calendar", SyncCase)
            .WithTags("Calendrier")
            .WithSummary("Inscrire (ou mettre à jour) les échéances du dossier dans le calendrier de l'utilisateur " +
                "(ou de la boîte partagée, selon le choix du cabinet)")
            .RequireAuthorization(Policies.Saisie)
            .ProducesErrors(ErrorKind.NotFound, ErrorKind.Unauthenticated, ErrorKind.Forbidden, ErrorKind.Unavailable);

        app.MapGet("/api/calendar/upcoming", ListUpcoming)
            .WithTags("Calendrier")
            .WithSummary("Les 30 prochains jours du calendrier de l'utilisateur, ou de la boîte partagée choisie"
                + " (vue du volet)")
            .RequireAuthorization(Policies.Lecture)
            .ProducesErrors(ErrorKind.NotFound, ErrorKind.Unauthenticated, ErrorKind.Forbidden, ErrorKind.Unavailable);

        var shared = app.MapGroup("/api/shared-mailboxes").WithTags("Boîtes partagées")
            .RequireAuthorization(Policies.Administration);
        shared.MapGet("", ListSharedMailboxes)
            .WithSummary("Les boîtes partagées déclarées, et le calendrier où vont les échéances de leurs dossiers");
        shared.MapPut("/{address}", ChooseSharedMailboxCalendar)
            .WithSummary("Choisir le calendrier d'une boîte partagée : le sien (Proprietaire) ou celui de chaque "
                + "utilisateur (Utilisateur)")
            .ProducesErrors(ErrorKind.Invalid);
        shared.MapDelete("/{address}", RemoveSharedMailbox)
            .WithSummary("Retirer une boîte partagée : ses échéances vont de nouveau au calendrier de chaque"
                + " utilisateur")
            .ProducesErrors(ErrorKind.Invalid, ErrorKind.NotFound);
        return app;
    }

    public static async Task<Results<Ok<IReadOnlyList<CalendarEntryDto>>, ProblemHttpResult>> SyncCase(
        Guid id, CalendarSync sync, CancellationToken ct) => TypedResults.Ok(await sync.SyncAsync(id, ct));

    public static async Task<Results<Ok<List<UpcomingEventDto>>, ProblemHttpResult>> ListUpcoming(
        UpcomingEvents upcoming, CancellationToken ct) => TypedResults.Ok(await upcoming.ListAsync(ct));

    public static async Task<Ok<List<SharedMailboxCalendarDto>>> ListSharedMailboxes(
        SharedMailboxCalendars calendars, CancellationToken ct) => TypedResults.Ok(await calendars.ListAsync(ct));

    public static async Task<Results<Ok<SharedMailboxCalendarDto>, ProblemHttpResult>> ChooseSharedMailboxCalendar(
        string address, SharedMailboxCalendarRequest body, SharedMailboxCalendars calendars, CancellationToken ct) =>
        TypedResults.Ok(await calendars.ChooseAsync(address, body, ct));

    public static async Task<Results<NoContent, ProblemHttpResult>> RemoveSharedMailbox(
        string address, SharedMailboxCalendars calendars, CancellationToken ct)
    {
        await calendars.RemoveAsync(address, ct);
        return TypedResults.NoContent();
    }
}
