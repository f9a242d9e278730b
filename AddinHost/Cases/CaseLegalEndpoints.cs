using AddinHost.Infrastructure.Auth;
using AddinHost.Infrastructure.Problems;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AddinHost.Cases;

/// <summary>The routes of a case's legal data (<see cref="CaseLegalCommands"/>).</summary>
public static class CaseLegalEndpoints
{
    public static IEndpointRouteBuilder MapCaseLegal(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/cases/{id:guid}").WithTags("Dossiers");
        group.MapPut("/parties", SetParties)
            .WithSummary(
                "Qualité des parties : professionnel, consommateur ou non-professionnel (régime, taux, prescription)")
            .RequireAuthorization(Policies.Decision)
            .ProducesErrors(ErrorKind.Invalid, ErrorKind.NotFound, ErrorKind.Conflict);
        group.MapPut("/contact-consent", SetContactConsent)
            .WithSummary(
                "Accord du client pour contacter son débiteur (RIN art. 8.2), pour ce dossier ou tous ses débiteurs")
            .RequireAuthorization(Policies.Saisie)
            .ProducesErrors(ErrorKind.Invalid, ErrorKind.NotFound, ErrorKind.Conflict);
        group.MapPut("/counsel", SetCounsel)
            .WithSummary("Débiteur représenté par Maître … : les courriers vont à son avocat (RIN art. 8.2)")
            .RequireAuthorization(Policies.Saisie)
            .ProducesErrors(ErrorKind.Invalid, ErrorKind.NotFound, ErrorKind.Conflict);
        group.MapDelete("/counsel", RemoveCounsel)
            .WithSummary("L'avocat ne représente plus le débiteur").RequireAuthorization(Policies.Decision)
            .ProducesErrors(ErrorKind.NotFound, ErrorKind.Conflict);
        group.MapPut("/fee-agreement", SetFeeAgreement)
            .WithSummary("Honoraires : convention d'honoraires, ou motif de son absence (loi n° 71-1130, art. 10)")
            .RequireAuthorization(Policies.Saisie)
            .ProducesErrors(ErrorKind.Invalid, ErrorKind.NotFound, ErrorKind.Conflict);
        group.MapPut("/court", SetCourt)
            .WithSummary(
                "Juridiction du référé-provision : tribunal judiciaire (CPC 835) ou de commerce (CPC 873), et sa ville")
            .RequireAuthorization(Policies.Decision)
            .ProducesErrors(ErrorKind.Invalid, ErrorKind.NotFound, ErrorKind.Conflict);
        group.MapPut("/invoices/{invoiceId:guid}/completion", SetCompletion)
            .WithSummary(
                "Date d'achèvement de la prestation ou de fin du mandat d'une facture (point de départ de la " +
                "prescription)")
            .RequireAuthorization(Policies.Saisie)
            .ProducesErrors(ErrorKind.Invalid, ErrorKind.NotFound, ErrorKind.Conflict);
        group.MapPost("/interpellations", MarkInterpellation)
            .WithSummary("Marquer une lettre antérieure comme interpellation suffisante (art. 1344 C. civ.)")
            .RequireAuthorization(Policies.Decision)
            .ProducesErrors(ErrorKind.Invalid, ErrorKind.NotFound, ErrorKind.Conflict);
        return app;
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> SetParties(
        Guid id, SetPartiesRequest body, CaseLegalCommands commands, CancellationToken ct)
    {
        await commands.SetPartiesAsync(id, body, ct);
        return TypedResults.NoContent();
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> SetContactConsent(
        Guid id, SetContactConsentRequest body, CaseLegalCommands commands, CancellationToken ct)
    {
        await commands.SetContactConsentAsync(id, body, ct);
        return TypedResults.NoContent();
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> SetCounsel(
        Guid id, SetCounselRequest body, CaseLegalCommands commands, CancellationToken ct)
    {
        await commands.SetCounselAsync(id, body, ct);
        return TypedResults.NoContent();
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> RemoveCounsel(
        Guid id, CaseLegalCommands commands, CancellationToken ct)
    {
        await commands.RemoveCounselAsync(id, ct);
        return TypedResults.NoContent();
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> SetFeeAgreement(
        Guid id, SetFeeAgreementRequest body, CaseLegalCommands commands, CancellationToken ct)
    {
        await commands.SetFeeAgreementAsync(id, body, ct);
        return TypedResults.NoContent();
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> SetCourt(
        Guid id, SetCourtRequest body, CaseLegalCommands commands, CancellationToken ct)
    {
        await commands.SetCourtAsync(id, body, ct);
        return TypedResults.NoContent();
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> SetCompletion(
        Guid id, Guid invoiceId, SetCompletionRequest body, CaseLegalCommands commands, CancellationToken ct)
    {
        await commands.SetCompletionAsync(id, invoiceId, body, ct);
        return TypedResults.NoContent();
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> MarkInterpellation(
        Guid id, MarkInterpellationRequest body, CaseLegalCommands commands, CancellationToken ct)
    {
        await commands.MarkInterpellationAsync(id, body, ct);
        return TypedResults.NoContent();
    }
}
