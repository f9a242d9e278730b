using AddinHost.Cases;
using AddinHost.Cases.Money;
using AddinHost.Cases.Planning;

namespace AddinHost.Letters;

/// <summary>Turns a case, as assessed on the letter's date, into the fields of <see cref="LetterFields"/>.</summary>
public static class LetterDataBuilder
{
    public const int DefaultDeadlineDays = 8;

    public static Dictionary<string, object?> Build(RecoveryCase c, CaseAssessment a, Cabinet? cabinet, ReminderPolicy policy,
        int deadlineDays, bool demonstration)
    {
        var statement = a.Statement;
        var byNumber = statement?.Invoices.ToDictionary(i => i.Number);
        var open = c.Invoices.Where(i => a.OpenByInvoice.GetValueOrDefault(i.Number) > 0m).OrderBy(i => i.DueDate).ThenBy(i => i.Number);
        var reminders = c.Events.Where(e => e.Kind == CaseEventKind.EtapeEffectuee && e.Level is { } l && l < policy.Levels.Count)
            .OrderBy(e => e.EffectiveOn)
            .Select(e => (object?)Map(("nom", policy.Levels[e.Level!.Value].Name), ("date", e.EffectiveOn)))
            .ToList();

        return Map(
            ("cabinet", Map(("nom", cabinet?.Name), ("adresse", cabinet?.Address), ("code_postal", cabinet?.PostalCode), ("ville", cabinet?.City))),
            ("avocat", Map(("nom", cabinet?.SigningLawyer), ("email", cabinet?.Email), ("barreau", cabinet?.Bar))),
            ("creancier", Map(("nom", c.Creditor.Name), ("siren", c.Creditor.Siren), ("adresse", c.Creditor.Address), ("code_postal", c.Creditor.PostalCode),
                ("ville", c.Creditor.City), ("est_cabinet", c.Creditor.Kind == CreditorKind.Cabinet))),
            ("debiteur", Map(("nom", c.Debtor.Name), ("siren", c.Debtor.Siren), ("adresse", c.Debtor.Address), ("code_postal", c.Debtor.PostalCode),
                ("ville", c.Debtor.City), ("email", c.Debtor.Email), ("professionnel", c.Debtor.Kind == DebtorKind.Professionnel),
                ("consommateur", c.Debtor.Kind == DebtorKind.Consommateur))),
            ("dossier", Map(("reference", c.Reference))),
            ("courrier", Map(("date", a.AsOf), ("lieu", cabinet?.City), ("demonstration", demonstration), ("apres_relances", reminders.Count > 0))),
            ("factures", open.Select(i =>
            {
                var s = byNumber?.GetValueOrDefault(i.Number);
                return (object?)Map(("numero", i.Number), ("date", i.IssueDate), ("echeance", i.DueDate), ("montant_ttc", i.AmountTtc),
                    ("reste_du", a.OpenByInvoice.GetValueOrDefault(i.Number)), ("jours_retard", s?.DaysLate ?? Math.Max(0, a.AsOf.DayNumber - i.DueDate.DayNumber)),
                    ("penalites", s?.InterestRemaining ?? 0m), ("indemnite", s?.Indemnity ?? 0m));
            }).ToList()),
            ("totaux", Map(("principal", a.PrincipalRemaining), ("penalites", statement?.Interest ?? 0m), ("indemnites", statement?.Indemnity ?? 0m),
                ("total", statement?.Total ?? a.PrincipalRemaining))),
            ("regime", Map(("libelle", statement?.Regime), ("fondement", statement?.LegalBasis))),
            ("delai", Map(("jours", deadlineDays), ("date", a.AsOf.AddDays(deadlineDays)))),
            ("paiement", Map(("iban", c.Creditor.Iban), ("bic", c.Creditor.Bic), ("lien", null), ("reference", c.Reference))),
            ("relances_precedentes", reminders));
    }

    private static Dictionary<string, object?> Map(params (string Key, object? Value)[] entries) =>
        entries.ToDictionary(e => e.Key, e => e.Value);
}
