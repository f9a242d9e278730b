using AddinHost.Cases;
using AddinHost.Cases.Planning;
using AddinHost.Infrastructure;
using AddinHost.Infrastructure.Data;
using AddinHost.Infrastructure.Problems;
using AddinHost.Judicial.HandOver;
using AddinHost.Letters;
using AddinHost.Letters.Engine;
using AddinHost.Letters.Pdf;
using Microsoft.EntityFrameworkCore;

namespace AddinHost.Judicial;

/// <summary>The lawyer's request for the small-claims proposal: the commissaire de justice mandated, the
/// format.</summary>
public sealed record SmallClaimsInvitationRequest(Guid? CommissaireId, string? Format);

/// <summary>
/// The firm's small-claims proposal to the debtor, merged from the « invitation-petites-creances » template: the
/// claim's basis and amount in principal and interest, element by element, and the commissaire de justice mandated
/// (CPCE L.125-1, R.125-1, R.125-2 I). Generating it stores the letter with the case and records the invitation in
/// the same save, once: asked again, it returns the letter already made, never a second invitation. The formal
/// invitation with the ministry's forms (R.125-2 IV) remains the commissaire's own letter, which this one announces.
/// </summary>
public sealed class SmallClaimsInvitation(
    DunningDbContext db, CaseRepository cases, CaseService assessment, TemplateStore templates, LetterEngine engine,
    IPdfConverter pdf, IEnumerable<EmbeddedDefault> defaults, SmallClaims smallClaims, LetterService letters,
    TimeProvider clock)
{
    public const string Template = JudicialTemplateNames.SmallClaims;

    public async Task<RequeteFile> GenerateAsync(Guid caseId, SmallClaimsInvitationRequest r, CancellationToken ct)
    {
        var format = (r.Format ?? "docx").Trim().ToLowerInvariant();
        if (format is not ("docx" or "pdf")) throw Problem.Validation("format", "Formats possibles : docx ou pdf.");
        var c = await cases.GetAsync(caseId, ct);
        var file = await db.Set<JudicialFile>().AsNoTracking().SingleOrDefaultAsync(f => f.CaseId == caseId, ct);
        if (file?.Route != JudicialRoute.PetitesCreances)
            throw DomainException.Conflict("Choisissez d'abord la voie « petites créances » pour ce dossier.");
        if (file.SmallClaimsInvitedOn is { } invited)
            return await AlreadyMadeAsync(caseId, invited, ct);
        var commissaireId = r.CommissaireId ?? throw DomainException.Unprocessable(
            "Choisissez le commissaire de justice chargé de la procédure : la lettre doit indiquer son nom et son " +
            "étude (art. R.125-2 I 1° CPCE).",
            new Dictionary<string, string[]> { ["commissaireId"] = ["Choisissez le commissaire de justice."] });
        var commissaire = await db.Set<CommissaireDeJustice>().AsNoTracking()
            .SingleOrDefaultAsync(x => x.Id == commissaireId, ct) ?? throw DomainException.NotFound(
                "Commissaire de justice");
        var today = clock.Today();
        var a = await assessment.AssessAsync(c, today, ct);
        if (a.AmountsError is { } error) throw DomainException.Unprocessable(error);
        // The ceiling is measured as the routes measure it (JudicialRoutes.Decide): principal and interest.
        var principalAndInterest = a.Statement is { } s ? s.Principal + s.Interest : a.PrincipalRemaining;
        if (principalAndInterest <= 0m)
            throw DomainException.Conflict("Aucune somme n'est due : pas de proposition.");
        if (principalAndInterest > JudicialRoutes.SmallClaimsCeiling)
            throw DomainException.Unprocessable($"Le principal et les intérêts s'élèvent aujourd'hui à " +
                $"{CaseCommands.Money(principalAndInterest)} : au-delà de " +
                $"{CaseCommands.Money(JudicialRoutes.SmallClaimsCeiling)}, la procédure simplifiée de " +
                "recouvrement des petites créances n'est pas ouverte (art. R.125-1 CPCE). Choisissez une autre " +
                "voie.");

        var policy = await assessment.PolicyAsync(ct);
        var cabinet = await db.Cabinets.AsNoTracking().SingleOrDefaultAsync(ct);
        var data = LetterDataBuilder.Build(c, a, cabinet, policy, LetterDataBuilder.DefaultDeadlineDays,
            defaults.Any(d => d.InUse), StepChannel.Courrier);
        data["petites_creances"] = new Dictionary<string, object?>
        {
            ["commissaire"] = commissaire.Name, ["etude"] = commissaire.Office,
            ["email"] = string.IsNullOrWhiteSpace(commissaire.Email) ? null : commissaire.Email,
        };
        var source = await templates.GetAsync(Template, ct);
        byte[] docx;
        try { docx = engine.Render(source.Content, data); }
        catch (TemplateProblemsException e) { throw LetterService.TemplateProblems(Template, e.Problems); }
        var content = format == "pdf" ? await pdf.ConvertAsync(docx, ct) : docx;
        var letter = new LetterService.Letter(Template, source.Version, $"{c.Reference}-{Template}.{format}", format,
            content, LetterDataBuilder.Listed(c, a).Select(i => i.Number).ToList());
        var stored = letters.Keep(caseId, letter, today,
            $"principal et intérêts {CaseCommands.Money(principalAndInterest)}");
        // Records the invitation and saves the letter with it: one unit of work.
        await smallClaims.RecordAsync(caseId,
            new SmallClaimsEventRequest(SmallClaimsEventKind.Invitation, today, commissaire.Id, null), ct);
        return ToFile(stored);
    }

    private async Task<RequeteFile> AlreadyMadeAsync(Guid caseId, DateOnly invited, CancellationToken ct)
    {
        var letter = await letters.LatestAsync(caseId, Template, ct);
        return letter is not null ? ToFile(letter)
            : throw DomainException.Conflict("L'invitation du débiteur est déjà enregistrée, au " +
                $"{invited:dd/MM/yyyy}, sans courrier du cabinet : la proposition n'est plus à faire.");
    }

    private static RequeteFile ToFile(GeneratedLetter l) => new(l.FileName,
        l.Format == "pdf" ? "application/pdf"
            : "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        l.Content, l.Sha256);
}
