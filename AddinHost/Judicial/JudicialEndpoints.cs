using AddinHost.Infrastructure.Auth;
using AddinHost.Infrastructure.Problems;
using AddinHost.Judicial.HandOver;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AddinHost.Judicial;

/// <summary>The judicial phase's routes, under <c>/api/cases/{id}/judiciaire</c>.</summary>
public static class JudicialEndpoints
{
    public static IHostApplicationBuilder AddJudicial(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<JudicialService>();
        builder.Services.AddScoped<InjunctionRequest>();
        builder.Services.AddScoped<CourtFile>();
        builder.Services.AddScoped<HandOver.HandOverService>();
        builder.Services.AddScoped<SmallClaims>();
        builder.Services.AddScoped<SmallClaimsInvitation>();
        builder.Services.AddSingleton<HandOver.HandOverProcessor>();
        builder.Services.AddHostedService<HandOver.HandOverWorker>();
        return builder;
    }

    public static IEndpointRouteBuilder MapJudicial(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/cases/{id:guid}/judiciaire").WithTags("Phase judiciaire")
            .ProducesErrors(ErrorKind.Invalid, ErrorKind.NotFound, ErrorKind.Conflict, ErrorKind.Unprocessable);
        group.MapGet("/", GetJudicial).WithName(nameof(GetJudicial))
            .WithSummary("Phase judiciaire : voies possibles avec leurs raisons et conditions, juridiction, " +
                "procédure et échéances")
            .RequireAuthorization(Policies.Lecture);
        group.MapPost("/route", ChooseRoute).WithName(nameof(ChooseRoute))
            .WithSummary("Choix de la voie par l'avocat (injonction de payer, petites créances, référé-provision, " +
                "bâtonnier…)")
            .RequireAuthorization(Policies.Decision);
        group.MapPut("/situation", SetSituation).WithName(nameof(SetSituation))
            .WithSummary("Nature de la créance, procédure collective du débiteur (C. com. L.622-21), pays du débiteur")
            .RequireAuthorization(Policies.Decision);
        group.MapPut("/court", ChooseCourt).WithName(nameof(ChooseCourt))
            .WithSummary("Juridiction choisie par l'avocat pour la requête (CPC 1406), conservée")
            .RequireAuthorization(Policies.Decision);
        group.MapPost("/events", RecordEvent).WithName(nameof(RecordEvent))
            .WithSummary("Événement de l'injonction de payer : dépôt, ordonnance, signification, opposition (CPC " +
                "1407 à 1422)")
            .RequireAuthorization(Policies.Decision);
        group.MapPost("/requete", GenerateRequete).WithName(nameof(GenerateRequete))
            .WithSummary("Requête en injonction de payer (docx ou pdf) : mentions des art. 54 et 57, décompte et " +
                "bordereau (CPC 1407)")
            .RequireAuthorization(Policies.Decision);
        group.MapGet("/dossier", GetDossier).WithName(nameof(GetDossier))
            .WithSummary("Dossier pour le greffe (zip) : requête, pièces dans l'ordre du bordereau, manifeste SHA-256")
            .RequireAuthorization(Policies.Decision);
        group.MapPost("/remise", HandOverToCommissaire).WithName(nameof(HandOverToCommissaire))
            .WithSummary("Remise de l'ordonnance et du dossier à un commissaire de justice pour signification : un " +
                "courriel depuis la boîte de l'avocat, envoyé une seule fois (CPC 1411)")
            .RequireAuthorization(Policies.Decision);
        group.MapGet("/remises", ListHandOvers).WithName(nameof(ListHandOvers))
            .WithSummary("Remises au commissaire de justice et leur état").RequireAuthorization(Policies.Lecture);
        group.MapGet("/remise/documents", OrderCandidates).WithName(nameof(OrderCandidates))
            .WithSummary("Documents du dossier qui peuvent être l'ordonnance à remettre (hors factures)")
            .RequireAuthorization(Policies.Lecture);
        group.MapPost("/petites-creances", RecordSmallClaims).WithName(nameof(RecordSmallClaims))
            .WithSummary("Petites créances : invitation du débiteur par le commissaire de justice, accord ou refus " +
                "(silence d'un mois), titre délivré (CPCE L.125-1)")
            .RequireAuthorization(Policies.Decision);
        group.MapPost("/petites-creances/invitation", InviteToSmallClaims).WithName(nameof(InviteToSmallClaims))
            .WithSummary("Petites créances : courrier du cabinet proposant la procédure au débiteur par le " +
                "commissaire de justice choisi (docx ou pdf), l'invitation enregistrée une seule fois (CPCE L.125-1, " +
                "R.125-2)")
            .RequireAuthorization(Policies.Decision);
        app.MapCommissaires();
        return app;
    }

    public static async Task<Results<Accepted<HandOver.HandOverDto>, ProblemHttpResult>> HandOverToCommissaire(
        Guid id, HandOver.HandOverRequest body, HandOver.HandOverService service, CancellationToken ct)
    {
        var planned = await service.PlanAsync(id, body, ct);
        return TypedResults.Accepted($"/api/cases/{id}/judiciaire/remises", planned);
    }

    public static async Task<Results<Ok<JudicialView>, ProblemHttpResult>> RecordSmallClaims(
        Guid id, SmallClaimsEventRequest body, SmallClaims smallClaims, JudicialService service, CancellationToken ct)
    {
        await smallClaims.RecordAsync(id, body, ct);
        return TypedResults.Ok(await service.ViewAsync(id, ct));
    }

    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> InviteToSmallClaims(
        Guid id, SmallClaimsInvitationRequest body, SmallClaimsInvitation invitations, CancellationToken ct)
    {
        var letter = await invitations.GenerateAsync(id, body, ct);
        return TypedResults.File(letter.Content, letter.ContentType, letter.FileName);
    }

    public static async Task<Ok<IReadOnlyList<HandOver.OrderCandidateDto>>> OrderCandidates(
        Guid id, HandOver.HandOverService service, CancellationToken ct) =>
        TypedResults.Ok(await service.OrderCandidatesAsync(id, ct));

    public static async Task<Ok<IReadOnlyList<HandOver.HandOverDto>>> ListHandOvers(
        Guid id, HandOver.HandOverService service, CancellationToken ct) =>
        TypedResults.Ok(await service.ListAsync(id, ct));

    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> GetDossier(
        Guid id, CourtFile files, CancellationToken ct)
    {
        var (name, zip) = await files.BuildAsync(id, ct);
        return TypedResults.File(zip, "application/zip", name);
    }

    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> GenerateRequete(
        Guid id, RequeteRequest? body, InjunctionRequest requests, CancellationToken ct)
    {
        var file = await requests.GenerateAsync(id, body?.Format, ct);
        return TypedResults.File(file.Content, file.ContentType, file.FileName);
    }

    public static async Task<Results<Ok<JudicialView>, ProblemHttpResult>> GetJudicial(
        Guid id, JudicialService service, CancellationToken ct) =>
        TypedResults.Ok(await service.ViewAsync(id, ct));

    public static async Task<Results<Ok<JudicialView>, ProblemHttpResult>> ChooseRoute(
        Guid id, ChooseRouteRequest body, JudicialService service, CancellationToken ct) =>
        TypedResults.Ok(await service.ChooseRouteAsync(id, body, ct));

    public static async Task<Results<Ok<JudicialView>, ProblemHttpResult>> SetSituation(
        Guid id, JudicialSituationRequest body, JudicialService service, CancellationToken ct) =>
        TypedResults.Ok(await service.SetSituationAsync(id, body, ct));

    public static async Task<Results<Ok<JudicialView>, ProblemHttpResult>> ChooseCourt(
        Guid id, CourtChoiceRequest body, JudicialService service, CancellationToken ct) =>
        TypedResults.Ok(await service.ChooseCourtAsync(id, body, ct));

    public static async Task<Results<Ok<JudicialView>, ProblemHttpResult>> RecordEvent(
        Guid id, InjunctionEventRequest body, JudicialService service, CancellationToken ct) =>
        TypedResults.Ok(await service.RecordEventAsync(id, body, ct));
}
