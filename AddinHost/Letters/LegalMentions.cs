namespace AddinHost.Letters;

/// <summary>Fixed sentences the profession's rules require, offered to templates as fields so the lint can check
/// them.</summary>
public static class LegalMentions
{
    /// <summary>
    /// RIN art. 8.2: a lawyer writing to the opposing party reminds it that it may consult a lawyer and invites it to
    /// name its counsel. Written to the debtor only: a debtor's counsel gets the letter instead (see LetterRecipients).
    /// </summary>
    public const string ConseilAvocat =
        "Conformément aux règles de notre profession, nous vous rappelons que vous avez la faculté de consulter un " +
            "avocat " +
        "de votre choix, et nous vous invitons à nous faire connaître le nom de celui-ci.";

    /// <summary>CPCE R.125-1: the small-claims procedure applies to principal and interest of 5,000 € or less (since 1
    /// January 2020).</summary>
    public const decimal SmallClaimsCeiling = 5000m;
}
