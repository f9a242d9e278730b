namespace AddinHost.Cases.Planning;

/// <summary>
/// When the time given to pay starts, by the channel the letter leaves by. A registered e-mail may be accepted within
/// 15 days from the day after the provider's notice, and the proof of refusal or négligence comes at the latest the day
/// after that window (CPCE R.53-3, I and III; AR24 keeps the same window for its simple ERE); a postal letter is
/// presented later still. So a registered letter never prints a fixed date: its deadline runs from its receipt.
/// </summary>
public static class ReplyDeadlines
{
    public const int AcceptanceWindowDays = 15;

    /// <summary>The last day a registered e-mail sent on <paramref name="sentOn"/> can be received, refused or
    /// neglected.</summary>
    public static DateOnly LatestElectronicReceipt(DateOnly sentOn) => sentOn.AddDays(AcceptanceWindowDays + 1);

    /// <summary>The words after « dans un délai de N jours », true for the channel.</summary>
    public static string StartPhrase(StepChannel channel) => channel switch
    {
        StepChannel.Ere or StepChannel.LreQualifiee =>
            "à compter de la réception de la présente, c'est-à-dire de son acceptation ou de son refus, ou à défaut " +
                "de l'expiration " +
            "du délai de quinze jours qui vous est ouvert pour l'accepter",
        StepChannel.Courrier => "à compter de la première présentation de la présente",
        StepChannel.Email => "à compter de la réception du présent courriel",
        _ => "à compter de la réception de la présente",
    };

    /// <summary>A date the letter may print: only for an e-mail, which arrives the day it leaves.</summary>
    public static DateOnly? FixedDate(StepChannel channel, DateOnly letterDate, int days) =>
        channel == StepChannel.Email ? letterDate.AddDays(days) : null;

    /// <summary>The last day to pay, once the receipt (or refusal, négligence, first presentation) is known.</summary>
    public static DateOnly Ends(DateOnly receivedOn, int days) => receivedOn.AddDays(days);
}
