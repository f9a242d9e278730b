using AddinHost.Cases.Money;
using AddinHost.Infrastructure;
using AddinHost.Infrastructure.Audit;
using AddinHost.Infrastructure.Auth;
using AddinHost.Infrastructure.Data;
using AddinHost.Infrastructure.Problems;

namespace AddinHost.Cases;

public sealed record SetPartiesRequest(PartyKind? CreditorKind, DebtorKind? DebtorKind);

/// <summary>The client's consent to contact the debtor (RIN 8.2); <c>ForAllDebtors</c> records it for every debtor of
/// the client.</summary>
public sealed record SetContactConsentRequest(bool? Consents, DateOnly? On, string? Evidence, bool? ForAllDebtors);

public sealed record SetCounselRequest(string? Name, string? Email, string? Address, string? PostalCode, string? City);
public sealed record SetFeeAgreementRequest(DateOnly? SignedOn, string? Reference, FeeAgreementExemption? Exemption);
public sealed record SetCourtRequest(CourtKind? Kind, string? City);
public sealed record SetCompletionRequest(DateOnly? CompletedOn);

/// <summary>A step whose letter the lawyer holds for an « interpellation suffisante » (C. civ. 1344), and its receipt
/// if known.</summary>
public sealed record MarkInterpellationRequest(int? Level, DateOnly? ReceivedOn);

/// <summary>The lawyer's changes to a case's legal data; each writes the history and the audit log, with ids
/// only.</summary>
public sealed class CaseLegalCommands(
    DunningDbContext db, CaseRepository cases, CaseService service, AuditTrail audit, CurrentActor actor,
        TimeProvider clock)
{
    private const int MaxText = 200;

    public async Task SetPartiesAsync(Guid caseId, SetPartiesRequest r, CancellationToken ct)
    {
        var c = await cases.GetAsync(caseId, ct, tracking: true);
        if (r.CreditorKind is null && r.DebtorKind is null)
            throw Problem.Validation("debtorKind",
                "Indiquez le type du débiteur ou du créancier : Professionnel, Consommateur ou NonProfessionnel.");
        if (r.CreditorKind is { } creditor && creditor != PartyKind.Professionnel && c.Creditor.Kind
            == CreditorKind.Cabinet)
            throw Problem.Validation("creditorKind",
                "Le cabinet réclame ses honoraires pour son activité professionnelle : il est un créancier " +
                "professionnel.");
        if (r.CreditorKind is { } ck && ck != c.Creditor.Quality)
        {
            c.Creditor.Quality = ck;
            audit.Record("creancier.type", nameof(Creditor), c.Creditor.Id);
        }
        if (r.DebtorKind is { } dk && dk != c.Debtor.Kind)
        {
            c.Debtor.Kind = dk;
            audit.Record("debiteur.type", nameof(Debtor), c.Debtor.Id);
        }
        var regime = LateRegimes.For(c.Creditor.Quality, c.Debtor.Kind);
        Event(c,
            $"Qualité des parties : créancier {c.Creditor.Quality.Label()}, débiteur {c.Debtor.Kind.Label()} — " +
            $"{regime.Label.ToLowerInvariant()}");
        await db.SaveChangesAsync(ct);
    }

    public async Task SetContactConsentAsync(Guid caseId, SetContactConsentRequest r, CancellationToken ct)
    {
        var c = await cases.GetAsync(caseId, ct, tracking: true);
        var consents = r.Consents ?? throw Problem.Validation("consents",
            "Indiquez si le client a donné son accord (true) ou l'a retiré (false).");
        if (c.Creditor.Kind == CreditorKind.Cabinet)
            throw DomainException.Conflict(
                "Pour ses propres honoraires, le cabinet n'a pas d'accord de client à recueillir.");
        var on = r.On ?? clock.Today();
        if (on > clock.Today()) throw Problem.Validation("on", "La date de l'accord ne peut pas être dans le futur.");
        if (r.Evidence is { Length: > 500 }) throw Problem.Validation("evidence", "Le texte dépasse 500 caractères.");
        var evidence = string.IsNullOrWhiteSpace(r.Evidence) ? null : r.Evidence.Trim();
        var all = r.ForAllDebtors == true;
        if (!consents && !all && c.ContactConsentOn is null && c.Creditor.ContactConsentOn is not null)
            throw DomainException.Conflict(
                "L'accord de ce client vaut pour tous ses débiteurs : retirez-le pour tous, ou mettez ce dossier en " +
                "pause.");
        if (all)
            (c.Creditor.ContactConsentOn, c.Creditor.ContactConsentEvidence) = consents ? (on, evidence)
                : ((DateOnly?)null, (string?)null);
        (c.ContactConsentOn, c.ContactConsentEvidence) = consents && !all ? (on, evidence)
            : ((DateOnly?)null, (string?)null);
        Event(c, consents
            ? $"Accord du client pour contacter {(all ? "tous ses débiteurs" : "le débiteur")} (RIN art. 8.2), donné " +
                $"le {on:dd/MM/yyyy}"
            : $"Accord du client pour contacter {(all ? "ses débiteurs" : "le débiteur")} retiré le {on:dd/MM/yyyy} " +
                $": aucun courrier ne partira");
        audit.Record(consents ? "dossier.accord-client" : "dossier.retrait-accord-client", nameof(RecoveryCase), c.Id);
        await db.SaveChangesAsync(ct);
    }

    public async Task SetCounselAsync(Guid caseId, SetCounselRequest r, CancellationToken ct)
    {
        var c = await cases.GetAsync(caseId, ct, tracking: true);
        var name = r.Name?.Trim();
        if (string.IsNullOrEmpty(name)) throw Problem.Validation("name",
            "Indiquez le nom de l'avocat du débiteur, par exemple « Maître Paul Girard ».");
        foreach (var (field, value) in new[] { ("name", name), ("email", r.Email), ("address", r.Address),
            ("postalCode", r.PostalCode), ("city", r.City) })
            if (value is { Length: > MaxText }) throw Problem.Validation(field, $"{MaxText} caractères au plus.");
        var email = string.IsNullOrWhiteSpace(r.Email) ? null : r.Email.Trim();
        if (email is not null && !Import.FrenchValues.IsEmail(email)) throw Problem.Validation("email",
            "Adresse électronique de l'avocat invalide.");
        if (email is null && string.IsNullOrWhiteSpace(r.Address))
            throw Problem.Validation("address",
                "Indiquez l'adresse électronique ou postale de l'avocat : c'est à lui que les courriers iront.");
        var first = !c.HasCounsel;
        (c.CounselName, c.CounselEmail, c.CounselAddress, c.CounselPostalCode, c.CounselCity) =
            (name, email, Blank(r.Address), Blank(r.PostalCode), Blank(r.City));
        Event(c,
            first ? "Débiteur représenté par un avocat : les courriers iront à son conseil, non au débiteur (RIN " +
            "art. 8.2)"
            : "Coordonnées de l'avocat du débiteur modifiées");
        audit.Record("dossier.conseil", nameof(RecoveryCase), c.Id);
        await db.SaveChangesAsync(ct);
    }

    public async Task RemoveCounselAsync(Guid caseId, CancellationToken ct)
    {
        var c = await cases.GetAsync(caseId, ct, tracking: true);
        if (!c.HasCounsel) throw DomainException.Conflict("Aucun avocat du débiteur n'est enregistré sur ce dossier.");
        (c.CounselName, c.CounselEmail, c.CounselAddress, c.CounselPostalCode, c.CounselCity) =
            (null, null, null, null, null);
        Event(c, "L'avocat du débiteur ne le représente plus : les courriers iront de nouveau au débiteur");
        audit.Record("dossier.conseil-retire", nameof(RecoveryCase), c.Id);
        await db.SaveChangesAsync(ct);
    }

    public async Task SetFeeAgreementAsync(Guid caseId, SetFeeAgreementRequest r, CancellationToken ct)
    {
        var c = await cases.GetAsync(caseId, ct, tracking: true);
        if (c.Creditor.Kind != CreditorKind.Cabinet)
            throw DomainException.Conflict("La convention d'honoraires ne concerne que les honoraires du cabinet.");
        if (r.SignedOn is null && r.Exemption is null)
            throw Problem.Validation("signedOn",
                "Indiquez la date de la convention d'honoraires, ou pourquoi il n'y en a pas : Urgence, ForceMajeure " +
                "ou AideJuridictionnelleTotale (loi n° 71-1130, art. 10).");
        if (r.SignedOn is not null && r.Exemption is not null)
            throw Problem.Validation("exemption",
                "Une convention signée ne se cumule pas avec un motif de dispense : indiquez l'un ou l'autre.");
        if (r.SignedOn > clock.Today()) throw Problem.Validation("signedOn",
            "La date de la convention ne peut pas être dans le futur.");
        if (r.Reference is { Length: > 100 }) throw Problem.Validation("reference", "100 caractères au plus.");
        (c.FeeAgreementOn, c.FeeAgreementReference, c.FeeAgreementExemption) =
            (r.SignedOn, Blank(r.Reference), r.Exemption);
        Event(c,
            r.SignedOn is { } on ? $"Convention d'honoraires du {on:dd/MM/yyyy} enregistrée (loi n° 71-1130, art. 10)"
            : $"Pas de convention d'honoraires : {Describe(r.Exemption!.Value)} (loi n° 71-1130, art. 10)");
        audit.Record("dossier.convention-honoraires", nameof(RecoveryCase), c.Id);
        await db.SaveChangesAsync(ct);
    }

    public async Task SetCourtAsync(Guid caseId, SetCourtRequest r, CancellationToken ct)
    {
        var c = await cases.GetAsync(caseId, ct, tracking: true);
        if (r.City is { Length: > 100 }) throw Problem.Validation("city", "100 caractères au plus.");
        (c.CourtKind, c.CourtCity) = (r.Kind, Blank(r.City));
        Event(c, $"Juridiction retenue : {Courts.For(c, clock.Today()).Name}");
        audit.Record("dossier.juridiction", nameof(RecoveryCase), c.Id);
        await db.SaveChangesAsync(ct);
    }

    public async Task SetCompletionAsync(Guid caseId, Guid invoiceId, SetCompletionRequest r, CancellationToken ct)
    {
        var c = await cases.GetAsync(caseId, ct, tracking: true);
        var invoice = c.Invoices.SingleOrDefault(i => i.Id == invoiceId) ?? throw DomainException.NotFound("Facture");
        var on = r.CompletedOn ?? throw Problem.Validation("completedOn", c.Creditor.Kind == CreditorKind.Cabinet
            ? "Indiquez la date de fin du mandat : la prescription des honoraires en court."
            : "Indiquez la date d'achèvement de la prestation : la prescription contre un consommateur en court.");
        if (on > clock.Today()) throw Problem.Validation("completedOn", "Cette date ne peut pas être dans le futur.");
        invoice.CompletedOn = on;
        Event(c,
            $"Facture {invoice.Number} : " +
            $"{(c.Creditor.Kind == CreditorKind.Cabinet ? "fin du mandat" : "prestation achevée")} le {on:dd/MM/yyyy}");
        audit.Record("facture.achevement", nameof(Invoice), invoice.Id);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// Marks an earlier letter as an « interpellation suffisante » (C. civ. 1344): its receipt, not only the mise en
    /// demeure's, then starts legal interest. Only a step taken, and not the mise en demeure itself, can be marked.
    /// </summary>
    public async Task MarkInterpellationAsync(Guid caseId, MarkInterpellationRequest r, CancellationToken ct)
    {
        var c = await cases.GetAsync(caseId, ct, tracking: true);
        var policy = await service.PolicyAsync(ct);
        var level = r.Level ?? throw Problem.Validation("level",
            "Indiquez l'étape dont le courrier vaut interpellation suffisante.");
        var step = c.Events.FirstOrDefault(e => e.Kind == CaseEventKind.EtapeEffectuee && e.Level == level)
            ?? throw Problem.Validation("level", "Cette étape n'a pas été faite sur ce dossier.");
        if (level < policy.Levels.Count && policy.Levels[level].IsNotice)
            throw Problem.Validation("level",
                "La mise en demeure fait déjà courir les intérêts : seule une lettre antérieure se marque.");
        if (c.Events.Any(e => e.Kind == CaseEventKind.InterpellationSuffisante && e.Level == level))
            throw DomainException.Conflict("Cette lettre est déjà marquée comme interpellation suffisante.");
        if (r.ReceivedOn is { } received)
        {
            if (received > clock.Today()) throw Problem.Validation("receivedOn",
                "La date de réception ne peut pas être dans le futur.");
            if (received < step.EffectiveOn) throw Problem.Validation("receivedOn",
                "La réception ne peut pas précéder l'envoi de la lettre.");
            if (c.Events.Any(e => e.Kind == CaseEventKind.CourrierRecu && e.Level == level))
                throw DomainException.Conflict("La réception de cette lettre est déjà connue (preuve de l'envoi).");
            Event(c,
                $"« {step.StepName ?? policy.Levels.ElementAtOrDefault(level)?.Name} » reçue le {received:dd/MM/yyyy}",
                CaseEventKind.CourrierRecu, level, received);
        }
        var name = step.StepName ?? policy.Levels.ElementAtOrDefault(level)?.Name ?? $"Étape {level + 1}";
        Event(c,
            $"« {name} » vaut interpellation suffisante (art. 1344 C. civ.) : les intérêts au taux légal courent de " +
            $"sa réception",
            CaseEventKind.InterpellationSuffisante, level);
        audit.Record("dossier.interpellation", nameof(RecoveryCase), c.Id);
        await db.SaveChangesAsync(ct);
    }

    private void Event(RecoveryCase c, string summary, CaseEventKind kind = CaseEventKind.FicheJuridique,
        int? level = null, DateOnly? on = null) =>
        CaseHistory.Record(db, c.Id,
            new(kind, summary, actor.Id, clock.GetUtcNow()) { EffectiveOn = on ?? clock.Today(), Level = level });

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    private static string Describe(FeeAgreementExemption e) => e switch
    {
        FeeAgreementExemption.Urgence => "urgence",
        FeeAgreementExemption.ForceMajeure => "force majeure",
        _ => "aide juridictionnelle totale",
    };
}
