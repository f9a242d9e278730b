namespace AddinHost.Letters;

/// <summary>
/// The templates the judicial phase merges with what only it knows (court, bordereau, commissaire de justice): named
/// here once, for Letters refuses to merge them itself and checks their mentions, and Judicial merges them.
/// </summary>
public static class JudicialTemplateNames
{
    /// <summary>The requête en injonction de payer (CPC art. 1405 s.).</summary>
    public const string Injunction = "requete-injonction-de-payer";

    /// <summary>The invitation to the small-claims procedure (CPCE L.125-1).</summary>
    public const string SmallClaims = "invitation-petites-creances";

    public static readonly IReadOnlySet<string> All =
        new HashSet<string>(StringComparer.Ordinal) { Injunction, SmallClaims };
}
