using AddinHost.Infrastructure.Configuration;
using AddinHost.Infrastructure;
using AddinHost.Infrastructure.Auth;
using AddinHost.Infrastructure.Problems;
using AddinHost.Letters.Engine;
using AddinHost.Letters.Pdf;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace AddinHost.Letters;

/// <summary>Letter templates (list, check, upload) and a case's letters (preview, generate, download).</summary>
public static class LetterEndpoints
{
    /// <summary><c>Channel</c> (preview only): how the letter would leave; by default the policy's, routed for the
    /// case.</summary>
    public sealed record LetterRequest(string? Template, string? Format, int? DeadlineDays, DateOnly? AsOf,
        Cases.Planning.StepChannel? Channel = null);
    public sealed record FieldDto(string Champ, string Description, string Exemple, FieldKind Type,
        IReadOnlyList<FieldDto>? Elements);
    public sealed record FormatterDto(string Nom, string Description);
    public sealed record FieldListDto(IReadOnlyList<FieldDto> Champs, IReadOnlyList<FormatterDto> Formats,
        string Syntaxe);
    public sealed record LintDto(string Template, int Version, bool Valide, IReadOnlyList<TemplateProblem> Problemes);

    public const string DocxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    public static IHostApplicationBuilder AddLetters(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<LetterLimits>().Bind(builder.Configuration.GetSection(LetterLimits.Section))
            .ValidateFrench(LetterLimits.Section);
        // The engine of the server, within the configured limits (the command line and the tests use the defaults).
        builder.Services.AddSingleton(sp => new LetterEngine(LetterFields.All,
            sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<LetterLimits>>().Value.ToDocumentLimits()));
        builder.Services.AddScoped<TemplateStore>();
        builder.Services.AddScoped<LetterService>();
        builder.AddPdf();
        builder.Services.AddProblemMapping<TemplateRenderException>(ErrorKind.Unprocessable);
        return builder;
    }

    public static IEndpointRouteBuilder MapLetters(this IEndpointRouteBuilder app)
    {
        var templates = app.MapGroup("/api/templates").WithTags("Modèles de courrier")
            .RequireAuthorization(Policies.Lecture);

        templates.MapGet("/", ListTemplates)
            .WithSummary("Les modèles de courrier du cabinet");

        templates.MapGet("/fields", ListFields)
            .WithSummary("Les champs utilisables dans un modèle, avec description et exemple");

        templates.MapGet("/{name}/lint", LintTemplate)
            .WithSummary("Vérifier un modèle : toutes les erreurs, avec leur emplacement")
            .ProducesErrors(ErrorKind.NotFound);

        templates.MapPost("/lint", LintDocument)
            .WithSummary("Vérifier un document ouvert dans Word comme modèle (rien n'est enregistré)")
            .DisableAntiforgery().ProducesErrors(ErrorKind.Invalid);

        templates.MapGet("/{name}/versions", ListVersions)
            .WithSummary("Les versions déposées par le cabinet (la plus récente s'applique)");

        templates.MapGet("/{name}", DownloadTemplate)
            .WithSummary("Télécharger un modèle (.docx)").ProducesErrors(ErrorKind.NotFound);

        templates.MapPut("/{name}", UploadTemplate)
            .WithSummary("Déposer la version du cabinet d'un modèle (vérifiée avant enregistrement ; "
                + "les versions précédentes sont gardées)")
            .DisableAntiforgery()
            .RequireAuthorization(Policies.Administration)
            .ProducesErrors(ErrorKind.Invalid, ErrorKind.Unprocessable);

        var letters = app.MapGroup("/api/cases/{id:guid}/letters").WithTags("Courriers");

        letters.MapPost("/preview", PreviewLetter)
            .WithSummary("Aperçu d'un courrier du dossier, fusionné avec le modèle (rien n'est enregistré)")
            .RequireAuthorization(Policies.Saisie)
            .ProducesErrors(ErrorKind.Invalid, ErrorKind.NotFound, ErrorKind.Conflict, ErrorKind.Unprocessable,
                ErrorKind.Unavailable);

        letters.MapPost("/", GenerateLetter)
            .WithSummary("Générer le courrier pour de bon : conservé avec le dossier, octet pour octet, "
                + "avec son empreinte SHA-256")
            .RequireAuthorization(Policies.Saisie)
            .ProducesErrors(ErrorKind.Invalid, ErrorKind.NotFound, ErrorKind.Conflict, ErrorKind.Unprocessable,
                ErrorKind.Unavailable);

        letters.MapGet("/", ListLetters)
            .WithSummary("Les courriers générés du dossier").RequireAuthorization(Policies.Lecture)
            .ProducesErrors(ErrorKind.NotFound);

        letters.MapGet("/{letterId:guid}", DownloadLetter)
            .WithSummary("Télécharger un courrier généré, tel qu'il a été produit")
            .RequireAuthorization(Policies.Lecture)
            .ProducesErrors(ErrorKind.NotFound);
        return app;
    }

    public static async Task<Ok<IReadOnlyList<TemplateStore.TemplateInfo>>> ListTemplates(
        TemplateStore store, CancellationToken ct) => TypedResults.Ok(await store.ListAsync(ct));

    public static Ok<FieldListDto> ListFields() => TypedResults.Ok(new FieldListDto(
        LetterFields.All.Select(ToDto).ToList(),
        Formatters.Descriptions.Select(f => new FormatterDto(f.Key, f.Value)).ToList(),
        "{{champ}}, {{champ | format}}, {{#liste}}…{{/liste}} (répète ou affiche si vrai), "
            + "{{^champ}}…{{/champ}} (si faux ou vide)"));

    public static async Task<Results<Ok<LintDto>, ProblemHttpResult>> LintTemplate(
        string name, TemplateStore store, LetterEngine engine, CancellationToken ct)
    {
        var template = await store.GetAsync(name, ct);
        var problems = LetterService.Lint(name, template.Content, engine);
        return TypedResults.Ok(new LintDto(name, template.Version, problems.Count == 0, problems));
    }

    public static async Task<Results<Ok<LintDto>, ProblemHttpResult>> LintDocument(
        IFormFile? file, LetterEngine engine, IOptions<LetterLimits> limits, CancellationToken ct)
    {
        var content = await ReadTemplateAsync(file, "Joignez le document Word (.docx) dans le champ « file ».",
            limits.Value, ct);
        var name = Path.GetFileNameWithoutExtension(file!.FileName);
        var problems = LetterService.Lint(name, content, engine);
        return TypedResults.Ok(new LintDto(name, 0, problems.Count == 0, problems));
    }

    public static async Task<Ok<IReadOnlyList<TemplateStore.VersionInfo>>> ListVersions(
        string name, TemplateStore store, CancellationToken ct) =>
        TypedResults.Ok(await store.VersionsAsync(name, ct));

    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> DownloadTemplate(
        string name, TemplateStore store, CancellationToken ct) =>
        TypedResults.File((await store.GetAsync(name, ct)).Content, DocxType, name + ".docx");

    public static async Task<Results<Ok<TemplateStore.VersionInfo>, ProblemHttpResult>> UploadTemplate(
        string name, IFormFile? file, LetterService letters, IOptions<LetterLimits> limits, CancellationToken ct)
    {
        var content = await ReadTemplateAsync(file, "Joignez le modèle Word (.docx) dans le champ « file ».",
            limits.Value, ct);
        return TypedResults.Ok(await letters.UploadTemplateAsync(name, content, ct));
    }

    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> PreviewLetter(
        Guid id, LetterRequest body, LetterService service, TimeProvider clock, CancellationToken ct)
    {
        var letter = await service.RenderAsync(id, Template(body), Format(body),
            body.DeadlineDays ?? LetterDataBuilder.DefaultDeadlineDays, body.AsOf ?? clock.Today(), ct, body.Channel);
        return TypedResults.File(letter.Content, ContentType(letter.Format), letter.FileName);
    }

    public static async Task<Results<Created<LetterService.GeneratedLetterDto>, ProblemHttpResult>> GenerateLetter(
        Guid id, LetterRequest body, LetterService service, CancellationToken ct)
    {
        if (body.AsOf is not null)
            throw Problem.Validation("asOf", "Un courrier réel est daté du jour ; asOf ne vaut que pour l'aperçu.");
        var letter = await service.GenerateAsync(id, Template(body), Format(body),
            body.DeadlineDays ?? LetterDataBuilder.DefaultDeadlineDays, ct, body.Channel);
        return TypedResults.Created($"/api/cases/{id}/letters/{letter.Id}", letter);
    }

    public static async Task<Results<Ok<IReadOnlyList<LetterService.GeneratedLetterDto>>,
        ProblemHttpResult>> ListLetters(
        Guid id, LetterService service, CancellationToken ct) => TypedResults.Ok(await service.ListAsync(id, ct));

    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> DownloadLetter(
        Guid id, Guid letterId, LetterService service, CancellationToken ct)
    {
        var letter = await service.DownloadAsync(id, letterId, ct);
        return TypedResults.File(letter.Content, ContentType(letter.Format), letter.FileName);
    }

    private static string ContentType(string format) => format == "pdf" ? "application/pdf" : DocxType;

    /// <summary>The uploaded .docx, within its size; its content is checked by the engine before anything is
    /// inflated.</summary>
    private static async Task<byte[]> ReadTemplateAsync(IFormFile? file, string missing, LetterLimits limits,
        CancellationToken ct)
    {
        if (file is null || file.Length == 0) throw Problem.Validation("file", missing);
        if (file.Length > limits.MaxTemplateBytes) throw Problem.Validation("file",
            $"Un modèle fait au plus {limits.MaxTemplateMegabytes} Mo.");
        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, ct);
        return buffer.ToArray();
    }

    private static string Template(LetterRequest body) => body.Template?.Trim() is { Length: > 0 } t
        ? t : throw Problem.Validation("template", "Indiquez le modèle : relance-1, relance-2, mise-en-demeure…");

    private static string Format(LetterRequest body) => (body.Format ?? "docx").Trim().ToLowerInvariant();

    private static FieldDto ToDto(FieldDefinition f)
        => new(f.Path, f.Description, f.Example, f.Kind, f.Items?.Select(ToDto).ToList());
}
