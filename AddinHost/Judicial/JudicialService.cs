using AddinHost.Cases;
using AddinHost.Cases.Money;
using AddinHost.Infrastructure;
using AddinHost.Infrastructure.Audit;
using AddinHost.Infrastructure.Auth;
using AddinHost.Infrastructure.Data;
using AddinHost.Infrastructure.Problems;
using Microsoft.EntityFrameworkCore;

namespace AddinHost.Judicial;

/// <summary>
/// A case's judicial phase: the routes offered, the lawyer's choices, the injonction de payer's events. Every change
/// writes the case's history (through <see cref="History"/>) and the audit log (ids only) in the same save.
/// </summary>
public sealed class JudicialService(
    DunningDbContext db, CaseRepository cases, CaseService assessment, AuditTrail audit, CurrentActor actor,
    TimeProvider clock)
{
    private const int MaxText = 200;

    public async Task<JudicialView> ViewAsync(Guid caseId, CancellationToken ct)
    {
        var c = await cases.GetAsync(caseId, ct);
        var file = await db.Set<JudicialFile>().AsNoTracking().SingleOrDefaultAsync(f => f.CaseId == caseId, ct);
        return await ViewAsync(c, file, ct);
    }

    private async Task<JudicialView> ViewAsync(RecoveryCase c, JudicialFile? file, CancellationToken ct)
    {
        var today = clock.Today();
        var a = await assessment.AssessAsync(c, today, ct);
        var decision = JudicialRoutes.Decide(c, a, await assessment.PolicyAsync(ct), file);
        var competence = InjunctionCourts.For(c, file, today);
        string? warning = null;
        if (file?.CourtName is null)
            warning = $"Aucune juridiction choisie : choisissez le {InjunctionCourts.Label(competence.Kind)} " +
                $"compétent pour " +
                (competence.DebtorCommune is { } commune ? $"{commune}" : "l'adresse du débiteur (inconnue)") +
                " ; l'application ne la devine pas.";
        else if (file.CourtKind != competence.Kind)
            warning = $"La juridiction choisie ({file.CourtName}) n'est pas du type proposé " +
                $"({InjunctionCourts.Label(competence.Kind)}) : vérifiez la compétence.";
        InjunctionView? injunction = null;
        var deadlines = new List<JudicialDeadline>();
        if (file is not null && (file.FiledOn is not null || file.Route == JudicialRoute.InjonctionDePayer))
        {
            var schedule = InjunctionDeadlines.Compute(Facts(file), today);
            injunction = new(file.FiledOn, file.FiledCourt, file.CourtCaseNumber, file.OrderOn, file.OrderOutcome,
                file.OrderAmount, file.ServedOn, file.ServedToPerson, file.ServiceReference, file.FirstActToPersonOn,
                file.FreezingMeasureOn,
                file.OppositionOn, schedule);
            deadlines.AddRange(Deadlines(c, file, schedule));
        }
        return new(c.Id, c.Reference, decision, file?.Route, file?.RouteChosenOn, InjunctionCourts.NatureOf(c, file),
            file?.Nature is not null, new CourtView(competence, file?.CourtKind, file?.CourtName, warning), injunction,
            deadlines.Where(d => d.On >= today).OrderBy(d => d.On).ToList(), SmallClaims.View(file, today));
    }

    /// <summary>The case's judicial dates still to come, for the calendar (kinds named as the calendar's).</summary>
    public async Task<IReadOnlyList<JudicialDeadline>> DeadlinesAsync(RecoveryCase c, CancellationToken ct)
    {
        var file = await db.Set<JudicialFile>().AsNoTracking().SingleOrDefaultAsync(f => f.CaseId == c.Id, ct);
        if (file?.OrderOn is null) return [];
        var today = clock.Today();
        return Deadlines(c, file, InjunctionDeadlines.Compute(Facts(file), today)).Where(d => d.On >= today).ToList();
    }

    /// <summary>The dates of an injonction de payer the lawyer must act on, for the case view and the
    /// calendar.</summary>
    public static IEnumerable<JudicialDeadline> Deadlines(RecoveryCase c, JudicialFile file, InjunctionSchedule s)
    {
        if (s.ServeBy is { } serveBy && file.ServedOn is null && !s.Lapsed)
            yield return new("SignificationInjonction", serveBy,
                $"Dernier jour pour signifier l'injonction de payer, sinon non avenue (art. 1411 CPC) — " +
                $"{c.Debtor.Name}");
        if (s.OppositionUntil is { } until && file.OppositionOn is null)
            yield return new("FinOpposition", until, $"Fin du délai d'opposition à l'injonction de payer (art. 1416 " +
                $"CPC) — {c.Debtor.Name}");
        if (s.EnforceableFrom is { } from)
            yield return new("ForceExecutoire", from, $"Injonction de payer exécutoire à défaut d'opposition (art. " +
                $"1422 CPC) — {c.Debtor.Name}");
        if (s.IncreasedRateFrom is { } increased)
            yield return new("MajorationTauxLegal", increased,
                $"Taux de l'intérêt légal majoré de cinq points (art. L.313-3 C. mon. fin.) — {c.Debtor.Name}");
    }

    /// <summary>
    /// The title the case holds for the interest calculator: an order served in time and not opposed within the
    /// period is a court decision enforceable from the schedule's date (CPC 1422); otherwise none.
    /// </summary>
    public static EnforceableTitle? TitleOf(JudicialFile f, DateOnly today) =>
        InjunctionDeadlines.Compute(Facts(f), today) is { EnforceableFrom: { } from, Lapsed: false }
            ? new EnforceableTitle(from, TitleKind.DecisionDeJustice, f.IncreaseWaived)
            : null;

    public static InjunctionFacts Facts(JudicialFile f) => new(f.OrderOn, f.OrderOutcome, f.ServedOn, f.ServedToPerson,
        f.FirstActToPersonOn, f.FreezingMeasureOn, f.OppositionOn, f.IncreaseWaived);

    public async Task<JudicialView> ChooseRouteAsync(Guid caseId, ChooseRouteRequest r, CancellationToken ct)
    {
        var route = r.Route ?? throw Problem.Validation("route", "Indiquez la voie choisie : " +
            string.Join(", ", Enum.GetNames<JudicialRoute>()) + ".");
        if (r.Note is { Length: > 500 }) throw Problem.Validation("note", "La note dépasse 500 caractères.");
        var (c, file) = await LoadAsync(caseId, ct);
        var a = await assessment.AssessAsync(c, clock.Today(), ct);
        var decision = JudicialRoutes.Decide(c, a, await assessment.PolicyAsync(ct), file);
        if (!decision.Reached)
            throw DomainException.Conflict(decision.Situation);
        var option = decision.Options.FirstOrDefault(o => o.Route == route)
            ?? throw DomainException.Conflict(
                $"La voie « {JudicialRoutes.Label(route)} » n'est pas ouverte pour ce dossier"
                + (decision.StoppedBy is { } why ? $" : {why}" : "."));
        if (!option.Fits)
            throw DomainException.Conflict(
                $"La voie « {JudicialRoutes.Label(route)} » ne convient pas : {option.Reason}");
        if (file.FiledOn is not null && route != JudicialRoute.InjonctionDePayer)
            throw DomainException.Conflict(
                $"La requête en injonction de payer a été déposée le {file.FiledOn:dd/MM/yyyy} " +
                $": la voie ne peut plus être changée ici (désistement à faire auprès du " +
                $"greffe).");
        if (file.Route == route) return await ViewAsync(c, file, ct);
        var previous = file.Route;
        (file.Route, file.RouteChosenOn, file.RouteChosenBy, file.UpdatedAt) =
            (route, clock.Today(), actor.Id, clock.GetUtcNow());
        var what = previous is null
            ? $"voie choisie — {JudicialRoutes.Label(route)}"
            : $"voie changée ({JudicialRoutes.Label(previous.Value)} → {JudicialRoutes.Label(route)})";
        var note = string.IsNullOrWhiteSpace(r.Note) ? "" : $" Note : {r.Note.Trim()}";
        History(c, $"Phase judiciaire : {what}. {option.Reason}{note}");
        audit.Record("judiciaire.voie", nameof(RecoveryCase), c.Id);
        await db.SaveChangesAsync(ct);
        return await ViewAsync(c, file, ct);
    }

    public async Task<JudicialView> SetSituationAsync(Guid caseId, JudicialSituationRequest r, CancellationToken ct)
    {
        if (r.Nature is null && r.Insolvency is null && r.DebtorCountry is null && r.ClearInsolvency != true)
            throw Problem.Validation("nature", "Indiquez la nature de la créance (Commerciale, Civile, " +
                "BailHabitation, CreditConsommation), la procédure collective du débiteur ou son pays.");
        if (r.Insolvency is not null && r.InsolvencyOpenedOn is null)
            throw Problem.Validation("insolvencyOpenedOn", "Indiquez la date du jugement d'ouverture de la procédure " +
                "collective.");
        if (r.InsolvencyOpenedOn > clock.Today())
            throw Problem.Validation("insolvencyOpenedOn", "La date du jugement d'ouverture ne peut pas être dans le " +
                "futur.");
        var country = r.DebtorCountry?.Trim().ToUpperInvariant();
        if (country is not null && (country.Length != 2 || !country.All(char.IsAsciiLetterUpper)))
            throw Problem.Validation("debtorCountry", "Indiquez le pays du débiteur par son code à deux lettres (ISO " +
                "3166-1), par exemple « BE » ou « FR ».");
        var (c, file) = await LoadAsync(caseId, ct);
        var changes = new List<string>();
        if (r.Nature is { } nature && nature != file.Nature)
        {
            file.Nature = nature;
            changes.Add($"créance {Describe(nature)}");
        }
        if (r.ClearInsolvency == true && file.Insolvency is not null)
        {
            (file.Insolvency, file.InsolvencyOpenedOn) = (null, null);
            changes.Add("plus de procédure collective enregistrée");
        }
        else if (r.Insolvency is { } kind)
        {
            (file.Insolvency, file.InsolvencyOpenedOn) = (kind, r.InsolvencyOpenedOn);
            changes.Add($"débiteur en {JudicialRoutes.Describe(kind)} depuis le {r.InsolvencyOpenedOn:dd/MM/yyyy} " +
                $"(art. L.622-21 C. com. : plus d'action en paiement)");
        }
        if (country is not null && country != (file.DebtorCountry ?? "FR"))
        {
            file.DebtorCountry = country == "FR" ? null : country;
            changes.Add($"débiteur établi : {country}");
        }
        if (changes.Count > 0)
        {
            file.UpdatedAt = clock.GetUtcNow();
            History(c, "Phase judiciaire : " + string.Join(" ; ", changes));
            audit.Record("judiciaire.situation", nameof(RecoveryCase), c.Id);
            await db.SaveChangesAsync(ct);
        }
        return await ViewAsync(c, file, ct);
    }

    public async Task<JudicialView> ChooseCourtAsync(Guid caseId, CourtChoiceRequest r, CancellationToken ct)
    {
        var kind = r.Kind ?? throw Problem.Validation("kind", "Indiquez le type de juridiction : " +
            string.Join(", ", Enum.GetNames<InjunctionCourtKind>()) + ".");
        var name = r.Name?.Trim();
        var prefix = kind == InjunctionCourtKind.JugeDesContentieuxDeLaProtection
            ? "tribunal" : InjunctionCourts.Label(kind);
        if (string.IsNullOrEmpty(name))
            throw Problem.Validation("name", $"Indiquez le nom de la juridiction, par exemple « " +
                $"{InjunctionCourts.Label(kind)} de Grenoble ».");
        if (name.Length > MaxText) throw Problem.Validation("name", $"{MaxText} caractères au plus.");
        if (!name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            throw Problem.Validation("name", $"Le nom doit commencer par « {prefix} » pour ce type de juridiction " +
                (kind == InjunctionCourtKind.JugeDesContentieuxDeLaProtection
                    ? "(le juge des contentieux de la protection siège au tribunal judiciaire ou au tribunal de " +
                        "proximité)."
                    : $"(par exemple « {InjunctionCourts.Label(kind)} de Grenoble »)."));
        var (c, file) = await LoadAsync(caseId, ct);
        if (file.FiledOn is not null)
            throw DomainException.Conflict($"La requête a été déposée le {file.FiledOn:dd/MM/yyyy} devant " +
                $"{file.FiledCourt} : la juridiction ne peut plus être changée.");
        (file.CourtKind, file.CourtName, file.UpdatedAt) = (kind, name, clock.GetUtcNow());
        var competence = InjunctionCourts.For(c, file, clock.Today());
        History(c, $"Phase judiciaire : juridiction choisie par l'avocat — {name}" +
            (competence.DebtorCommune is { } commune ? $" (débiteur : {commune})" : "") +
            (competence.Kind != kind ? $" ; type différent de celui proposé " +
                $"({InjunctionCourts.Label(competence.Kind)})" : ""));
        audit.Record("judiciaire.juridiction", nameof(RecoveryCase), c.Id);
        await db.SaveChangesAsync(ct);
        return await ViewAsync(c, file, ct);
    }

    public async Task<JudicialView> RecordEventAsync(Guid caseId, InjunctionEventRequest r, CancellationToken ct)
    {
        var kind = r.Kind ?? throw Problem.Validation("kind", "Indiquez l'événement : " +
            string.Join(", ", Enum.GetNames<InjunctionEventKind>()) + ".");
        var on = r.On ?? throw Problem.Validation("on", "Indiquez la date de l'événement.");
        if (on > clock.Today()) throw Problem.Validation("on", "La date ne peut pas être dans le futur.");
        var texts = new[]
        {
            ("court", r.Court, MaxText), ("caseNumber", r.CaseNumber, 60), ("reference", r.Reference, 100),
        };
        foreach (var (field, value, max) in texts)
            if (value is { Length: var length } && length > max)
                throw Problem.Validation(field, $"{max} caractères au plus.");
        var (c, file) = await LoadAsync(caseId, ct);
        if (file.Route != JudicialRoute.InjonctionDePayer)
            throw DomainException.Conflict("Choisissez d'abord la voie « injonction de payer » pour ce " +
                "dossier.");
        string summary;
        switch (kind)
        {
            case InjunctionEventKind.Depot:
                Once(file.FiledOn, "Le dépôt de la requête");
                var court = Blank(r.Court) ?? file.CourtName ?? throw Problem.Validation("court",
                    "Indiquez la juridiction saisie, ou choisissez-la d'abord dans la phase judiciaire.");
                (file.FiledOn, file.FiledCourt, file.CourtCaseNumber) = (on, court, Blank(r.CaseNumber));
                summary = $"Requête en injonction de payer déposée le {on:dd/MM/yyyy} au greffe du {court}" +
                    (file.CourtCaseNumber is { } n ? $" (n° {n})" : "") + " (art. 1407 CPC)";
                break;
            case InjunctionEventKind.Ordonnance:
                Once(file.OrderOn, "L'ordonnance");
                var filed = file.FiledOn ?? throw DomainException.Conflict("Enregistrez d'abord le dépôt de la " +
                    "requête.");
                NotBefore(on, filed, "le dépôt de la requête");
                var outcome = r.Outcome ?? throw Problem.Validation("outcome", "Indiquez la décision : Totale, " +
                    "Partielle ou Rejet.");
                if (outcome == OrderOutcome.Partielle && r.Amount is not > 0m)
                    throw Problem.Validation("amount", "Indiquez le montant retenu par l'ordonnance partielle.");
                if (r.Amount is < 0m) throw Problem.Validation("amount", "Le montant ne peut pas être négatif.");
                (file.OrderOn, file.OrderOutcome, file.OrderAmount) =
                    (on, outcome, outcome == OrderOutcome.Rejet ? null : r.Amount);
                file.CourtCaseNumber = Blank(r.CaseNumber) ?? file.CourtCaseNumber;
                var s = InjunctionDeadlines.Compute(Facts(file), clock.Today());
                summary = outcome switch
                {
                    OrderOutcome.Rejet => $"Requête rejetée par ordonnance du {on:dd/MM/yyyy} : pas de recours, mais " +
                        $"la voie du droit commun reste ouverte (art. 1409 CPC)",
                    _ => $"Ordonnance portant injonction de payer du {on:dd/MM/yyyy}, " +
                        (outcome == OrderOutcome.Totale ? "pour le tout" : $"pour partie " +
                            $"({CaseCommands.Money(r.Amount!.Value)})") +
                        $", revêtue de la formule exécutoire (art. 1410 CPC) ; à signifier au plus tard le " +
                        $"{s.ServeBy:dd/MM/yyyy}",
                };
                break;
            case InjunctionEventKind.Signification:
                Once(file.ServedOn, "La signification");
                var order = file.OrderOn is { } o && file.OrderOutcome is not OrderOutcome.Rejet ? o
                    : throw DomainException.Conflict("Enregistrez d'abord l'ordonnance portant injonction de " +
                        "payer.");
                NotBefore(on, order, "l'ordonnance");
                var toPerson = r.ToPerson ?? throw Problem.Validation("toPerson",
                    "Indiquez si la signification a été faite à la personne du débiteur (true) ou non (false) : le " +
                    "délai d'opposition en dépend (art. 1416 CPC).");
                (file.ServedOn, file.ServedToPerson, file.ServiceReference) = (on, toPerson, Blank(r.Reference));
                var served = InjunctionDeadlines.Compute(Facts(file), clock.Today());
                summary = served.Lapsed
                    ? $"Injonction de payer signifiée le {on:dd/MM/yyyy}, après le {served.ServeBy:dd/MM/yyyy} : " +
                        $"ordonnance non avenue (art. 1411 CPC)"
                    : $"Injonction de payer signifiée le {on:dd/MM/yyyy} " +
                        $"{(toPerson ? "à personne" : "autrement qu'à personne")}" +
                      (served.OppositionUntil is { } u ? $" ; opposition possible jusqu'au {u:dd/MM/yyyy}" : "") +
                      (served.EnforceableFrom is { } e ? $" ; exécutoire à défaut d'opposition à compter du " +
                          $"{e:dd/MM/yyyy}" : "");
                break;
            case InjunctionEventKind.PremierActeAPersonne or InjunctionEventKind.MesureIndisponibilite:
                var servedOn = file.ServedOn ?? throw DomainException.Conflict("Enregistrez d'abord la " +
                    "signification.");
                if (file.ServedToPerson == true)
                    throw DomainException.Conflict(
                        "La signification a été faite à personne : le délai d'opposition court " +
                        "déjà d'elle.");
                NotBefore(on, servedOn, "la signification");
                if (kind == InjunctionEventKind.PremierActeAPersonne)
                {
                    Once(file.FirstActToPersonOn, "Le premier acte signifié à personne");
                    file.FirstActToPersonOn = on;
                    summary = $"Premier acte signifié à la personne du débiteur le {on:dd/MM/yyyy} (art. 1416 al. 2 " +
                        $"CPC)";
                }
                else
                {
                    Once(file.FreezingMeasureOn, "La première mesure d'exécution");
                    file.FreezingMeasureOn = on;
                    summary = $"Première mesure d'exécution rendant les biens du débiteur indisponibles le " +
                        $"{on:dd/MM/yyyy} (art. 1416 al. 2 CPC)";
                }
                break;
            case InjunctionEventKind.ExonerationMajoration:
                if (file.IncreaseWaived)
                    throw new DomainException("L'exonération de la majoration est déjà enregistrée.",
                        ErrorKind.Conflict);
                if (InjunctionDeadlines.Compute(Facts(file), clock.Today()).EnforceableFrom is null)
                    throw new DomainException("L'ordonnance n'est pas exécutoire : il n'y a pas de majoration du " +
                        "taux légal dont exonérer le débiteur (art. L.313-3 C. mon. fin.).",
                        ErrorKind.Conflict);
                file.IncreaseWaived = true;
                summary = $"Le juge de l'exécution a exonéré le débiteur de la majoration de cinq points du taux " +
                    $"légal le {on:dd/MM/yyyy} (art. L.313-3 al. 2 C. mon. fin.)";
                break;
            default:
                Once(file.OppositionOn, "L'opposition");
                var servedFirst = file.ServedOn ?? throw DomainException.Conflict("Enregistrez d'abord la " +
                    "signification.");
                NotBefore(on, servedFirst, "la signification");
                var before = InjunctionDeadlines.Compute(Facts(file), on);
                file.OppositionOn = on;
                summary = before.OppositionUntil is { } until && on > until
                    ? $"Opposition formée le {on:dd/MM/yyyy}, après la fin du délai ({until:dd/MM/yyyy}) : à " +
                        $"contester comme tardive"
                    : $"Opposition formée le {on:dd/MM/yyyy} : l'exécution est suspendue, le tribunal statue (art. " +
                        $"1417 CPC)";
                break;
        }
        file.UpdatedAt = clock.GetUtcNow();
        await cases.SetTitleAsync(c.Id, TitleOf(file, clock.Today()), ct);
        History(c, summary, on);
        audit.Record("judiciaire.injonction." + kind.ToString().ToLowerInvariant(), nameof(RecoveryCase), c.Id);
        await db.SaveChangesAsync(ct);
        return await ViewAsync(c, file, ct);
    }

    private async Task<(RecoveryCase, JudicialFile)> LoadAsync(Guid caseId, CancellationToken ct)
    {
        var c = await cases.GetAsync(caseId, ct);
        var file = await db.Set<JudicialFile>().SingleOrDefaultAsync(f => f.CaseId == caseId, ct);
        if (file is null)
        {
            file = new JudicialFile { CaseId = caseId, UpdatedAt = clock.GetUtcNow() };
            db.Add(file);
        }
        return (c, file);
    }

    private void History(RecoveryCase c, string summary, DateOnly? on = null) =>
        JudicialHistory.Add(db, c.Id, summary, on ?? clock.Today(), clock.GetUtcNow(), actor.Id);

    private static void Once(DateOnly? existing, string what)
    {
        if (existing is { } d)
            throw DomainException.Conflict($"{what} est déjà enregistré(e), au " +
                $"{d:dd/MM/yyyy}.");
    }

    private static void NotBefore(DateOnly on, DateOnly earlier, string what)
    {
        if (on < earlier) throw Problem.Validation("on", $"Cette date ne peut pas précéder {what} " +
            $"({earlier:dd/MM/yyyy}).");
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    private static string Describe(ClaimNature n) => n switch
    {
        ClaimNature.Commerciale => "commerciale",
        ClaimNature.BailHabitation => "née d'un bail d'habitation",
        ClaimNature.CreditConsommation => "née d'un crédit à la consommation",
        _ => "civile",
    };
}
