namespace AddinHost.Cases.Money;

/// <summary>Changes the regime: L.441-10 penalties for a company, legal interest for a consumer.</summary>
public enum DebtorKind { Professionnel, Consommateur }

/// <summary>Picks the legal interest rate (L.313-2 C. mon. fin.): a natural person outside a trade, or any other creditor.</summary>
public enum CreditorCategory { Particulier, Autre }

public enum DayCount { Actual365, ActualActual }

public enum RateKind { BceRefinancement, LegalParticulier, LegalAutre }
