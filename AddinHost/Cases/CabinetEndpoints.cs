using AddinHost.Infrastructure.Auth;
using AddinHost.Infrastructure.Problems;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AddinHost.Cases;

/// <summary>The firm's identity as printed on its letters: name, address, signing lawyer and bar.</summary>
public static class CabinetEndpoints
{
    /// <summary>The firm's identity; SIRET, VAT number and country open its AR24 sender accounts; the
    /// <c>Mediator…</c> fields name the consumer mediator quoted to a consumer client (C. conso. L.612-1,
    /// L.616-1).</summary>
    public sealed record CabinetDto(string? Name, string? Address, string? PostalCode, string? City,
        string? SigningLawyer, string? Bar, string? Email,
        string? Siret = null, string? VatNumber = null, string? Country = null,
        string? MediatorName = null, string? MediatorAddress = null, string? MediatorEmail = null,
        string? MediatorWebsite = null);

    public static IEndpointRouteBuilder MapCabinet(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/cabinet").WithTags("Cabinet");

        group.MapGet("/", GetCabinet)
            .WithSummary("L'identité du cabinet, telle qu'elle figure sur les courriers")
                .RequireAuthorization(Policies.Lecture);

        group.MapPut("/", SaveCabinet)
            .WithSummary("Modifier l'identité du cabinet (administrateurs)")
                .RequireAuthorization(Policies.Administration)
            .ProducesErrors(ErrorKind.Invalid);
        return app;
    }

    public static async Task<Ok<CabinetDto>> GetCabinet(CabinetService cabinet, CancellationToken ct) =>
        TypedResults.Ok(await cabinet.GetAsync(ct));

    public static async Task<Results<Ok<CabinetDto>, ProblemHttpResult>> SaveCabinet(
        CabinetDto body, CabinetService cabinet, CancellationToken ct)
    {
        await cabinet.SaveAsync(body, ct);
        return TypedResults.Ok(body);
    }
}
