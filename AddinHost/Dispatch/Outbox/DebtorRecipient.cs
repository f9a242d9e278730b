using AddinHost.Cases;
using AddinHost.Cases.Money;
using AddinHost.Dispatch.Ar24;

namespace AddinHost.Dispatch.Outbox;

/// <summary>
/// The case's debtor as a recipient description for <see cref="Ar24Recipients"/>: a company by its name (and the
/// person the lawyer named to receive it, if any), a consumer by their full name. A letter addressed to someone else
/// (the debtor's counsel) builds its own description.
/// </summary>
public static class DebtorRecipient
{
    public static RecipientDescription Describe(Debtor debtor, string? firstname = null, string? lastname = null) =>
        // A non-professional legal person (an association) is named as an organisation too: only a consumer is a
        // natural person (C. conso., article liminaire).
        debtor.Kind != DebtorKind.Consommateur
            ? new(RecipientKind.Company, debtor.Email, null, firstname, lastname, debtor.Name)
            : new(RecipientKind.NaturalPerson, debtor.Email, debtor.Name, firstname, lastname);

    /// <summary>
    /// Whom the letter was written for: the debtor, or its counsel once the case records one (RIN art. 8.2). A lawyer
    /// receives as a professional, named in person; GUESS: AR24's material says nothing of lawyers, so the counsel's
    /// name stands as the « company » that makes AR24 treat the recipient as a professional.
    /// </summary>
    public static RecipientDescription Describe(Debtor debtor, LetterRecipient to, string? firstname,
        string? lastname)
    {
        if (!to.IsCounsel) return Describe(debtor, firstname, lastname);
        // The names typed when sending are the debtor's representative's: never the counsel's.
        var (first, last) = Ar24Recipients.SplitPersonName(to.Name);
        return new(RecipientKind.Company, to.Email, null, first, last, to.Name);
    }
}
