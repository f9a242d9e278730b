using AddinHost.Infrastructure.Auth;
using AddinHost.Infrastructure.Problems;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AddinHost.Dispatch.Senders;

/// <summary>The admin's AR24 senders: list, add (a code goes to the address), confirm the code, open or check the
/// account.</summary>
public static class SenderEndpoints
{
    public static IHostApplicationBuilder AddAr24Senders(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<SenderOnboarding>();
        builder.Services.AddScoped<SenderProvisioning>();
        return builder;
    }

    public static IEndpointRouteBuilder MapAr24Senders(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/ar24/senders").WithTags("Expéditeurs AR24")
            .RequireAuthorization(Policies.Administration);
        group.MapGet("", ListSenders)
            .WithSummary("Les expéditeurs AR24 du cabinet et l'état de leur compte (administrateurs)");
        group.MapPost("", AddSender)
            .WithSummary("Ajouter un expéditeur (un code de confirmation part à l'adresse), ou compléter son identité")
            .ProducesErrors(ErrorKind.Invalid, ErrorKind.Conflict, ErrorKind.TooMany, ErrorKind.Unavailable);
        group.MapPost("/confirm", ConfirmSender)
            .WithSummary("Confirmer l'adresse d'un expéditeur avec le code reçu : elle devient celle du cabinet")
            .ProducesErrors(ErrorKind.Invalid, ErrorKind.NotFound, ErrorKind.Conflict, ErrorKind.Unavailable);
        group.MapPost("/{id:guid}/provision", ProvisionSender)
            .WithSummary("Ouvrir le compte AR24 de l'expéditeur, ou vérifier où il en est (accès, conditions "
                + "générales)")
            .ProducesErrors(ErrorKind.Invalid, ErrorKind.NotFound, ErrorKind.Conflict, ErrorKind.Unavailable);
        return app;
    }

    public static async Task<Ok<List<SenderDto>>> ListSenders(SenderOnboarding senders, CancellationToken ct) =>
        TypedResults.Ok(await senders.ListAsync(ct));

    /// <summary>202 when a code went to the address; 200 when only the identity was completed.</summary>
    public static async Task<Results<Accepted<SenderDto>, Ok<SenderDto>, ProblemHttpResult>> AddSender(
        AddSenderRequest body, SenderOnboarding senders, CancellationToken ct)
    {
        var (sender, codeSent) = await senders.AddAsync(body, ct);
        return codeSent ? TypedResults.Accepted("/api/ar24/senders", sender) : TypedResults.Ok(sender);
    }

    public static async Task<Results<Ok<SenderDto>, ProblemHttpResult>> ConfirmSender(
        ConfirmSenderRequest body, SenderOnboarding senders, CancellationToken ct) =>
        TypedResults.Ok(await senders.ConfirmAsync(body, ct));

    public static async Task<Results<Ok<SenderDto>, ProblemHttpResult>> ProvisionSender(
        Guid id, SenderProvisioning provisioning, CancellationToken ct) =>
        TypedResults.Ok(await provisioning.ProvisionAsync(id, ct));
}
