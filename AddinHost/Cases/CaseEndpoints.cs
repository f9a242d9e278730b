using AddinHost.Cases.Planning;
using AddinHost.Infrastructure;
using AddinHost.Infrastructure.Auth;

namespace AddinHost.Cases;

public static class CaseEndpoints
{
    public static IEndpointRouteBuilder MapCases(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/cases").WithTags("Dossiers");

        group.MapGet("/", async (CaseService service, TimeProvider clock, CaseStatus? status, DateOnly? dueBy, DateOnly? asOf, CancellationToken ct) =>
                TypedResults.Ok(await service.ListAsync(status, dueBy, asOf ?? clock.Today(), ct)))
            .WithSummary("Liste des dossiers (filtres : statut, prochaine étape due au plus tard le)")
            .RequireAuthorization(Policies.Lecture);

        group.MapGet("/{id:guid}", async (Guid id, CaseService service, TimeProvider clock, DateOnly? asOf, CancellationToken ct) =>
                TypedResults.Ok(await service.DetailsAsync(id, asOf ?? clock.Today(), ct)))
            .WithSummary("Un dossier : factures, sommes dues, échelle, prescription, historique")
            .RequireAuthorization(Policies.Lecture);

        group.MapPost("/{id:guid}/payments", async (Guid id, RecordPaymentRequest body, CaseCommands commands, CancellationToken ct) =>
            {
                var payment = await commands.RecordPaymentAsync(id, body, ct);
                return TypedResults.Created($"/api/cases/{id}", payment);
            })
            .WithSummary("Enregistrer un règlement").RequireAuthorization(Policies.Saisie);

        group.MapPost("/{id:guid}/pauses", async (Guid id, OpenPauseRequest body, CaseCommands commands, CancellationToken ct) =>
            {
                var pause = await commands.OpenPauseAsync(id, body, ct);
                return TypedResults.Created($"/api/cases/{id}", pause);
            })
            .WithSummary("Mettre le dossier en pause (litige, promesse de paiement, échéancier, suspension)")
            .RequireAuthorization(Policies.Decision);

        group.MapDelete("/{id:guid}/pauses/{pauseId:guid}", async (Guid id, Guid pauseId, CaseCommands commands, CancellationToken ct) =>
            {
                await commands.LiftPauseAsync(id, pauseId, ct);
                return TypedResults.NoContent();
            })
            .WithSummary("Lever une pause").RequireAuthorization(Policies.Decision);

        group.MapPost("/{id:guid}/acknowledgements", async (Guid id, RecordAcknowledgementRequest body, CaseCommands commands, CancellationToken ct) =>
            {
                var ack = await commands.RecordAcknowledgementAsync(id, body, ct);
                return TypedResults.Created($"/api/cases/{id}", ack);
            })
            .WithSummary("Enregistrer une reconnaissance de dette (interrompt la prescription)")
            .RequireAuthorization(Policies.Saisie);

        group.MapPost("/{id:guid}/steps", async (Guid id, RecordStepRequest body, CaseCommands commands, CancellationToken ct) =>
            {
                await commands.RecordStepAsync(id, body, ct);
                return TypedResults.NoContent();
            })
            .WithSummary("Enregistrer une étape faite hors de l'application (appel, courrier posté)")
            .RequireAuthorization(Policies.Decision);

        group.MapPost("/{id:guid}/notice-receipt", async (Guid id, RecordNoticeReceiptRequest body, CaseCommands commands, CancellationToken ct) =>
            {
                await commands.RecordNoticeReceiptAsync(id, body, ct);
                return TypedResults.NoContent();
            })
            .WithSummary("Enregistrer la date de réception de la mise en demeure")
            .RequireAuthorization(Policies.Decision);

        group.MapPut("/{id:guid}/debtor/consent", async (Guid id, RecordConsentRequest body, CaseCommands commands, CancellationToken ct) =>
            {
                await commands.RecordConsentAsync(id, body, ct);
                return TypedResults.NoContent();
            })
            .WithSummary("Consentement du débiteur consommateur à la lettre recommandée électronique (CPCE L.100)")
            .RequireAuthorization(Policies.Saisie);

        return app;
    }
}
