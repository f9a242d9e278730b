using System.Security.Cryptography;
using AddinHost.Cases;
using AddinHost.Infrastructure;
using AddinHost.Infrastructure.Audit;
using AddinHost.Infrastructure.Auth;
using AddinHost.Infrastructure.Data;
using AddinHost.Infrastructure.Problems;
using AddinHost.Letters.Engine;
using AddinHost.Letters.Pdf;
using Microsoft.EntityFrameworkCore;

namespace AddinHost.Letters;

/// <summary>Produces a case's letter from a template, as of a day; for real, it keeps the exact bytes.</summary>
public sealed class LetterService(
    CaseRepository cases, CaseService assessment, TemplateStore templates, DunningDbContext db, IEnumerable<EmbeddedDefault> defaults,
    IPdfConverter pdf, AuditTrail audit, CurrentActor actor, TimeProvider clock, LetterEngine engine)
{
    /// <summary>The engine with the default limits, for the command line and the benchmarks; the server's is configured.</summary>
    public static readonly LetterEngine Engine = new(LetterFields.All);

    public sealed record Letter(string Template, int TemplateVersion, string FileName, string Format, byte[] Content);
    public sealed record GeneratedLetterDto(Guid Id, string Template, int TemplateVersion, string Format, string FileName, string Sha256, DateOnly AsOf, DateTimeOffset CreatedAt, string CreatedBy);

    public async Task<Letter> RenderAsync(Guid caseId, string template, string format, int deadlineDays, DateOnly asOf, CancellationToken ct)
    {
        if (deadlineDays is < 1 or > 90) throw Problem.Validation("deadlineDays", "Le délai de paiement est compris entre 1 et 90 jours.");
        if (format is not ("docx" or "pdf")) throw Problem.Validation("format", "Formats possibles : docx ou pdf.");
        var c = await cases.GetAsync(caseId, ct);
        var a = await assessment.AssessAsync(c, asOf, ct);
        // A letter must never state a wrong amount: no rate, no letter.
        if (a.AmountsError is { } error) throw new DomainException(error, StatusCodes.Status422UnprocessableEntity);

        var name = TemplateStore.Variant(template, c.Creditor.Kind == CreditorKind.Cabinet, c.Debtor.Kind == Cases.Money.DebtorKind.Consommateur);
        var source = await templates.GetAsync(name, ct);
        var cabinet = await db.Cabinets.AsNoTracking().SingleOrDefaultAsync(ct);
        var data = LetterDataBuilder.Build(c, a, cabinet, await assessment.PolicyAsync(ct), deadlineDays, defaults.Any(d => d.InUse));
        byte[] docx;
        try { docx = engine.Render(source.Content, data); }
        catch (TemplateProblemsException e) { throw TemplateProblems(name, e.Problems); }
        var content = format == "pdf" ? await pdf.ConvertAsync(docx, ct) : docx;
        return new Letter(name, source.Version, $"{c.Reference}-{name}.{format}", format, content);
    }

    /// <summary>Generates the letter for real: stored with the case, byte for byte, and written in its history.</summary>
    public async Task<GeneratedLetterDto> GenerateAsync(Guid caseId, string template, string format, int deadlineDays, CancellationToken ct)
    {
        var today = clock.Today();
        var letter = await RenderAsync(caseId, template, format, deadlineDays, today, ct);
        var stored = new GeneratedLetter
        {
            CaseId = caseId, Template = letter.Template, TemplateVersion = letter.TemplateVersion, Format = letter.Format, FileName = letter.FileName,
            Content = letter.Content, Sha256 = Convert.ToHexStringLower(SHA256.HashData(letter.Content)), AsOf = today,
            CreatedAt = clock.GetUtcNow(), CreatedBy = actor.Id,
        };
        db.GeneratedLetters.Add(stored);
        db.CaseEvents.Add(new CaseEvent
        {
            CaseId = caseId, At = stored.CreatedAt, EffectiveOn = today, Kind = CaseEventKind.CourrierGenere, Actor = actor.Id,
            Summary = $"Courrier généré : {letter.Template} ({letter.Format.ToUpperInvariant()}, SHA-256 {stored.Sha256[..12]}…)",
        });
        audit.Record("courrier.genere", nameof(GeneratedLetter), stored.Id);
        await db.SaveChangesAsync(ct);
        return ToDto(stored);
    }

    public async Task<IReadOnlyList<GeneratedLetterDto>> ListAsync(Guid caseId, CancellationToken ct)
    {
        await cases.GetAsync(caseId, ct); // 404 for a case that is not the caller's
        return (await db.GeneratedLetters.AsNoTracking().Where(l => l.CaseId == caseId).ToListAsync(ct))
            .OrderByDescending(l => l.CreatedAt).Select(ToDto).ToList();
    }

    public async Task<GeneratedLetter> GetAsync(Guid caseId, Guid letterId, CancellationToken ct) =>
        await db.GeneratedLetters.AsNoTracking().SingleOrDefaultAsync(l => l.CaseId == caseId && l.Id == letterId, ct)
        ?? throw DomainException.NotFound("Courrier");

    /// <summary>A generated letter downloaded: written to the audit log, as a proof's download is.</summary>
    public async Task<GeneratedLetter> DownloadAsync(Guid caseId, Guid letterId, CancellationToken ct)
    {
        var letter = await GetAsync(caseId, letterId, ct);
        audit.Record("courrier.telecharge", nameof(GeneratedLetter), letter.Id);
        await db.SaveChangesAsync(ct);
        return letter;
    }

    private static GeneratedLetterDto ToDto(GeneratedLetter l) =>
        new(l.Id, l.Template, l.TemplateVersion, l.Format, l.FileName, l.Sha256, l.AsOf, l.CreatedAt, l.CreatedBy);

    public static DomainException TemplateProblems(string name, IReadOnlyList<TemplateProblem> problems) => new(
        $"Le modèle « {name} » contient {problems.Count} erreur(s) : corrigez-le avant de générer un courrier.",
        StatusCodes.Status422UnprocessableEntity,
        problems.Select((p, i) => (p, i)).ToDictionary(x => $"{x.i + 1}. {x.p.Part}, paragraphe {x.p.Paragraph}", x => new[] { $"{x.p.Message} — « {x.p.Context} »" }));
}
