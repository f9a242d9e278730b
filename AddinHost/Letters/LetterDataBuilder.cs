using AddinHost.Cases;
using AddinHost.Cases.Money;
using AddinHost.Cases.Planning;

namespace AddinHost.Letters;

/// <summary>Turns a case, as assessed on the letter's date, into the fields of <see cref="LetterFields"/>.</summary>
public static class LetterDataBuilder
{
    public const int DefaultDeadlineDays = 8;

    /// <summary><paramref name="channel"/> is the way the letter really leaves: it names it and words the
    /// deadline.</summary>
    public static Dictionary<string, object?> Build(RecoveryCase c, CaseAssessment a, Cabinet? cabinet,
        ReminderPolicy policy,
        int deadlineDays, bool demonstration, StepChannel channel)
    {
        var statement = a.Statement;
        var byNumber = statement?.Invoices.ToDictionary(i => i.Number);
        var listed = Listed(c, a);
        var reminders = EarlierSteps(c, policy, a.AsOf);
        var to = LetterRecipients.For(c);
        var regime = LateRegimes.For(c.Creditor.Quality, c.Debtor.Kind);
        var court = Courts.For(c, a.AsOf);
        var principalAndInterest = a.PrincipalRemaining + (statement?.Interest ?? 0m);

        return Map(
            ("cabinet", Map(("nom", cabinet?.Name), ("adresse", cabinet?.Address), ("code_postal", cabinet?.PostalCode),
                ("ville", cabinet?.City))),
            ("avocat", Map(("nom", cabinet?.SigningLawyer), ("email", cabinet?.Email), ("barreau", cabinet?.Bar))),
            ("creancier", Map(("nom", c.Creditor.Name), ("siren", c.Creditor.Siren), ("adresse", c.Creditor.Address),
                ("code_postal", c.Creditor.PostalCode),
                ("ville", c.Creditor.City), ("est_cabinet", c.Creditor.Kind == CreditorKind.Cabinet),
                ("professionnel", c.Creditor.Quality == PartyKind.Professionnel))),
            ("debiteur", Map(("nom", c.Debtor.Name), ("siren", c.Debtor.Siren), ("adresse", c.Debtor.Address),
                ("code_postal", c.Debtor.PostalCode),
                ("ville", c.Debtor.City), ("email", c.Debtor.Email),
                    ("professionnel", c.Debtor.Kind == DebtorKind.Professionnel),
                ("consommateur", c.Debtor.Kind == DebtorKind.Consommateur),
                    ("non_professionnel", c.Debtor.Kind == DebtorKind.NonProfessionnel))),
            ("destinataire", Map(("nom", to.Name), ("adresse", to.Address), ("code_postal", to.PostalCode),
                ("ville", to.City), ("email", to.Email),
                ("confrere", to.IsCounsel))),
            ("dossier", Map(("reference", c.Reference))),
            ("courrier", Map(("date", a.AsOf), ("lieu", cabinet?.City), ("demonstration", demonstration),
                ("apres_relances", reminders.Count > 0),
                ("mode_envoi", ChannelMentions.For(channel)),
                    ("recommande_electronique", channel is StepChannel.Ere or StepChannel.LreQualifiee),
                ("postal", channel == StepChannel.Courrier), ("courriel", channel == StepChannel.Email))),
            ("factures", listed.Select(i =>
            {
                var s = byNumber?.GetValueOrDefault(i.Number);
                return (object?)Map(("numero", i.Number), ("date", i.IssueDate), ("echeance", i.DueDate),
                    ("montant_ttc", i.AmountTtc),
                    ("reste_du", a.OpenByInvoice.GetValueOrDefault(i.Number)),
                        ("jours_retard", s?.DaysLate ?? Math.Max(0, a.AsOf.DayNumber - i.DueDate.DayNumber)),
                    ("penalites", s?.InterestRemaining ?? 0m), ("indemnite", s?.Indemnity ?? 0m),
                    ("periodes", (s?.Periods ?? []).Select(p => (object?)Period(p)).ToList()));
            }).ToList()),
            ("decompte", listed.SelectMany(i => (byNumber?.GetValueOrDefault(i.Number)?.Periods ?? [])
                .Select(p => (object?)Period(p, i.Number))).ToList()),
            ("totaux", Map(("principal", a.PrincipalRemaining), ("penalites", statement?.Interest ?? 0m),
                ("indemnites", statement?.Indemnity ?? 0m),
                ("credit", statement?.Credit ?? 0m), ("total", statement?.Total ?? a.PrincipalRemaining),
                    ("principal_et_interets", principalAndInterest))),
            ("interets", Map(("depuis", regime.Commercial ? null : a.NoticeReceivedOn))),
            ("regime", Map(("libelle", regime.Label), ("fondement", regime.LegalBasis), ("articles", regime.ShortBasis),
                ("penalites", regime.Commercial), ("interets_legaux", !regime.Commercial))),
            ("delai", Map(("jours", deadlineDays), ("point_de_depart", ReplyDeadlines.StartPhrase(channel)),
                ("date", ReplyDeadlines.FixedDate(channel, a.AsOf, deadlineDays)))),
            ("procedure", Map(("juridiction", court.Name), ("article_refere", court.RefereArticle),
                ("petites_creances", principalAndInterest > 0m && principalAndInterest
                    <= LegalMentions.SmallClaimsCeiling))),
            ("paiement", Map(("iban", c.Creditor.Iban), ("bic", c.Creditor.Bic), ("lien", null),
                ("reference", c.Reference))),
            ("relances_precedentes", reminders),
            // RIN 8.2 governs letters to the opposing party: not to its counsel, nor to the firm's own client.
            ("mentions", Map(("conseil_avocat", to.IsCounsel || c.Creditor.Kind == CreditorKind.Cabinet ? null
                : LegalMentions.ConseilAvocat))),
            ("honoraires", Map(("convention", c.FeeAgreementOn is not null), ("convention_date", c.FeeAgreementOn),
                ("convention_reference", c.FeeAgreementReference))),
            ("mediateur", Map(("nom", cabinet?.MediatorName), ("adresse", cabinet?.MediatorAddress),
                ("email", cabinet?.MediatorEmail),
                ("site", cabinet?.MediatorWebsite))));
    }

    /// <summary>Every invoice with anything still owed on it: principal, penalties or interest, or the indemnity of a
    /// late payment.</summary>
    public static List<Invoice> Listed(RecoveryCase c, CaseAssessment a)
    {
        var byNumber = a.Statement?.Invoices.ToDictionary(i => i.Number);
        return c.Invoices
            .Where(i => a.OpenByInvoice.GetValueOrDefault(i.Number) > 0m
                        || byNumber?.GetValueOrDefault(i.Number) is { } s
                            && (s.InterestRemaining > 0m || s.Indemnity > 0m))
            .OrderBy(i => i.DueDate).ThenBy(i => i.Number, StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// The steps a letter may cite as earlier reminders: by the name they had when taken, with the invoices they
    /// covered, leaving out courtesy messages sent before those invoices fell due (they were not reminders of a debt in
    /// arrears).
    /// </summary>
    public static List<object?> EarlierSteps(RecoveryCase c, ReminderPolicy policy, DateOnly asOf)
    {
        var dueDates = c.Invoices.ToDictionary(i => i.Number, i => i.DueDate);
        return c.Events.Where(e => e.Kind == CaseEventKind.EtapeEffectuee && e.Level is not null && e.EffectiveOn
            <= asOf)
            .OrderBy(e => e.EffectiveOn).ThenBy(e => e.Level)
            .Select(e =>
            {
                var covered = e.InvoiceNumbers.Count > 0 ? e.InvoiceNumbers
                    : c.Invoices.Where(i => i.IssueDate <= e.EffectiveOn).Select(i => i.Number).ToList();
                return (Event: e, Covered: covered);
            })
            .Where(x => !(x.Covered.Count > 0 && x.Covered.All(n => dueDates.TryGetValue(n, out var due) && due
                >= x.Event.EffectiveOn)))
            .Select(x => (object?)Map(
                ("nom", x.Event.StepName ?? (x.Event.Level < policy.Levels.Count
                    ? policy.Levels[x.Event.Level!.Value].Name : $"Étape {x.Event.Level + 1}")),
                ("date", x.Event.EffectiveOn), ("factures", string.Join(", ", x.Covered))))
            .ToList();
    }

    private static Dictionary<string, object?> Period(InterestPeriod p, string? invoice = null)
    {
        var period = Map(("du", p.From), ("au", p.To), ("jours", p.Days), ("taux", p.RatePercent),
            ("base", p.Principal), ("montant", p.Amount));
        if (invoice is not null) period["facture"] = invoice;
        return period;
    }

    private static Dictionary<string, object?> Map(params (string Key, object? Value)[] entries) =>
        entries.ToDictionary(e => e.Key, e => e.Value);
}
