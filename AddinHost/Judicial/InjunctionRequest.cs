using System.Security.Cryptography;
using System.Text.RegularExpressions;
using AddinHost.Cases;
using AddinHost.Cases.Planning;
using AddinHost.Infrastructure;
using AddinHost.Infrastructure.Audit;
using AddinHost.Infrastructure.Auth;
using AddinHost.Infrastructure.Data;
using AddinHost.Infrastructure.Problems;
using AddinHost.Letters;
using AddinHost.Letters.Engine;
using AddinHost.Letters.Pdf;
using Microsoft.EntityFrameworkCore;

namespace AddinHost.Judicial;

/// <summary>The requête as a file, with its name and hash.</summary>
public sealed record RequeteFile(string FileName, string ContentType, byte[] Content, string Sha256);

/// <summary>
/// Merges the firm's « requete-injonction-de-payer » template with the case, as of today: the same fields and amounts
/// as the letters (so the requête's total is the case view's), the court the lawyer picked, the basis of the claim and
/// the bordereau (CPC 1407). Never guesses the court: without the lawyer's choice, no requête.
/// </summary>
public sealed partial class InjunctionRequest(
    DunningDbContext db, CaseRepository cases, CaseService assessment, TemplateStore templates, LetterEngine engine,
    IPdfConverter pdf, IEnumerable<EmbeddedDefault> defaults, AuditTrail audit, CurrentActor actor, TimeProvider clock)
{
    public const string Template = JudicialTemplateNames.Injunction;

    public async Task<RequeteFile> GenerateAsync(Guid caseId, string? format, CancellationToken ct)
    {
        format = (format ?? "docx").Trim().ToLowerInvariant();
        if (format is not ("docx" or "pdf")) throw Problem.Validation("format", "Formats possibles : docx ou pdf.");
        var c = await cases.GetAsync(caseId, ct);
        var file = await db.Set<JudicialFile>().AsNoTracking().SingleOrDefaultAsync(f => f.CaseId == caseId, ct);
        if (file?.Route != JudicialRoute.InjonctionDePayer)
            throw DomainException.Conflict("Choisissez d'abord la voie « injonction de payer » pour ce dossier.");
        if (file.CourtName is null || file.CourtKind is null)
            throw DomainException.Conflict("Choisissez d'abord la juridiction à saisir (PUT …/judiciaire/court) : " +
                "l'application ne la devine pas (articles 1406 et 43 du Code de procédure " +
                "civile).");
        var today = clock.Today();
        var a = await assessment.AssessAsync(c, today, ct);
        if (a.AmountsError is { } error) throw DomainException.Unprocessable(error);
        if (a.PrincipalRemaining <= 0m)
            throw DomainException.Conflict("Aucune somme n'est due : pas de requête.");
        var policy = await assessment.PolicyAsync(ct);
        var cabinet = await db.Cabinets.AsNoTracking().SingleOrDefaultAsync(ct);
        var data = LetterDataBuilder.Build(c, a, cabinet, policy, LetterDataBuilder.DefaultDeadlineDays,
            defaults.Any(d => d.InUse), StepChannel.Courrier);
        var pieces = Bordereau.For(c, a, policy);
        data["requete"] = new Dictionary<string, object?>
        {
            ["juridiction"] = file.CourtName,
            ["destinataire"] = Addressee(file.CourtKind.Value, file.CourtName),
            ["creancier_forme"] = LegalForm(c.Creditor.Name) ?? "[forme sociale à compléter]",
            ["fondement"] = Basis(c),
        };
        data["bordereau"] = pieces.Select(p => (object?)new Dictionary<string, object?>
            { ["numero"] = p.Number, ["intitule"] = p.Title }).ToList();
        var source = await templates.GetAsync(Template, ct);
        byte[] docx;
        try { docx = engine.Render(source.Content, data); }
        catch (TemplateProblemsException e) { throw LetterService.TemplateProblems(Template, e.Problems); }
        var content = format == "pdf" ? await pdf.ConvertAsync(docx, ct) : docx;
        var sha = Convert.ToHexStringLower(SHA256.HashData(content));
        History(c, $"Requête en injonction de payer générée ({format.ToUpperInvariant()}, {pieces.Count} pièces au " +
            $"bordereau, {CaseCommands.Money(a.Statement?.Total ?? a.PrincipalRemaining)}, SHA-256 {sha[..12]}…)");
        audit.Record("judiciaire.requete", nameof(RecoveryCase), c.Id);
        await db.SaveChangesAsync(ct);
        return new($"{c.Reference}-{Template}.{format}",
            format == "pdf" ? "application/pdf"
                : "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            content, sha);
    }

    /// <summary>« Monsieur le Président du tribunal de commerce de Grenoble »: how a requête is addressed.</summary>
    public static string Addressee(InjunctionCourtKind kind, string court) => kind switch
    {
        InjunctionCourtKind.JugeDesContentieuxDeLaProtection => $"Madame ou Monsieur le juge des contentieux de la " +
            $"protection du {court}",
        _ => $"Madame ou Monsieur le Président du {court}",
    };

    /// <summary>
    /// The basis of the claim (CPC 1405: a contractual cause; 1407: its basis stated): the contract the invoices carry
    /// out, binding on the parties (C. civ. 1103), and the late-payment rules of the regime.
    /// </summary>
    public static string Basis(RecoveryCase c) =>
        "Créance de nature contractuelle : factures émises en exécution du contrat conclu entre les parties, qui " +
        "tient lieu de loi à ceux qui l'ont fait (article 1103 du Code civil), demeurées impayées à leur échéance " +
        "malgré relances et mise en demeure (articles 1231-6 et 1344 du Code civil).";

    /// <summary>The legal form a company's name carries (« Menuiserie Bressan SAS »), spelt out; null when
    /// none.</summary>
    public static string? LegalForm(string name)
    {
        var m = FormPattern().Match(name);
        if (!m.Success) return null;
        return m.Groups[1].Value.ToUpperInvariant() switch
        {
            "SAS" => "société par actions simplifiée",
            "SASU" => "société par actions simplifiée unipersonnelle",
            "SARL" => "société à responsabilité limitée",
            "EURL" => "entreprise unipersonnelle à responsabilité limitée",
            "SA" => "société anonyme",
            "SNC" => "société en nom collectif",
            "SCI" => "société civile immobilière",
            "SCP" => "société civile professionnelle",
            "SELARL" => "société d'exercice libéral à responsabilité limitée",
            "SELAS" => "société d'exercice libéral par actions simplifiée",
            _ => null,
        };
    }

    [GeneratedRegex(@"(?:^|\s)(SASU|SAS|SARL|EURL|SA|SNC|SCI|SCP|SELARL|SELAS)(?:\s|$)",
        RegexOptions.NonBacktracking | RegexOptions.IgnoreCase)]
    private static partial Regex FormPattern();

    private void History(RecoveryCase c, string summary) =>
        JudicialHistory.Add(db, c.Id, summary, clock.Today(), clock.GetUtcNow(), actor.Id);
}
