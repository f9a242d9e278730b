using AddinHost.Cases.Money;

namespace AddinHost.Judicial;

/// <summary>What the dates of an injonction de payer give, each with the rule it comes from (French, shown as
/// is).</summary>
public sealed record InjunctionSchedule(
    DateOnly? ServeBy, string? ServeByRule,
    DateOnly? OppositionUntil, string? OppositionRule,
    DateOnly? EnforceableFrom, string? EnforceableRule,
    DateOnly? IncreasedRateFrom, string? IncreasedRateRule,
    DateOnly? EnforcementLimit, string? EnforcementLimitRule,
    bool Lapsed, bool Reformed2026);

/// <summary>The facts the schedule is computed from (all recorded by the lawyer).</summary>
public sealed record InjunctionFacts(
    DateOnly? OrderOn, OrderOutcome? Outcome, DateOnly? ServedOn, bool? ServedToPerson,
    DateOnly? FirstActToPersonOn, DateOnly? FreezingMeasureOn, DateOnly? OppositionOn, bool IncreaseWaived = false);

/// <summary>
/// The injonction de payer's deadlines, pure. Periods in months end on the day of the last month with the same number,
/// or the last day of that month when it has none (CPC 641, which is what <see cref="DateOnly.AddMonths"/> does).
/// <list type="bullet">
/// <item>Service: the order lapses (« non avenue ») when not served within six months of its date (CPC 1411 al. 2);
/// three months for orders made from <see cref="ReformFrom"/> (décret n° 2026-96 du 16 février 2026, JO du 17, in
/// force on
/// 1 April 2026: the press reports of its text say « trois mois » and that the injunction provisions apply to orders
/// made
/// from a later date, given in the brief as 1 September 2026 — UNCERTAIN until read in the JORF text). The date shown
/// is
/// never extended by CPC 642: a creditor should not rely on the extension for a lapse.</item>
/// <item>Opposition: within one month of service; when service was not to the person, until one month after the first
/// act served to the person or, failing that, the first enforcement measure that freezes all or part of the debtor's
/// assets (CPC 1416). A period ending on a Saturday, Sunday or public holiday runs to the next working day (CPC
/// 642).</item>
/// <item>Enforcement: the one-month period of CPC 1416 al. 1 and an opposition made within it suspend enforcement,
/// however the order was served; without opposition the order has the effects of a contradictory judgment (CPC 1422).
/// For orders from <see cref="ReformFrom"/>, the registry notifies oppositions only and the creditor may enforce when
/// no
/// notice of opposition came within two months of service (décret n° 2026-96, as reported: UNCERTAIN).</item>
/// <item>Two months after the decision became enforceable, the legal rate is increased by five points (C. mon. fin.
/// L.313-3 al. 1); the enforcement judge may waive or reduce it (al. 2).</item>
/// <item>The title is enforceable for ten years (CPCE L.111-4 al. 1, titles of L.111-3 1° to 3°), counted here from
/// the day it became enforceable, unless the claim's own prescription is longer.</item>
/// </list>
/// </summary>
public static class InjunctionDeadlines
{
    public static readonly DateOnly ReformFrom = new(2026, 9, 1);

    public static InjunctionSchedule Compute(InjunctionFacts f, DateOnly today)
    {
        if (f.OrderOn is not { } order || f.Outcome is null or OrderOutcome.Rejet)
            return new(null, null, null, null, null, null, null, null, null, null, false, false);
        var reformed = order >= ReformFrom;
        var months = reformed ? 3 : 6;
        var serveBy = order.AddMonths(months);
        var serveRule = reformed
            ? $"Ordonnance rendue à compter du {ReformFrom:dd/MM/yyyy} : à signifier dans les trois mois de sa date, " +
                $"sinon elle est non avenue (art. 1411 CPC, rédaction du décret n° 2026-96)."
            : "À signifier dans les six mois de sa date, sinon elle est non avenue (art. 1411 CPC).";
        var lapsed = f.ServedOn is null ? today > serveBy : f.ServedOn > serveBy;
        if (f.ServedOn is not { } served)
            return new(serveBy, serveRule, null, null, null, null, null, null, null, null, lapsed, reformed);
        if (lapsed)
            return new(serveBy, serveRule + $" Signifiée le {served:dd/MM/yyyy}, après ce délai : l'ordonnance est " +
                $"non avenue.",
                null, null, null, null, null, null, null, null, true, reformed);

        // CPC 1416: the debtor's period.
        DateOnly? oppositionUntil;
        string oppositionRule;
        if (f.ServedToPerson == true)
        {
            oppositionUntil = WorkingDays.OnOrAfter(served.AddMonths(1));
            oppositionRule = $"Signifiée à personne le {served:dd/MM/yyyy} : opposition recevable dans le mois (art. " +
                $"1416 al. 1 CPC), prorogé au premier jour ouvrable s'il finit un samedi, un dimanche ou un jour " +
                $"férié (art. 642 CPC).";
        }
        else if ((f.FirstActToPersonOn ?? f.FreezingMeasureOn) is { } from)
        {
            oppositionUntil = WorkingDays.OnOrAfter(from.AddMonths(1));
            oppositionRule = (f.FirstActToPersonOn is not null
                    ? $"Signification non faite à personne : opposition recevable jusqu'à un mois après le premier " +
                        $"acte signifié à personne, le {from:dd/MM/yyyy}"
                    : $"Signification non faite à personne : opposition recevable jusqu'à un mois après la première " +
                        $"mesure d'exécution rendant les biens du débiteur indisponibles, le {from:dd/MM/yyyy}")
                + " (art. 1416 al. 2 CPC ; art. 642 CPC).";
        }
        else
        {
            oppositionUntil = null;
            oppositionRule = "Signification non faite à personne : l'opposition reste recevable jusqu'à un mois " +
                "après le premier acte signifié à personne ou, à défaut, la première mesure d'exécution rendant les " +
                "biens du débiteur indisponibles (art. 1416 al. 2 CPC). Enregistrez ces actes.";
        }

        if (f.OppositionOn is { } opposed && (oppositionUntil is null || opposed <= oppositionUntil))
            return new(serveBy, serveRule, oppositionUntil, oppositionRule, null,
                $"Opposition formée le {opposed:dd/MM/yyyy} : l'exécution est suspendue, le tribunal statue sur la " +
                $"demande (art. 1417 et 1422 CPC).", null, null, null, null, false, reformed);

        // CPC 1422: the one-month period of 1416 al. 1 suspends enforcement whatever the mode of service.
        DateOnly enforceable;
        string enforceableRule;
        if (reformed)
        {
            enforceable = served.AddMonths(2).AddDays(1);
            enforceableRule = $"Ordonnance rendue à compter du 01/09/2026 : faute d'avis d'opposition du greffe dans " +
                $"les deux mois de la signification, le créancier peut en poursuivre l'exécution à compter du " +
                $"{enforceable:dd/MM/yyyy} (art. 1422 CPC, rédaction du décret n° 2026-96 — à confirmer au texte " +
                $"publié).";
        }
        else
        {
            enforceable = WorkingDays.OnOrAfter(served.AddMonths(1)).AddDays(1);
            enforceableRule = $"Sans opposition dans le mois de la signification, l'ordonnance produit tous les " +
                $"effets d'un jugement contradictoire et peut être exécutée à compter du {enforceable:dd/MM/yyyy} " +
                $"(art. 1416 al. 1 et 1422 CPC).";
        }
        var increased = EnforceableTitle.IncreaseStart(enforceable);
        var increasedRule = f.IncreaseWaived
            ? "Le juge de l'exécution a exonéré le débiteur de la majoration de cinq points (art. L.313-3 al. 2 C. " +
                "mon. fin.)."
            : $"Taux de l'intérêt légal majoré de cinq points à compter du {increased:dd/MM/yyyy}, deux mois après " +
                $"le jour où l'ordonnance est devenue exécutoire (art. L.313-3 al. 1 C. mon. fin.) ; le juge de " +
                $"l'exécution peut en exonérer le débiteur ou la réduire (al. 2).";
        var limit = enforceable.AddYears(10);
        return new(serveBy, serveRule, oppositionUntil, oppositionRule, enforceable, enforceableRule,
            f.IncreaseWaived ? null : increased, increasedRule,
            limit, $"Exécution possible pendant dix ans, jusqu'au {limit:dd/MM/yyyy} (art. L.111-4 et L.111-3 1° " +
                $"CPCE) : ce délai remplace la prescription de la créance.", false, reformed);
    }

    /// <summary>The legal rate with the L.313-3 increase on and after <paramref name="increasedFrom"/>.</summary>
    public static decimal LegalRateOn(decimal legalRatePercent, DateOnly day, DateOnly? increasedFrom) =>
        increasedFrom is { } from && day >= from ? legalRatePercent + 5m : legalRatePercent;
}

/// <summary>French working days: not a Saturday, a Sunday or a public holiday (C. trav. L.3133-1; metropolitan
/// list).</summary>
public static class WorkingDays
{
    /// <summary>The day itself if it is a working day, else the next one (CPC 642 al. 2).</summary>
    public static DateOnly OnOrAfter(DateOnly day)
    {
        while (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday || IsPublicHoliday(day))
            day = day.AddDays(1);
        return day;
    }

    public static bool IsPublicHoliday(DateOnly d)
    {
        if ((d.Month, d.Day) is (1, 1) or (5, 1) or (5, 8) or (7, 14) or (8, 15) or (11, 1) or (11, 11) or (12, 25))
            return true;
        var easter = EasterSunday(d.Year);
        return d == easter.AddDays(1) || d == easter.AddDays(39) || d == easter.AddDays(50);
    }

    /// <summary>Gregorian Easter Sunday (anonymous Gregorian algorithm, Meeus/Jones/Butcher).</summary>
    public static DateOnly EasterSunday(int year)
    {
        int a = year % 19, b = year / 100, c = year % 100, d = b / 4, e = b % 4, f = (b + 8) / 25, g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30, i = c / 4, k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451, month = (h + l - 7 * m + 114) / 31, day = (h + l - 7 * m + 114) % 31 + 1;
        return new DateOnly(year, month, day);
    }
}
