using AddinHost.Infrastructure.Auth;
using AddinHost.Infrastructure.Problems;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AddinHost.Dispatch.Batches;

/// <summary>Batches: the day's due steps, a confirmed list sent letter by letter, and its progress.</summary>
public static class BatchEndpoints
{
    public static IEndpointRouteBuilder MapBatches(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/batches").WithTags("Envois groupés");
        group.MapGet("/due", ListDue)
            .WithSummary("Les dossiers dont une étape est due aujourd'hui, avec le canal et le coût, à revoir avant"
                + " l'envoi")
            .RequireAuthorization(Policies.Decision).ProducesErrors(ErrorKind.Unprocessable);
        group.MapPost("", CreateBatch)
            .WithSummary("Envoyer la liste confirmée : chaque courrier part une seule fois ; l'échec de l'un"
                + " n'arrête pas "
                + "les autres")
            .RequireAuthorization(Policies.Decision).ProducesErrors(ErrorKind.Invalid, ErrorKind.Conflict);
        group.MapGet("/{id:guid}", GetBatch)
            .WithSummary("L'avancement d'un lot, courrier par courrier").RequireAuthorization(Policies.Decision)
            .ProducesErrors(ErrorKind.NotFound);
        group.MapGet("/{id:guid}/events", FollowBatch)
            .WithSummary("Avancement en direct (server-sent events) : « lettre » à chaque changement, puis « termine"
                + " »")
            .RequireAuthorization(Policies.Decision).ProducesErrors(ErrorKind.NotFound, ErrorKind.TooMany);
        return app;
    }

    public static async Task<Results<Ok<DueListDto>, ProblemHttpResult>> ListDue(
        BatchService batches, CancellationToken ct) => TypedResults.Ok(await batches.DueAsync(ct));

    public static async Task<Results<Accepted<BatchDto>, ProblemHttpResult>> CreateBatch(
        BatchRequest body, BatchService batches, CancellationToken ct)
    {
        var batch = await batches.CreateAsync(body, ct);
        return TypedResults.Accepted($"/api/batches/{batch.Id}", batch);
    }

    public static async Task<Results<Ok<BatchDto>, ProblemHttpResult>> GetBatch(
        Guid id, BatchService batches, CancellationToken ct) => TypedResults.Ok(await batches.GetAsync(id, ct));

    public static async Task<Results<ServerSentEventsResult<object>, ProblemHttpResult>> FollowBatch(
        Guid id, BatchService batches, EventStreams streams, HttpContext http, CurrentActor actor,
        Infrastructure.Data.ITenantContext tenant, CancellationToken ct)
    {
        await batches.GetAsync(id, ct); // an unknown batch is a 404, not an empty stream
        var lease = streams.Take($"{tenant.TenantId}\n{actor.Id}");
        http.Response.RegisterForDispose(lease);
        return TypedResults.ServerSentEvents(batches.EventsAsync(id, ct, lease.Lifetime));
    }
}
