using AddinHost.Cases;

namespace AddinHost.Mailbox;

public enum MatchKind { Adresse, Domaine, Facture }

public sealed record MessageDto(string Id, string? Subject, string? FromName, string? FromAddress,
    DateTimeOffset? ReceivedAt)
{
    /// <summary>The shared or delegated mailbox the message was read from; null for the user's own.</summary>
    public string? Mailbox { get; init; }
}

/// <summary>What to offer when no case matches: create one for this sender, or link the address to a known
/// debtor.</summary>
public sealed record NoMatchOffer(string Explanation, string? SuggestedDebtorName, string? Address, string LinkRoute);

/// <summary>The case(s) for the message open in Outlook, and how they were found.</summary>
public sealed record MessageCaseDto(MessageDto Message, MatchKind? MatchedBy, string Explanation,
    IReadOnlyList<CaseSummaryDto> Cases,
    IReadOnlyList<string> InvoiceNumbersFound, NoMatchOffer? Offer)
{
    /// <summary>
    /// The first listed case in full, as <c>GET /api/cases/{id}</c> gives it: the pane shows it without a second
    /// request (the case was read and assessed to list it anyway).
    /// </summary>
    public CaseDetailsDto? FirstCase { get; init; }
}

public sealed record LinkAddressRequest(string? Address, Guid? DebtorId);
