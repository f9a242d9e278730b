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
        debtor.Kind == DebtorKind.Professionnel
            ? new(RecipientKind.Company, debtor.Email, null, firstname, lastname, debtor.Name)
            : new(RecipientKind.NaturalPerson, debtor.Email, debtor.Name, firstname, lastname);
}
