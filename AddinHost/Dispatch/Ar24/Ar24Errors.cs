namespace AddinHost.Dispatch.Ar24;

/// <summary>An AR24 error in French, and whether asking again may help (never for a send: see the outbox).</summary>
public sealed record Ar24Error(string Slug, string Message, bool Retryable);

/// <summary>
/// Every <c>slug</c> AR24 documents, with what the user is told and whether a retry makes sense. Sources: the API
/// reference's error tabs as the public clients copied them route by route (fxmauricard/php-symfony-ar24-test-case:
/// ApiClient, UserClient, AttachmentClient, RegisteredMailClient) and the knowledge base (user_already_exist).
/// <c>invalid_signature</c> and <c>mail_not_exist</c> are the simulator's own names (GUESS: AR24 documents none).
/// </summary>
public static class Ar24Errors
{
    private const string Senders = "page d'administration, onglet « Expéditeurs AR24 »";

    private static readonly Dictionary<string, Ar24Error> Known = new Ar24Error[]
    {
        // Every route: token, date, signature, maintenance.
        new("token_invalid", "Le jeton d'API AR24 est invalide : vérifiez Ar24:Token.", false),
        new("token_missing", "Le jeton d'API AR24 manque : renseignez Ar24:Token.", false),
        new("empty_date", "La requête vers AR24 n'est pas datée.", false),
        new("invalid_date", "AR24 refuse la date de la requête (format AAAA-MM-JJ HH:MM:SS, heure de Paris attendu).",
            false),
        new("expired_date", "AR24 juge la requête trop ancienne : l'horloge du serveur est peut-être décalée.", true),
        new("date_in_future", "AR24 juge la requête datée dans le futur : l'horloge du serveur est peut-être décalée.",
            true),
        new("empty_signature", "La requête vers AR24 n'est pas signée.", false),
        new("invalid_signature", "AR24 refuse la signature de la requête : vérifiez Ar24:PrivateKey.", false),
        new("maintenance", "AR24 est en maintenance : l'opération sera retentée.", true),
        new("unknown_error", "AR24 signale une erreur inconnue : l'opération sera retentée.", true),
        // POST user (opening a sender account).
        new("missing_firstname", "Le prénom de l'expéditeur manque : complétez-le (" + Senders + ").", false),
        new("missing_lastname", "Le nom de l'expéditeur manque : complétez-le (" + Senders + ").", false),
        new("email_wrong_format", "L'adresse électronique de l'expéditeur est mal formée.", false),
        new("missing_address", "L'adresse postale du cabinet manque : complétez l'identité du cabinet.", false),
        new("missing_city", "La ville du cabinet manque : complétez l'identité du cabinet.", false),
        new("missing_zipcode", "Le code postal du cabinet manque : complétez l'identité du cabinet.", false),
        new("missing_country", "Le pays du cabinet manque : complétez l'identité du cabinet.", false),
        new("error_country", "AR24 ne reconnaît pas le pays du cabinet (code ISO à deux lettres, par exemple FR).",
            false),
        new("error_gender", "AR24 refuse la civilité de l'expéditeur : choisissez Monsieur ou Madame.", false),
        new("missing_company_siret", "Le SIRET du cabinet manque : AR24 l'exige pour un professionnel établi en "
            + "France.", false),
        new("missing_company_tva", "Le numéro de TVA intracommunautaire du cabinet manque : AR24 l'exige dans l'Union "
            + "européenne.", false),
        new("error_company_siret", "AR24 ne trouve aucune entreprise sous le SIRET du cabinet : vérifiez-le.", false),
        new("user_not_created", "AR24 n'a pas pu ouvrir le compte expéditeur : réessayez plus tard.", true),
        new("user_already_exist", "Cette adresse a déjà un compte AR24 : une demande d'accès lui est adressée par "
            + "AR24.", false),
        new("user_unavailable", "Le titulaire du compte AR24 n'a pas encore accepté la demande d'accès de "
            + "l'application "
            + "(courriel d'AR24 « demande de rattachement ») : rien n'est envoyé.", false),
        // POST mail and GET mail.
        new("missing_email", "L'adresse électronique du destinataire manque : complétez la fiche du débiteur.", false),
        new("invalid_email", "L'adresse électronique du destinataire est invalide (domaine inexistant) : corrigez la "
            + "fiche du débiteur.", false),
        new("invalid_recipient", "AR24 refuse le destinataire : vérifiez son adresse électronique et son nom.", false),
        new("same_sender_recipients_emails",
            "Le destinataire a la même adresse électronique que l'expéditeur : corrigez la fiche du débiteur.", false),
        new("group_not_exist", "Le groupe AR24 indiqué n'existe pas.", false),
        new("user_not_exist", "Le compte expéditeur AR24 est introuvable : l'administrateur doit l'ouvrir à nouveau ("
            + Senders + ").", false),
        new("missing_user_id", "Le compte expéditeur AR24 n'est pas indiqué : l'administrateur doit l'ouvrir ("
            + Senders + ").", false),
        new("user_account_not_confirmed",
            "L'expéditeur n'a pas encore confirmé son adresse auprès d'AR24 (courriel de confirmation "
            + "d'AR24) : rien n'est envoyé.", false),
        new("user_eula_not_accepted", "L'expéditeur n'a pas encore accepté les conditions générales d'AR24 : rien "
            + "n'est envoyé.", false),
        new("user_name_empty", "Le compte expéditeur AR24 n'a ni nom ni prénom : complétez-le (" + Senders + ").",
            false),
        new("user_no_payment", "Le compte AR24 de l'avocat n'a pas de moyen de paiement : ajoutez-en un sur AR24 "
            + "avant d'envoyer.", false),
        new("attachment_not_exists", "AR24 ne retrouve pas une pièce jointe déposée : l'envoi sera vérifié puis "
            + "repris.", true),
        new("attachment_unavailable", "Une pièce jointe n'est pas accessible à ce compte expéditeur AR24 : l'envoi "
            + "sera vérifié puis repris.", true),
        new("attachment_too_big", "Les pièces jointes sont vides ou dépassent la taille admise par AR24 (256 Mo au "
            + "total).", false),
        new("attachment_empty_name", "AR24 ne peut pas lire le nom d'une pièce jointe : renommez le fichier.", false),
        new("attachment_missing_file", "AR24 n'a pas reçu le fichier d'une pièce jointe : l'envoi sera vérifié puis "
            + "repris.", true),
        new("content_exceeds_limit", "Le texte du message dépasse la longueur admise par AR24.", false),
        new("forbidden_html", "Le texte du message contient des balises HTML interdites par AR24.", false),
        new("error_no_content_no_attachment",
            "Le courrier est vide (ni texte ni pièce jointe) : AR24 le refuse.", false),
        new("authentication_otp_invalid",
            "Le code à usage unique (OTP) de l'expéditeur est invalide ou expiré : demandez-en un nouveau.", false),
        new("authentication_otp_hash_invalid",
            "L'identification de l'expéditeur (OTP valable une heure) a expiré : saisissez un nouveau code.", false),
        new("authentication_missing", "Une LRE qualifiée exige l'identification de l'expéditeur (code OTP) : "
            + "saisissez son code.", false),
        new("missing_erm_id", "La référence de l'envoi AR24 manque dans la requête.", false),
        new("mail_not_exist", "AR24 ne connaît pas cet envoi.", false),
    }.ToDictionary(e => e.Slug);

    public static IReadOnlyCollection<string> Slugs => Known.Keys;

    public static Ar24Error For(string? slug, string? message) =>
        slug is not null && Known.TryGetValue(slug, out var known)
            ? known
            : new Ar24Error(slug ?? "inconnu",
                $"AR24 a refusé l'opération ({slug ?? "sans code"}) : {Shorten(message) ?? "aucun détail"}.", false);

    /// <summary>What a send refused for this slug says of the sender account: not usable until the admin
    /// acts.</summary>
    public static Ar24SenderState? SenderStateAfter(string slug) => slug switch
    {
        "user_not_exist" or "missing_user_id" or "user_name_empty" => Ar24SenderState.ToCreate,
        "user_unavailable" => Ar24SenderState.AccessRequested,
        "user_account_not_confirmed" or "user_eula_not_accepted" => Ar24SenderState.TermsToAccept,
        _ => null,
    };

    private static string? Shorten(string? text) => text is { Length: > 200 } ? text[..200] + "…" : text;
}

public sealed class Ar24Exception(Ar24Error error) : Exception(error.Message)
{
    public Ar24Error Error { get; } = error;
}

/// <summary>The shape of the sender's one-time code for a qualified LRE, as the product accepts it before AR24 judges
/// it.</summary>
public static class Ar24Otp
{
    public static bool IsWellFormed(string? otp) => otp?.Trim() is { Length: >= 4 and <= 12 } code
        && code.All(char.IsAsciiLetterOrDigit);

    public const string Rule = "Le code à usage unique (OTP) se compose de 4 à 12 chiffres ou lettres.";
}
