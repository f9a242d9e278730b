using AddinHost.Cases;
using AddinHost.Infrastructure.Data;
using AddinHost.Infrastructure.Problems;
using AddinHost.Letters.Engine;
using Microsoft.EntityFrameworkCore;

namespace AddinHost.Letters;

/// <summary>Produces a case's letter from a template, as of a day.</summary>
public sealed class LetterService(
    CaseRepository cases, CaseService assessment, TemplateStore templates, DunningDbContext db, IEnumerable<EmbeddedDefault> defaults)
{
    public static readonly LetterEngine Engine = new(LetterFields.All);

    public sealed record Letter(string FileName, byte[] Docx);

    public async Task<Letter> RenderAsync(Guid caseId, string template, int deadlineDays, DateOnly asOf, CancellationToken ct)
    {
        if (deadlineDays is < 1 or > 90) throw Problem.Validation("deadlineDays", "Le délai de paiement est compris entre 1 et 90 jours.");
        var c = await cases.GetAsync(caseId, ct);
        var a = await assessment.AssessAsync(c, asOf, ct);
        // A letter must never state a wrong amount: no rate, no letter.
        if (a.AmountsError is { } error) throw new DomainException(error, StatusCodes.Status422UnprocessableEntity);

        var name = TemplateStore.Variant(template, c.Creditor.Kind == CreditorKind.Cabinet, c.Debtor.Kind == Cases.Money.DebtorKind.Consommateur);
        var docx = await templates.GetAsync(name, ct);
        var cabinet = await db.Cabinets.AsNoTracking().SingleOrDefaultAsync(ct);
        var data = LetterDataBuilder.Build(c, a, cabinet, await assessment.PolicyAsync(ct), deadlineDays, defaults.Any(d => d.InUse));
        try
        {
            return new Letter($"{c.Reference}-{name}.docx", Engine.Render(docx, data));
        }
        catch (TemplateProblemsException e)
        {
            throw TemplateProblems(name, e.Problems);
        }
    }

    public static DomainException TemplateProblems(string name, IReadOnlyList<TemplateProblem> problems) => new(
        $"Le modèle « {name} » contient {problems.Count} erreur(s) : corrigez-le avant de générer un courrier.",
        StatusCodes.Status422UnprocessableEntity,
        problems.Select((p, i) => (p, i)).ToDictionary(x => $"{x.i + 1}. {x.p.Part}, paragraphe {x.p.Paragraph}", x => new[] { $"{x.p.Message} — « {x.p.Context} »" }));
}
