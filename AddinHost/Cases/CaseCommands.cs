using System.Globalization;
using AddinHost.Cases.Planning;
using AddinHost.Infrastructure;
using AddinHost.Infrastructure.Audit;
using AddinHost.Infrastructure.Auth;
using AddinHost.Infrastructure.Data;
using AddinHost.Infrastructure.Problems;

namespace AddinHost.Cases;

/// <summary>The changes a user makes to a case; each writes the history and the audit log in the same
/// transaction.</summary>
public sealed class CaseCommands(
    DunningDbContext db, CaseRepository cases, CaseService service, AuditTrail audit, CurrentActor actor,
        TimeProvider clock)
{
    private static readonly CultureInfo Fr = CultureInfo.GetCultureInfo("fr-FR");
    private const int MaxTextLength = 500;

    public async Task<PaymentDto> RecordPaymentAsync(Guid caseId, RecordPaymentRequest r, CancellationToken ct)
    {
        var today = clock.Today();
        var c = await cases.GetAsync(caseId, ct, tracking: true);
        var amount = r.Amount ?? throw Problem.Validation("amount", "Le montant du règlement est obligatoire.");
        if (amount <= 0m) throw Problem.Validation("amount", "Le montant du règlement doit être positif.");
        if (decimal.Round(amount, 2) != amount) throw Problem.Validation("amount",
            "Le montant du règlement a au plus deux décimales (centimes).");
        var date = r.Date ?? today;
        if (date > today) throw Problem.Validation("date", "La date du règlement ne peut pas être dans le futur.");
        Invoice? invoice = null;
        if (r.InvoiceId is { } invoiceId)
            invoice = c.Invoices.SingleOrDefault(i => i.Id == invoiceId)
                ?? throw Problem.Validation("invoiceId", "Cette facture n'appartient pas au dossier.");
        CheckText("reference", r.Reference);

        var owed = (await service.AssessAsync(c, today, ct)).Statement?.Total ?? c.Invoices.Sum(i => i.AmountTtc)
            - c.Payments.Sum(p => p.Amount);
        if (amount > owed)
            throw Problem.Validation("amount",
                $"Le règlement ({Money(amount)}) dépasse le total dû ({Money(owed)}) : enregistrez l'excédent comme " +
                $"avoir dans la comptabilité.");

        var payment = new Payment { CaseId = c.Id, Date = date, Amount = amount, InvoiceId = invoice?.Id,
            Reference = r.Reference?.Trim(), Source = PaymentSource.Saisie };
        db.Payments.Add(payment);
        AddEvent(c, CaseEventKind.PaiementEnregistre, date,
            $"Règlement de {Money(amount)} du {date:dd/MM/yyyy}" + (invoice is null
                ? " (imputation légale : dettes échues d'abord, la plus chère puis la plus ancienne, art. 1342-10 C. " +
                    "civ.)"
                : $" sur la facture {invoice.Number}"));
        audit.Record("paiement.enregistre", nameof(Payment), payment.Id);
        await db.SaveChangesAsync(ct);
        return new PaymentDto(payment.Id, payment.Date, payment.Amount, invoice?.Number, payment.Reference,
            payment.Source);
    }

    public async Task<PauseDto> OpenPauseAsync(Guid caseId, OpenPauseRequest r, CancellationToken ct)
    {
        var today = clock.Today();
        var c = await cases.GetAsync(caseId, ct, tracking: true);
        var kind = r.Kind ?? throw Problem.Validation("kind",
            "Le motif de la pause est obligatoire : Litige, PromesseDePaiement, Echeancier ou Suspension.");
        if (kind == PauseKind.PromesseDePaiement && r.Until is null)
            throw Problem.Validation("until", "Une promesse de paiement doit indiquer la date promise.");
        if (r.Until is { } until && until < today)
            throw Problem.Validation("until", "La date de fin de pause est déjà passée.");
        CheckText("reason", r.Reason);
        if (c.Pauses.Any(p => p.Kind == kind && p.Window().IsActiveOn(today)))
            throw DomainException.Conflict(
                "Une pause de ce type est déjà en cours sur ce dossier : levez-la ou modifiez-la d'abord.");

        var pause = new Pause { CaseId = c.Id, Kind = kind, StartedOn = today, Until = r.Until,
            Reason = r.Reason?.Trim() };
        db.Pauses.Add(pause);
        var window = new PauseWindow(kind, today, r.Until, null);
        AddEvent(c, CaseEventKind.PauseOuverte, today, $"Pause ouverte : {LadderPlanner.PauseLabel(window)}");
        audit.Record("pause.ouverte", nameof(Pause), pause.Id);
        await db.SaveChangesAsync(ct);
        return new PauseDto(pause.Id, pause.Kind, pause.StartedOn, pause.Until, null, pause.Reason, true);
    }

    public async Task LiftPauseAsync(Guid caseId, Guid pauseId, CancellationToken ct)
    {
        var today = clock.Today();
        var c = await cases.GetAsync(caseId, ct, tracking: true);
        var pause = c.Pauses.SingleOrDefault(p => p.Id == pauseId) ?? throw DomainException.NotFound("Pause");
        if (!pause.Window().IsActiveOn(today))
            throw DomainException.Conflict("Cette pause n'est plus en cours : rien à lever.");
        pause.LiftedOn = today;
        AddEvent(c, CaseEventKind.PauseLevee, today, $"Pause levée : {LadderPlanner.PauseLabel(pause.Window())}");
        audit.Record("pause.levee", nameof(Pause), pause.Id);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// A written acknowledgement: it restarts prescription for the invoices it names, and only those (C. civ. 2240);
    /// naming none, it acknowledges every invoice of the case issued by then.
    /// </summary>
    public async Task<AcknowledgementDto> RecordAcknowledgementAsync(Guid caseId, RecordAcknowledgementRequest r,
        CancellationToken ct)
    {
        var today = clock.Today();
        var c = await cases.GetAsync(caseId, ct, tracking: true);
        var date = r.Date ?? throw Problem.Validation("date", "La date de la reconnaissance de dette est obligatoire.");
        if (date > today) throw Problem.Validation("date",
            "La date de la reconnaissance de dette ne peut pas être dans le futur.");
        CheckText("note", r.Note);
        var ids = (r.InvoiceIds ?? []).Distinct().ToList();
        var named = new List<Invoice>();
        foreach (var id in ids)
            named.Add(c.Invoices.SingleOrDefault(i => i.Id == id)
                ?? throw Problem.Validation("invoiceIds", "Une des factures désignées n'appartient pas au dossier."));
        if (named.FirstOrDefault(i => i.IssueDate > date) is { } later)
            throw Problem.Validation("invoiceIds",
                $"La facture {later.Number} est postérieure à la reconnaissance de dette : elle ne peut pas y " +
                $"figurer.");
        var ack = new Acknowledgement { CaseId = c.Id, Date = date, Note = r.Note?.Trim(), InvoiceIds = ids };
        db.Acknowledgements.Add(ack);
        AddEvent(c, CaseEventKind.ReconnaissanceDeDette, date,
            $"Reconnaissance de dette du {date:dd/MM/yyyy} : la prescription repart (art. 2240 C. civ.) " +
            (named.Count == 0 ? "pour toutes les factures émises à cette date"
                : $"pour {(named.Count == 1 ? "la facture" : "les factures")} " +
                string.Join(", ", named.Select(i => i.Number).Order(StringComparer.Ordinal))));
        audit.Record("reconnaissance.enregistree", nameof(Acknowledgement), ack.Id);
        await db.SaveChangesAsync(ct);
        return ToDto(ack, c);
    }

    public static AcknowledgementDto ToDto(Acknowledgement a, RecoveryCase c) => new(a.Id, a.Date, a.Note,
        a.InvoiceIds.Select(id => c.Invoices.FirstOrDefault(i => i.Id == id)?.Number).OfType<string>()
            .Order(StringComparer.Ordinal).ToList());

    /// <summary>Records a step taken outside the product (a call, a letter posted by hand).</summary>
    public async Task RecordStepAsync(Guid caseId, RecordStepRequest r, CancellationToken ct)
    {
        var today = clock.Today();
        var c = await cases.GetAsync(caseId, ct, tracking: true);
        var policy = await service.PolicyAsync(ct);
        var level = r.Level ?? throw Problem.Validation("level", "Le numéro d'étape est obligatoire.");
        if (level < 0 || level >= policy.Levels.Count)
            throw Problem.Validation("level",
                $"L'étape {level} n'existe pas dans la politique (0 à {policy.Levels.Count - 1}).");
        var date = r.Date ?? today;
        if (date > today) throw Problem.Validation("date", "La date de l'étape ne peut pas être dans le futur.");
        if (c.Events.Any(e => e.Kind == CaseEventKind.EtapeEffectuee && e.Level == level))
            throw DomainException.Conflict(
                $"L'étape « {policy.Levels[level].Name} » est déjà enregistrée sur ce dossier.");
        // The step keeps its name and the invoices then open, so later letters cite it as it was (C. civ. 1344
        // history).
        var open = (await service.AssessAsync(c, date, ct)).OpenByInvoice.Where(kv => kv.Value > 0m)
            .Select(kv => kv.Key).Order(StringComparer.Ordinal).ToList();
        var step = AddEvent(c, CaseEventKind.EtapeEffectuee, date, $"Étape effectuée : {policy.Levels[level].Name}",
            level);
        step.StepName = policy.Levels[level].Name;
        step.InvoiceNumbers = open;
        audit.Record("etape.enregistree", nameof(RecoveryCase), c.Id);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// The day the debtor received the formal notice sent outside the product (or refused it, or left it uncollected):
    /// legal interest and the notice's deadline run from it. <c>Level</c> names the step when it is known.
    /// </summary>
    public async Task RecordNoticeReceiptAsync(Guid caseId, RecordNoticeReceiptRequest r, CancellationToken ct)
    {
        var today = clock.Today();
        var c = await cases.GetAsync(caseId, ct, tracking: true);
        var date = r.Date ?? throw Problem.Validation("date",
            "La date de réception de la mise en demeure est obligatoire.");
        if (date > today) throw Problem.Validation("date", "La date de réception ne peut pas être dans le futur.");
        if (r.Level is { } level)
        {
            var step = c.Events.FirstOrDefault(e => e.Kind == CaseEventKind.EtapeEffectuee && e.Level == level)
                ?? throw Problem.Validation("level", "Cette étape n'a pas été faite sur ce dossier.");
            if (date < step.EffectiveOn) throw Problem.Validation("date",
                "La réception ne peut pas précéder l'envoi de la mise en demeure.");
        }
        if (c.Events.Any(e => e.Kind == CaseEventKind.MiseEnDemeureRecue))
            throw DomainException.Conflict("La réception de la mise en demeure est déjà enregistrée sur ce dossier.");
        AddEvent(c, CaseEventKind.MiseEnDemeureRecue, date, $"Mise en demeure reçue le {date:dd/MM/yyyy}", r.Level);
        audit.Record("mise-en-demeure.reception", nameof(RecoveryCase), c.Id);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>A consumer's consent to electronic registered mail (CPCE L.100), or its withdrawal: it decides between
    /// AR24 and La Poste.</summary>
    public async Task RecordConsentAsync(Guid caseId, RecordConsentRequest r, CancellationToken ct)
    {
        var c = await cases.GetAsync(caseId, ct, tracking: true);
        var consents = r.Consents ?? throw Problem.Validation("consents",
            "Indiquez si le débiteur accepte (true) ou refuse (false) la lettre recommandée électronique.");
        var on = r.On ?? clock.Today();
        if (on > clock.Today()) throw Problem.Validation("on",
            "La date du consentement ne peut pas être dans le futur.");
        CheckText("evidence", r.Evidence);
        if (c.Debtor.ConsentsToElectronicRegisteredMail == consents) return;
        c.Debtor.ConsentsToElectronicRegisteredMail = consents;
        AddEvent(c, CaseEventKind.ConsentementEre, on, (consents
            ? $"Le débiteur accepte la lettre recommandée électronique (consentement du {on:dd/MM/yyyy})"
            : $"Le débiteur retire son accord à la lettre recommandée électronique ({on:dd/MM/yyyy}) : les courriers " +
                $"recommandés partiront par La Poste")
            + (string.IsNullOrWhiteSpace(r.Evidence) ? "" : $" — {r.Evidence.Trim()}"));
        audit.Record(consents ? "debiteur.consentement-ere" : "debiteur.retrait-consentement-ere", nameof(Debtor),
            c.Debtor.Id);
        await db.SaveChangesAsync(ct);
    }

    private CaseEvent AddEvent(RecoveryCase c, CaseEventKind kind, DateOnly effectiveOn, string summary,
        int? level = null)
    {
        return CaseHistory.Record(db, c.Id,
            new(kind, summary, actor.Id, clock.GetUtcNow()) { EffectiveOn = effectiveOn, Level = level });
    }

    private static void CheckText(string field, string? value)
    {
        if (value is { Length: > MaxTextLength })
            throw Problem.Validation(field, $"Le texte dépasse {MaxTextLength} caractères.");
    }

    public static string Money(decimal amount) => amount.ToString("#,##0.00", Fr) + " €";
}
