using AddinHost.Infrastructure.Auth;

namespace AddinHost.Cases;

/// <summary>The routes of a case's legal data (<see cref="CaseLegalCommands"/>).</summary>
public static class CaseLegalEndpoints
{
    public static IEndpointRouteBuilder MapCaseLegal(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/cases/{id:guid}").WithTags("Dossiers");
        group.MapPut("/parties", async (Guid id, SetPartiesRequest body, CaseLegalCommands commands, CancellationToken ct) =>
                { await commands.SetPartiesAsync(id, body, ct); return TypedResults.NoContent(); })
            .WithSummary("Qualité des parties : professionnel, consommateur ou non-professionnel (régime, taux, prescription)")
            .RequireAuthorization(Policies.Decision);
        group.MapPut("/contact-consent", async (Guid id, SetContactConsentRequest body, CaseLegalCommands commands, CancellationToken ct) =>
                { await commands.SetContactConsentAsync(id, body, ct); return TypedResults.NoContent(); })
            .WithSummary("Accord du client pour contacter son débiteur (RIN art. 8.2), pour ce dossier ou tous ses débiteurs")
            .RequireAuthorization(Policies.Saisie);
        group.MapPut("/counsel", async (Guid id, SetCounselRequest body, CaseLegalCommands commands, CancellationToken ct) =>
                { await commands.SetCounselAsync(id, body, ct); return TypedResults.NoContent(); })
            .WithSummary("Débiteur représenté par Maître … : les courriers vont à son avocat (RIN art. 8.2)")
            .RequireAuthorization(Policies.Saisie);
        group.MapDelete("/counsel", async (Guid id, CaseLegalCommands commands, CancellationToken ct) =>
                { await commands.RemoveCounselAsync(id, ct); return TypedResults.NoContent(); })
            .WithSummary("L'avocat ne représente plus le débiteur").RequireAuthorization(Policies.Decision);
        group.MapPut("/fee-agreement", async (Guid id, SetFeeAgreementRequest body, CaseLegalCommands commands, CancellationToken ct) =>
                { await commands.SetFeeAgreementAsync(id, body, ct); return TypedResults.NoContent(); })
            .WithSummary("Honoraires : convention d'honoraires, ou motif de son absence (loi n° 71-1130, art. 10)")
            .RequireAuthorization(Policies.Saisie);
        group.MapPut("/court", async (Guid id, SetCourtRequest body, CaseLegalCommands commands, CancellationToken ct) =>
                { await commands.SetCourtAsync(id, body, ct); return TypedResults.NoContent(); })
            .WithSummary("Juridiction du référé-provision : tribunal judiciaire (CPC 835) ou de commerce (CPC 873), et sa ville")
            .RequireAuthorization(Policies.Decision);
        group.MapPut("/invoices/{invoiceId:guid}/completion", async (Guid id, Guid invoiceId, SetCompletionRequest body, CaseLegalCommands commands,
                CancellationToken ct) => { await commands.SetCompletionAsync(id, invoiceId, body, ct); return TypedResults.NoContent(); })
            .WithSummary("Date d'achèvement de la prestation ou de fin du mandat d'une facture (point de départ de la prescription)")
            .RequireAuthorization(Policies.Saisie);
        group.MapPost("/interpellations", async (Guid id, MarkInterpellationRequest body, CaseLegalCommands commands, CancellationToken ct) =>
                { await commands.MarkInterpellationAsync(id, body, ct); return TypedResults.NoContent(); })
            .WithSummary("Marquer une lettre antérieure comme interpellation suffisante (art. 1344 C. civ.)")
            .RequireAuthorization(Policies.Decision);
        return app;
    }
}
