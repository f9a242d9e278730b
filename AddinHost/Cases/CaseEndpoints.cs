using AddinHost.Cases.Planning;
using AddinHost.Infrastructure;
using AddinHost.Infrastructure.Auth;
using AddinHost.Infrastructure.Problems;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AddinHost.Cases;

/// <summary>A case's routes: list, details, payments, pauses, steps and the debtor's consent.</summary>
public static class CaseEndpoints
{
    public static IEndpointRouteBuilder MapCases(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/cases").WithTags("Dossiers");

        group.MapGet("/", ListCases)
            .WithSummary("Liste des dossiers (filtres : statut, prochaine étape due au plus tard le)")
            .RequireAuthorization(Policies.Lecture).ProducesErrors(ErrorKind.Invalid);

        group.MapGet("/{id:guid}", GetCase)
            .WithSummary("Un dossier : factures, sommes dues, échelle, prescription, historique")
            .RequireAuthorization(Policies.Lecture)
            .ProducesErrors(ErrorKind.Invalid, ErrorKind.NotFound, ErrorKind.Unprocessable);

        group.MapPost("/{id:guid}/payments", RecordPayment)
            .WithSummary("Enregistrer un règlement").RequireAuthorization(Policies.Saisie)
            .ProducesErrors(ErrorKind.Invalid, ErrorKind.NotFound, ErrorKind.Conflict);

        group.MapPost("/{id:guid}/pauses", OpenPause)
            .WithSummary("Mettre le dossier en pause (litige, promesse de paiement, échéancier, suspension)")
            .RequireAuthorization(Policies.Decision)
            .ProducesErrors(ErrorKind.Invalid, ErrorKind.NotFound, ErrorKind.Conflict);

        group.MapDelete("/{id:guid}/pauses/{pauseId:guid}", LiftPause)
            .WithSummary("Lever une pause").RequireAuthorization(Policies.Decision)
            .ProducesErrors(ErrorKind.NotFound, ErrorKind.Conflict);

        group.MapPost("/{id:guid}/acknowledgements", RecordAcknowledgement)
            .WithSummary("Enregistrer une reconnaissance de dette (interrompt la prescription)")
            .RequireAuthorization(Policies.Saisie)
            .ProducesErrors(ErrorKind.Invalid, ErrorKind.NotFound, ErrorKind.Conflict);

        group.MapPost("/{id:guid}/steps", RecordStep)
            .WithSummary("Enregistrer une étape faite hors de l'application (appel, courrier posté)")
            .RequireAuthorization(Policies.Decision)
            .ProducesErrors(ErrorKind.Invalid, ErrorKind.NotFound, ErrorKind.Conflict);

        group.MapPost("/{id:guid}/notice-receipt", RecordNoticeReceipt)
            .WithSummary("Enregistrer la date de réception de la mise en demeure")
            .RequireAuthorization(Policies.Decision)
            .ProducesErrors(ErrorKind.Invalid, ErrorKind.NotFound, ErrorKind.Conflict);

        group.MapPut("/{id:guid}/debtor/consent", RecordConsent)
            .WithSummary("Consentement du débiteur consommateur à la lettre recommandée électronique (CPCE L.100)")
            .RequireAuthorization(Policies.Saisie)
            .ProducesErrors(ErrorKind.Invalid, ErrorKind.NotFound, ErrorKind.Conflict);

        return app;
    }

    public static async Task<Results<Ok<IReadOnlyList<CaseSummaryDto>>, ProblemHttpResult>> ListCases(
        CaseService service, TimeProvider clock, CaseStatus? status, DateOnly? dueBy, DateOnly? asOf,
        CancellationToken ct) =>
        TypedResults.Ok(await service.ListAsync(status, dueBy, asOf ?? clock.Today(), ct));

    public static async Task<Results<Ok<CaseDetailsDto>, ProblemHttpResult>> GetCase(
        Guid id, CaseService service, TimeProvider clock, DateOnly? asOf, CancellationToken ct) =>
        TypedResults.Ok(await service.DetailsAsync(id, asOf ?? clock.Today(), ct));

    public static async Task<Results<Created<PaymentDto>, ProblemHttpResult>> RecordPayment(
        Guid id, RecordPaymentRequest body, CaseCommands commands, CancellationToken ct) =>
        TypedResults.Created($"/api/cases/{id}", await commands.RecordPaymentAsync(id, body, ct));

    public static async Task<Results<Created<PauseDto>, ProblemHttpResult>> OpenPause(
        Guid id, OpenPauseRequest body, CaseCommands commands, CancellationToken ct) =>
        TypedResults.Created($"/api/cases/{id}", await commands.OpenPauseAsync(id, body, ct));

    public static async Task<Results<NoContent, ProblemHttpResult>> LiftPause(
        Guid id, Guid pauseId, CaseCommands commands, CancellationToken ct)
    {
        await commands.LiftPauseAsync(id, pauseId, ct);
        return TypedResults.NoContent();
    }

    public static async Task<Results<Created<AcknowledgementDto>, ProblemHttpResult>> RecordAcknowledgement(
        Guid id, RecordAcknowledgementRequest body, CaseCommands commands, CancellationToken ct) =>
        TypedResults.Created($"/api/cases/{id}", await commands.RecordAcknowledgementAsync(id, body, ct));

    public static async Task<Results<NoContent, ProblemHttpResult>> RecordStep(
        Guid id, RecordStepRequest body, CaseCommands commands, CancellationToken ct)
    {
        await commands.RecordStepAsync(id, body, ct);
        return TypedResults.NoContent();
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> RecordNoticeReceipt(
        Guid id, RecordNoticeReceiptRequest body, CaseCommands commands, CancellationToken ct)
    {
        await commands.RecordNoticeReceiptAsync(id, body, ct);
        return TypedResults.NoContent();
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> RecordConsent(
        Guid id, RecordConsentRequest body, CaseCommands commands, CancellationToken ct)
    {
        await commands.RecordConsentAsync(id, body, ct);
        return TypedResults.NoContent();
    }
}
