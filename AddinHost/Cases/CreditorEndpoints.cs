using AddinHost.Cases.Money;
using AddinHost.Infrastructure.Auth;
using AddinHost.Infrastructure.Problems;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AddinHost.Cases;

/// <summary>The firm's creditors: the firm itself (its own fees) and its clients.</summary>
public static class CreditorEndpoints
{
    public sealed record CreditorDto(Guid Id, string Name, CreditorKind Kind, CreditorCategory Category, string? Siren,
        string? Address, string? PostalCode, string? City, string? Email, string? Iban, string? Bic,
        PartyKind Quality = PartyKind.Professionnel, DateOnly? ContactConsentOn = null);

    /// <summary>
    /// <c>Quality</c>: professionnel, consommateur or non-professionnel (older callers send <c>Category</c>:
    /// Particulier or Autre). <c>ContactConsentOn</c>: the client's consent to contact its debtors (RIN 8.2), e.g. its
    /// engagement letter.
    /// </summary>
    public sealed record CreateCreditorRequest(string? Name, CreditorKind? Kind, CreditorCategory? Category,
        string? Siren,
        string? Address, string? PostalCode, string? City, string? Email, string? Iban, string? Bic,
        PartyKind? Quality = null, DateOnly? ContactConsentOn = null, string? ContactConsentEvidence = null);

    public static IEndpointRouteBuilder MapCreditors(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/creditors").WithTags("Créanciers");

        group.MapGet("/", ListCreditors)
            .WithSummary("Les créanciers du cabinet (le cabinet lui-même et ses clients)")
                .RequireAuthorization(Policies.Lecture);

        group.MapPost("/", CreateCreditor)
            .WithSummary("Ajouter un créancier (administrateurs)").RequireAuthorization(Policies.Administration)
            .ProducesErrors(ErrorKind.Invalid, ErrorKind.Conflict);
        return app;
    }

    public static async Task<Ok<IReadOnlyList<CreditorDto>>> ListCreditors(CreditorService creditors,
        CancellationToken ct) => TypedResults.Ok(await creditors.ListAsync(ct));

    public static async Task<Results<Created<CreditorDto>, ProblemHttpResult>> CreateCreditor(
        CreateCreditorRequest r, CreditorService creditors, CancellationToken ct)
    {
        var creditor = await creditors.CreateAsync(r, ct);
        return TypedResults.Created($"/api/creditors/{creditor.Id}", creditor);
    }

    internal static CreditorDto ToDto(Creditor c) =>
        new(c.Id, c.Name, c.Kind, c.Category, c.Siren, c.Address, c.PostalCode, c.City, c.Email, c.Iban, c.Bic,
            c.Quality, c.ContactConsentOn);
}
