using AddinHost.Infrastructure;
using AddinHost.Infrastructure.Auth;
using AddinHost.Infrastructure.Problems;
using AddinHost.Letters.Engine;
using AddinHost.Letters.Pdf;

namespace AddinHost.Letters;

public static class LetterEndpoints
{
    public sealed record PreviewRequest(string? Template, string? Format, int? DeadlineDays, DateOnly? AsOf);
    public sealed record FieldDto(string Champ, string Description, string Exemple, FieldKind Type, IReadOnlyList<FieldDto>? Elements);
    public sealed record FormatterDto(string Nom, string Description);
    public sealed record FieldListDto(IReadOnlyList<FieldDto> Champs, IReadOnlyList<FormatterDto> Formats, string Syntaxe);
    public sealed record LintDto(string Template, bool Valide, IReadOnlyList<TemplateProblem> Problemes);

    private const string DocxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    public static IHostApplicationBuilder AddLetters(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<TemplateStore>();
        builder.Services.AddScoped<LetterService>();
        builder.AddPdf();
        return builder;
    }

    public static IEndpointRouteBuilder MapLetters(this IEndpointRouteBuilder app)
    {
        var templates = app.MapGroup("/api/templates").WithTags("Modèles de courrier").RequireAuthorization(Policies.Lecture);

        templates.MapGet("/", (TemplateStore store) => TypedResults.Ok(store.List()))
            .WithSummary("Les modèles de courrier du cabinet");

        templates.MapGet("/fields", () => TypedResults.Ok(new FieldListDto(
                LetterFields.All.Select(ToDto).ToList(),
                Formatters.Descriptions.Select(f => new FormatterDto(f.Key, f.Value)).ToList(),
                "{{champ}}, {{champ | format}}, {{#liste}}…{{/liste}} (répète ou affiche si vrai), {{^champ}}…{{/champ}} (si faux ou vide)")))
            .WithSummary("Les champs utilisables dans un modèle, avec description et exemple");

        templates.MapGet("/{name}/lint", async (string name, TemplateStore store, CancellationToken ct) =>
                TypedResults.Ok(Lint(name, await store.GetAsync(name, ct))))
            .WithSummary("Vérifier un modèle : toutes les erreurs, avec leur emplacement");

        templates.MapGet("/{name}", async (string name, TemplateStore store, CancellationToken ct) =>
                TypedResults.File(await store.GetAsync(name, ct), DocxType, name + ".docx"))
            .WithSummary("Télécharger un modèle (.docx)");

        app.MapPost("/api/cases/{id:guid}/letters/preview", async (Guid id, PreviewRequest body, LetterService letters, IPdfConverter pdf, TimeProvider clock, CancellationToken ct) =>
            {
                var template = body.Template?.Trim();
                if (string.IsNullOrEmpty(template)) throw Problem.Validation("template", "Indiquez le modèle : relance-1, relance-2, mise-en-demeure…");
                var format = (body.Format ?? "docx").Trim().ToLowerInvariant();
                if (format is not ("docx" or "pdf")) throw Problem.Validation("format", "Formats possibles : docx ou pdf.");
                var letter = await letters.RenderAsync(id, template, body.DeadlineDays ?? LetterDataBuilder.DefaultDeadlineDays, body.AsOf ?? clock.Today(), ct);
                return format == "pdf"
                    ? TypedResults.File(await pdf.ConvertAsync(letter.Docx, ct), "application/pdf", Path.ChangeExtension(letter.FileName, ".pdf"))
                    : TypedResults.File(letter.Docx, DocxType, letter.FileName);
            })
            .WithTags("Courriers").WithSummary("Aperçu d'un courrier du dossier, fusionné avec le modèle")
            .RequireAuthorization(Policies.Saisie);
        return app;
    }

    public static LintDto Lint(string name, byte[] docx)
    {
        var problems = LetterService.Engine.Lint(docx);
        return new LintDto(name, problems.Count == 0, problems);
    }

    private static FieldDto ToDto(FieldDefinition f) => new(f.Path, f.Description, f.Example, f.Kind, f.Items?.Select(ToDto).ToList());
}
