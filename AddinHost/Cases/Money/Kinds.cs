namespace AddinHost.Cases.Money;

/// <summary>
/// A debtor's quality (C. conso., article liminaire): a professional acting for its activity, whatever its legal form
/// (an SCI contracting for its activity is one, Cass. com. 21 oct. 2020, n° 18-25.749); a consumer, a natural person
/// outside a trade; a non-professional, a legal person not acting for professional purposes (an association without
/// professional activity). With the creditor's <see cref="PartyKind"/> it decides interest, indemnity and prescription.
/// </summary>
public enum DebtorKind { Professionnel, Consommateur, NonProfessionnel }

/// <summary>The same three qualities, for the creditor (C. conso., article liminaire; C. mon. fin. L.313-2 for the
/// rate).</summary>
public enum PartyKind { Professionnel, Consommateur, NonProfessionnel }

/// <summary>
/// The legal interest rate's two categories (C. mon. fin. L.313-2): a natural person not acting for professional needs,
/// or any other creditor. Derived from <see cref="PartyKind"/>; kept for the API's older callers.
/// </summary>
public enum CreditorCategory { Particulier, Autre }

public enum DayCount { Actual365, ActualActual }

public enum RateKind { BceRefinancement, LegalParticulier, LegalAutre }

public static class PartyKinds
{
    public static PartyKind AsParty(this DebtorKind kind) => (PartyKind)(int)kind;

    public static CreditorCategory Category(this PartyKind kind) =>
        kind == PartyKind.Consommateur ? CreditorCategory.Particulier : CreditorCategory.Autre;

    /// <summary>An older caller's category: a « particulier » is a consumer, « autre » the usual professional
    /// client.</summary>
    public static PartyKind FromCategory(CreditorCategory category) =>
        category == CreditorCategory.Particulier ? PartyKind.Consommateur : PartyKind.Professionnel;

    public static string Label(this DebtorKind kind) => kind.AsParty().Label();

    public static string Label(this PartyKind kind) => kind switch
    {
        PartyKind.Professionnel => "professionnel",
        PartyKind.Consommateur => "consommateur",
        _ => "non-professionnel",
    };
}
