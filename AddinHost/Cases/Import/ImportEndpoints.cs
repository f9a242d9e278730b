using AddinHost.Infrastructure.Auth;
using AddinHost.Infrastructure.Problems;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace AddinHost.Cases.Import;

/// <summary>Cases enter the firm: an invoice file (CSV or FEC) imported all or nothing, or one case typed in.</summary>
public static class ImportEndpoints
{
    /// <summary>A year of FEC for a large firm fits well under this.</summary>
    public const long MaxFileBytes = 512L * 1024 * 1024;

    public static IEndpointRouteBuilder MapImport(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/import/invoices", ImportInvoices)
            .WithTags("Import")
                .WithSummary("Importer des factures impayées (CSV au format français ou FEC) : tout ou rien")
            .DisableAntiforgery()
            .WithMetadata(new RequestSizeLimitAttribute(MaxFileBytes),
                new RequestFormLimitsAttribute { MultipartBodyLengthLimit = MaxFileBytes })
            .RequireAuthorization(Policies.Saisie)
            .ProducesErrors(ErrorKind.Invalid, ErrorKind.Conflict, ErrorKind.Unprocessable);

        app.MapPost("/api/cases", CreateCase)
            .WithTags("Dossiers")
            .WithSummary(
                "Ouvrir le dossier d'un débiteur et de ses factures impayées, saisis à la main (expéditeur inconnu)")
            .RequireAuthorization(Policies.Saisie).ProducesErrors(ErrorKind.Invalid);
        return app;
    }

    public static async Task<Results<Ok<ImportReport>, ProblemHttpResult>> ImportInvoices(
        IFormFile? file, [FromForm] Guid? creditorId, InvoiceImporter importer, CancellationToken ct)
    {
        if (file is null || file.Length == 0)
            throw Problem.Validation("file", "Joignez le fichier à importer (CSV ou FEC) dans le champ « file ».");
        await using var stream = file.OpenReadStream();
        return TypedResults.Ok(await importer.ImportAsync(stream, Path.GetFileName(file.FileName), creditorId, ct));
    }

    public static async Task<Results<Created<CreatedCaseDto>, ProblemHttpResult>> CreateCase(
        CreateCaseRequest body, CaseEntry entry, CancellationToken ct)
    {
        var created = await entry.CreateAsync(body, ct);
        return TypedResults.Created($"/api/cases/{created.CaseId}", created);
    }
}
