namespace AddinHost.Dispatch.Ar24;

/// <summary>An AR24 error in French, and whether asking again may help (never for a send: see the outbox).</summary>
public sealed record Ar24Error(string Slug, string Message, bool Retryable);

/// <summary>Every documented <c>slug</c>, with what the user is told and whether a retry makes sense.</summary>
public static class Ar24Errors
{
    private static readonly Dictionary<string, Ar24Error> Known = new Ar24Error[]
    {
        new("missing_email", "L'adresse électronique du destinataire manque : complétez la fiche du débiteur.", false),
        new("invalid_email", "L'adresse électronique du destinataire est invalide : corrigez la fiche du débiteur.", false),
        new("user_not_exist", "Le compte expéditeur AR24 de l'avocat est introuvable : vérifiez le compte configuré.", false),
        new("user_no_payment", "Le compte AR24 de l'avocat n'a pas de moyen de paiement : ajoutez-en un sur AR24 avant d'envoyer.", false),
        new("attachment_too_big", "Les pièces jointes dépassent la taille admise par AR24 (256 Mo au total).", false),
        new("content_exceeds_limit", "Le texte du message dépasse la longueur admise par AR24.", false),
        new("authentication_otp_invalid", "Le code à usage unique (OTP) de l'expéditeur est invalide ou expiré : demandez-en un nouveau.", false),
        new("token_invalid", "Le jeton d'API AR24 est invalide : vérifiez Ar24:Token.", false),
        new("token_missing", "Le jeton d'API AR24 manque : renseignez Ar24:Token.", false),
        new("empty_date", "La requête vers AR24 n'est pas datée.", false),
        new("invalid_date", "AR24 refuse la date de la requête (format AAAA-MM-JJ HH:MM:SS, heure de Paris attendu).", false),
        new("expired_date", "AR24 juge la requête trop ancienne : l'horloge du serveur est peut-être décalée.", true),
        new("date_in_future", "AR24 juge la requête datée dans le futur : l'horloge du serveur est peut-être décalée.", true),
        new("maintenance", "AR24 est en maintenance : l'opération sera retentée.", true),
    }.ToDictionary(e => e.Slug);

    public static IReadOnlyCollection<string> Slugs => Known.Keys;

    public static Ar24Error For(string? slug, string? message) =>
        slug is not null && Known.TryGetValue(slug, out var known)
            ? known
            : new Ar24Error(slug ?? "inconnu", $"AR24 a refusé l'opération ({slug ?? "sans code"}) : {message ?? "aucun détail"}.", false);
}

public sealed class Ar24Exception(Ar24Error error) : Exception(error.Message)
{
    public Ar24Error Error { get; } = error;
}

/// <summary>The shape of the sender's one-time code for a qualified LRE, as the product accepts it before AR24 judges it.</summary>
public static class Ar24Otp
{
    public static bool IsWellFormed(string? otp) => otp?.Trim() is { Length: >= 4 and <= 12 } code && code.All(char.IsAsciiLetterOrDigit);

    public const string Rule = "Le code à usage unique (OTP) se compose de 4 à 12 chiffres ou lettres.";
}
