using AddinHost.Infrastructure.Auth;

namespace AddinHost.Dispatch.Batches;

public static class BatchEndpoints
{
    public static IEndpointRouteBuilder MapBatches(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/batches").WithTags("Envois groupés");
        group.MapGet("/due", async (BatchService batches, CancellationToken ct) => TypedResults.Ok(await batches.DueAsync(ct)))
            .WithSummary("Les dossiers dont une étape est due aujourd'hui, avec le canal et le coût, à revoir avant l'envoi")
            .RequireAuthorization(Policies.Decision);
        group.MapPost("", async (BatchRequest body, BatchService batches, CancellationToken ct) =>
            {
                var batch = await batches.CreateAsync(body, ct);
                return TypedResults.Accepted($"/api/batches/{batch.Id}", batch);
            })
            .WithSummary("Envoyer la liste confirmée : chaque courrier part une seule fois ; l'échec de l'un n'arrête pas les autres")
            .RequireAuthorization(Policies.Decision);
        group.MapGet("/{id:guid}", async (Guid id, BatchService batches, CancellationToken ct) => TypedResults.Ok(await batches.GetAsync(id, ct)))
            .WithSummary("L'avancement d'un lot, courrier par courrier").RequireAuthorization(Policies.Decision);
        group.MapGet("/{id:guid}/events", async (Guid id, BatchService batches, EventStreams streams, HttpContext http, CurrentActor actor,
                Infrastructure.Data.ITenantContext tenant, CancellationToken ct) =>
            {
                await batches.GetAsync(id, ct); // an unknown batch is a 404, not an empty stream
                var lease = streams.Take($"{tenant.TenantId}\n{actor.Id}");
                http.Response.RegisterForDispose(lease);
                return TypedResults.ServerSentEvents(batches.EventsAsync(id, ct, lease.Lifetime));
            })
            .WithSummary("Avancement en direct (server-sent events) : « lettre » à chaque changement, puis « termine »")
            .RequireAuthorization(Policies.Decision);
        return app;
    }
}
