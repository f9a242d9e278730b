using System.Net;
using System.Security.Cryptography;
using AddinHost.Cases;
using AddinHost.Infrastructure;
using AddinHost.Infrastructure.Audit;
using AddinHost.Infrastructure.Auth;
using AddinHost.Infrastructure.Data;
using AddinHost.Infrastructure.Problems;
using Microsoft.EntityFrameworkCore;

namespace AddinHost.Judicial.HandOver;

/// <summary>The commissaire chosen and the order to join (a document of the case, as the court made it).</summary>
public sealed record HandOverRequest(Guid? CommissaireId, Guid? OrderDocumentId, string? Message);

/// <summary>A document of the case that may be the order (not filed as an invoice).</summary>
public sealed record OrderCandidateDto(Guid Id, string FileName, DateTimeOffset AddedAt, string Source);

/// <summary>A hand-over as the API shows it.</summary>
public sealed record HandOverDto(
    Guid Id, int Round, HandOverState State, string StateLabel, string ToName, string ToEmail, string OrderFileName,
    string ZipFileName, string ZipSha256, DateTimeOffset CreatedAt, DateTimeOffset? SentAt, string? FailureReason);

/// <summary>
/// Plans the hand-over of an injonction de payer to a commissaire de justice for service (CPC 1411: the order, with
/// the requête and the bordereau): checks the order can still be served, builds the court file, and records the
/// e-mail to send once from the lawyer's mailbox (<see cref="HandOverProcessor"/>). Never a second one while one is
/// planned or sent.
/// </summary>
public sealed class HandOverService(
    DunningDbContext db, CaseRepository cases, CourtFile courtFile, AuditTrail audit, CurrentActor actor,
    TimeProvider clock)
{
    public async Task<HandOverDto> PlanAsync(Guid caseId, HandOverRequest r, CancellationToken ct)
    {
        var commissaireId = r.CommissaireId ?? throw Problem.Validation("commissaireId",
            "Choisissez le commissaire de justice à qui remettre l'ordonnance.");
        var orderId = r.OrderDocumentId ?? throw Problem.Validation("orderDocumentId",
            "Joignez l'ordonnance : classez-la au dossier (pièce jointe du courriel du greffe) puis choisissez-la.");
        if (r.Message is { Length: > 2000 })
            throw Problem.Validation("message", "Le message dépasse 2 000 caractères.");
        var c = await cases.GetAsync(caseId, ct);
        var file = await db.Set<JudicialFile>().AsNoTracking().SingleOrDefaultAsync(f => f.CaseId == caseId, ct);
        if (file?.Route != JudicialRoute.InjonctionDePayer || file.OrderOn is not { } orderOn
            || file.OrderOutcome is null or OrderOutcome.Rejet)
            throw new DomainException("Enregistrez d'abord l'ordonnance portant injonction de payer : il n'y a " +
                "rien à signifier.", ErrorKind.Conflict);
        if (file.ServedOn is { } served)
            throw new DomainException($"L'ordonnance a déjà été signifiée le {served:dd/MM/yyyy}.",
                ErrorKind.Conflict);
        var schedule = InjunctionDeadlines.Compute(JudicialService.Facts(file), clock.Today());
        if (schedule.Lapsed)
            throw new DomainException($"L'ordonnance n'a pas été signifiée avant le {schedule.ServeBy:dd/MM/yyyy} : " +
                "elle est non avenue (art. 1411 CPC).", ErrorKind.Conflict);
        var commissaire = await db.Set<CommissaireDeJustice>().AsNoTracking()
            .SingleOrDefaultAsync(x => x.Id == commissaireId, ct)
            ?? throw DomainException.NotFound("Commissaire de justice");
        var order = await db.CaseDocuments.AsNoTracking()
            .SingleOrDefaultAsync(d => d.Id == orderId && d.CaseId == caseId, ct)
            ?? throw Problem.Validation("orderDocumentId", "Ce document n'est pas classé dans ce dossier.");
        var previous = await db.Set<ServiceHandOver>().AsNoTracking().Where(h => h.CaseId == caseId)
            .OrderByDescending(h => h.Round).FirstOrDefaultAsync(ct);
        if (previous is { State: not HandOverState.Failed })
            throw new DomainException($"L'ordonnance est déjà remise (ou en cours de remise) à {previous.ToName}, " +
                $"depuis le {previous.CreatedAt:dd/MM/yyyy} : elle ne part pas deux fois.",
                ErrorKind.Conflict);

        var (zipName, zip) = await courtFile.BuildAsync(caseId, ct); // the requête, the bordereau and the exhibits
        var cabinet = await db.Cabinets.AsNoTracking().FirstOrDefaultAsync(ct);
        var now = clock.GetUtcNow();
        var row = new ServiceHandOver
        {
            CaseId = caseId, Round = (previous?.Round ?? 0) + 1, State = HandOverState.Planned,
            CommissaireId = commissaire.Id, ToName = commissaire.Name, ToEmail = commissaire.Email,
            Subject = $"Signification d'une injonction de payer — {c.Debtor.Name} — dossier {c.Reference}",
            BodyHtml = Body(c, file, orderOn, schedule.ServeBy, commissaire, cabinet, r.Message),
            OrderFileName = SafeName(order.FileName, "ordonnance.pdf"), OrderContent = order.Content,
            ZipFileName = zipName, ZipContent = zip, ZipSha256 = Convert.ToHexStringLower(SHA256.HashData(zip)),
            CreatedAt = now, CreatedBy = actor.Id, UpdatedAt = now,
        };
        db.Add(row);
        JudicialHistory.Add(db, caseId, $"Remise à {commissaire.Name} ({commissaire.Email}) pour signification " +
            $"demandée : ordonnance du {orderOn:dd/MM/yyyy}, requête et dossier des pièces, par courriel depuis la " +
            $"boîte de l'avocat", clock.Today(), now, actor.Id);
        audit.Record("judiciaire.remise.demandee", nameof(RecoveryCase), caseId);
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException e) when (DbConflicts.IsConflict(e))
        {
            throw new DomainException("Une remise de ce dossier vient d'être demandée : elle ne part pas deux fois.",
                ErrorKind.Conflict);
        }
        return ToDto(row);
    }

    public async Task<IReadOnlyList<HandOverDto>> ListAsync(Guid caseId, CancellationToken ct)
    {
        await cases.GetAsync(caseId, ct); // 404 for a case of another firm
        var rows = await db.Set<ServiceHandOver>().AsNoTracking().Where(h => h.CaseId == caseId)
            .OrderBy(h => h.Round).ToListAsync(ct);
        return rows.Select(ToDto).ToList();
    }

    /// <summary>The case's documents not filed as an invoice: the order imported from the registry's e-mail is
    /// one.</summary>
    public async Task<IReadOnlyList<OrderCandidateDto>> OrderCandidatesAsync(Guid caseId, CancellationToken ct)
    {
        await cases.GetAsync(caseId, ct);
        // Sorted here: SQLite cannot order by a DateTimeOffset.
        var documents = await db.CaseDocuments.AsNoTracking().Where(d => d.CaseId == caseId && d.InvoiceNumber == null)
            .Select(d => new OrderCandidateDto(d.Id, d.FileName, d.AddedAt, d.Source)).ToListAsync(ct);
        return documents.OrderByDescending(d => d.AddedAt).ToList();
    }

    public static HandOverDto ToDto(ServiceHandOver h) => new(h.Id, h.Round, h.State, Label(h.State), h.ToName,
        h.ToEmail, h.OrderFileName, h.ZipFileName, h.ZipSha256, h.CreatedAt, h.SentAt, h.FailureReason);

    public static string Label(HandOverState s) => s switch
    {
        HandOverState.Planned => "Planifiée",
        HandOverState.Sending => "Envoi en cours",
        HandOverState.ToVerify => "À vérifier",
        HandOverState.Sent => "Courriel envoyé",
        _ => "Échec",
    };

    private static string SafeName(string name, string fallback) =>
        string.IsNullOrWhiteSpace(name) ? fallback : Path.GetFileName(name);

    private static string Body(RecoveryCase c, JudicialFile file, DateOnly orderOn, DateOnly? serveBy,
        CommissaireDeJustice to, Cabinet? cabinet, string? message)
    {
        static string H(string? s) => WebUtility.HtmlEncode(s ?? "");
        var debtor = $"{c.Debtor.Name}, {c.Debtor.Address}, {c.Debtor.PostalCode} {c.Debtor.City}".Trim(' ', ',');
        var court = file.FiledCourt ?? file.CourtName ?? "la juridiction";
        var number = file.CourtCaseNumber is { } n ? $" (n° {n})" : "";
        var lines = new List<string>
        {
            $"{H(to.Name)},",
            $"Nous vous prions de bien vouloir signifier à {H(debtor)} l'ordonnance portant injonction de payer " +
                $"rendue le {orderOn:dd/MM/yyyy} par le président du {H(court)}{H(number)}, avec une copie de la " +
                "requête et du bordereau des pièces (art. 1411 CPC).",
            serveBy is { } by
                ? $"L'ordonnance doit être signifiée au plus tard le {by:dd/MM/yyyy}, faute de quoi elle est non " +
                    "avenue (art. 1411 CPC)."
                : "",
            "Merci de nous indiquer si la signification a pu être faite à la personne du débiteur : le délai " +
                "d'opposition en dépend (art. 1416 CPC).",
            "Vous trouverez ci-joints l'ordonnance et le dossier (requête, pièces numérotées selon le bordereau, " +
                "manifeste des empreintes SHA-256).",
            string.IsNullOrWhiteSpace(message) ? "" : H(message.Trim()),
            $"Dossier {H(c.Reference)} — créancier : {H(c.Creditor.Name)}.",
            $"{H(cabinet?.SigningLawyer)}<br>{H(cabinet?.Name)}",
        };
        return string.Join("", lines.Where(l => l.Length > 0).Select(l => $"<p>{l}</p>"));
    }
}
