using AddinHost.Infrastructure.Auth;
using AddinHost.Infrastructure.Problems;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AddinHost.Dispatch;

/// <summary>The evidence bundle for the court file: every filed document of a case, and a manifest of their
/// hashes.</summary>
public static class EvidenceEndpoints
{
    /// <summary>
    /// One piece in <c>manifest.json</c>. Courts and opponents read it: every key is French camelCase (admin guide,
    /// part 4), as are the manifest's own keys.
    /// </summary>
    public sealed record ManifestPiece(string Chemin, string Nature, Guid Envoi, string Sha256, long Octets,
        DateTimeOffset ClasseLe);

    public static IEndpointRouteBuilder MapEvidence(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/cases/{id:guid}/evidence", GetEvidence)
            .WithTags("Preuves")
            .WithSummary("Le dossier de preuves (zip) : courriers tels qu'envoyés, preuves, et manifeste des"
                + " empreintes "
                + "SHA-256")
            .RequireAuthorization(Policies.Lecture)
            .ProducesErrors(ErrorKind.NotFound, ErrorKind.Conflict);
        return app;
    }

    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> GetEvidence(
        Guid id, EvidenceBundle evidence, CancellationToken ct)
    {
        var (name, zip) = await evidence.BuildAsync(id, ct);
        return TypedResults.File(zip, "application/zip", name);
    }
}
