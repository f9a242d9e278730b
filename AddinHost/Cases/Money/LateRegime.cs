namespace AddinHost.Cases.Money;

/// <summary>
/// The late-payment rules between two parties: L.441-10 penalties and the 40 € indemnity, or legal interest from the
/// notice; <see cref="LegalRate"/> is the legal rate's category, which follows the creditor (C. mon. fin. L.313-2).
/// </summary>
public sealed record LateRegime(bool Commercial, RateKind LegalRate, string Label, string LegalBasis,
    string ShortBasis);

/// <summary>Chooses the regime from both parties' qualities: a pure rule, so the case view, letters and CLI
/// agree.</summary>
public static class LateRegimes
{
    /// <summary>
    /// C. com. L.441-10 II and D.441-5 apply between professionals: a professional creditor and a debtor that bought
    /// for its professional activity, whatever its legal form. Every other pair falls under the general rules: legal
    /// interest from the mise en demeure (C. civ. 1231-6, 1344-1), at the rate of the creditor's category.
    /// </summary>
    public static LateRegime For(PartyKind creditor, DebtorKind debtor)
    {
        var legalRate = creditor == PartyKind.Consommateur ? RateKind.LegalParticulier : RateKind.LegalAutre;
        return creditor == PartyKind.Professionnel && debtor == DebtorKind.Professionnel
            ? new LateRegime(true, legalRate, LegalBasis.B2BRegime, LegalBasis.B2B, LegalBasis.B2BShort)
            : new LateRegime(false, legalRate, LegalBasis.ConsumerRegime,
                legalRate == RateKind.LegalParticulier ? LegalBasis.ConsumerFromParticulier : LegalBasis.Consumer,
                    LegalBasis.ConsumerShort);
    }
}
