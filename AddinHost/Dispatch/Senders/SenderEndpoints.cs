using AddinHost.Infrastructure.Auth;

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
        var group = app.MapGroup("/api/ar24/senders").WithTags("Expéditeurs AR24").RequireAuthorization(Policies.Administration);
        group.MapGet("", async (SenderOnboarding senders,
            CancellationToken ct) => TypedResults.Ok(await senders.ListAsync(ct)))
            .WithSummary("Les expéditeurs AR24 du cabinet et l'état de leur compte (administrateurs)");
        group.MapPost("", async (AddSenderRequest body, SenderOnboarding senders, CancellationToken ct) =>
            {
                var (sender, codeSent) = await senders.AddAsync(body, ct);
                return codeSent ? Results.Accepted($"/api/ar24/senders", sender) : Results.Ok(sender);
            })
            .WithSummary("Ajouter un expéditeur (un code de confirmation part à l'adresse), ou compléter son identité");
        group.MapPost("/confirm", async (ConfirmSenderRequest body, SenderOnboarding senders, CancellationToken ct) =>
                TypedResults.Ok(await senders.ConfirmAsync(body, ct)))
            .WithSummary("Confirmer l'adresse d'un expéditeur avec le code reçu : elle devient celle du cabinet");
        group.MapPost("/{id:guid}/provision", async (Guid id, SenderProvisioning provisioning, CancellationToken ct) =>
                TypedResults.Ok(await provisioning.ProvisionAsync(id, ct)))
            .WithSummary("Ouvrir le compte AR24 de l'expéditeur, ou vérifier où il en est (accès, conditions "
                + "générales)");
        return app;
    }
}
