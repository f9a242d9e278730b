using AddinHost.Cases.Money;
using AddinHost.Cases.Planning;

namespace AddinHost.Cases;

/// <summary>
/// Who a case's letters go to. <see cref="IsProfessional"/> decides whether electronic registered mail needs the
/// recipient's prior consent (CPCE L.100: only a recipient who is not a professional must have agreed).
/// </summary>
public sealed record LetterRecipient(
    string Name, string? Email, string? Address, string? PostalCode, string? City,
    bool IsCounsel, bool IsProfessional, bool ConsentsToElectronicRegisteredMail)
{
    /// <summary>How the recipient is named in French explanations.</summary>
    public string Role => IsCounsel ? "le conseil du débiteur" : "le débiteur";
}

public static class LetterRecipients
{
    /// <summary>
    /// The debtor, or once the case records its lawyer, that lawyer: a party known to be represented is written to
    /// through its counsel only (RIN art. 8.2 and 8.3), and a lawyer is a professional recipient.
    /// </summary>
    public static LetterRecipient For(RecoveryCase c) => c.HasCounsel
        ? new LetterRecipient(c.CounselName!.Trim(), c.CounselEmail, c.CounselAddress, c.CounselPostalCode,
            c.CounselCity,
            IsCounsel: true, IsProfessional: true, ConsentsToElectronicRegisteredMail: true)
        : new LetterRecipient(c.Debtor.Name, c.Debtor.Email, c.Debtor.Address, c.Debtor.PostalCode, c.Debtor.City,
            IsCounsel: false, IsProfessional: c.Debtor.Kind == DebtorKind.Professionnel,
                c.Debtor.ConsentsToElectronicRegisteredMail);

    /// <summary>
    /// The channel a letter really leaves by, which it must name (« Par lettre recommandée… »): e-mail and postal steps
    /// stay so; a registered electronic step falls back to the post for a recipient who is not a professional and has
    /// not consented (CPCE L.100), or one without an e-mail address.
    /// </summary>
    public static StepChannel Route(StepChannel planned, LetterRecipient to) => planned switch
    {
        StepChannel.Ere or StepChannel.LreQualifiee when string.IsNullOrWhiteSpace(to.Email)
            || (!to.IsProfessional && !to.ConsentsToElectronicRegisteredMail) => StepChannel.Courrier,
        _ => planned,
    };
}
