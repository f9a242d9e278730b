using System.Text.RegularExpressions;

namespace AddinHost.Sandbox;

/// <summary>
/// The checks the simulated AR24 makes before it creates an account or a mail. Each says where it comes from:
/// « AR24 doc » (AR24's knowledge base or API reference, as the public clients copied its slugs), or « GUESS » (the
/// simulator's own choice, to re-check against the real service). Where unsure, the simulator is the stricter one.
/// </summary>
internal static partial class Ar24SandboxRules
{
    /// <summary>GUESS: AR24 documents content_exceeds_limit, not the limit itself.</summary>
    public const int MaxContentLength = 10_000;

    private static readonly HashSet<string> Statuts = ["particulier", "professionnel", "administration", "association"];
    private static readonly HashSet<string> FranceAndOverseas = ["FR", "GP", "MQ", "GF", "RE", "YT", "PM", "BL",
        "MF", "WF", "PF", "NC"];
    private static readonly HashSet<string> OtherEu =
        ["AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "GR", "HR", "HU", "IE", "IT", "LT", "LU", "LV",
            "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK"];

    /// <summary>POST user. AR24 doc: required fields and their slugs; company_siret in France and overseas for a
    /// professional or an administration, company_tva elsewhere in the EU.</summary>
    public static Ar24SandboxEndpoints.Reply? NewUser(Dictionary<string, string> f)
    {
        string? V(string name) => f.GetValueOrDefault(name) is { } v && !string.IsNullOrWhiteSpace(v) ? v.Trim() : null;
        if (V("firstname") is null) return Error("missing_firstname", "Please specify a firstname");
        if (V("lastname") is null) return Error("missing_lastname", "Please specify a lastname");
        if (V("email") is not { } email) return Error("missing_email", "Please specify an email address");
        if (!EmailShape().IsMatch(email)) return Error("email_wrong_format", "Incorrect email address format");
        // GUESS: AR24's accepted civilities are not listed; the public examples send « M » and « F ».
        if (V("gender") is not ("M" or "F")) return Error("error_gender", "Please specify a valid gender");
        // AR24 doc: « particulier », « professionnel », « administration » or « association ». GUESS: the slug of a
        // bad one.
        if (V("statut") is not { } statut || !Statuts.Contains(statut)) return Error("error_statut",
            "Please specify a valid statut");
        if (V("address1") is null) return Error("missing_address", "Please specify an address");
        if (V("city") is null) return Error("missing_city", "Please specify a city");
        if (V("zipcode") is null) return Error("missing_zipcode", "Please specify a zipcode");
        if (V("country") is not { } country) return Error("missing_country", "Please specify a country");
        if (country.Length != 2 || !country.All(char.IsAsciiLetterUpper)) return Error("error_country",
            "Please specify a valid country");
        var business = statut is "professionnel" or "administration";
        if (business && FranceAndOverseas.Contains(country))
        {
            if (V("company_siret") is not { } siret) return Error("missing_company_siret",
                "Please specify an company_siret (Required for a user in FR)");
            // GUESS: AR24 looks the SIRET up in the company register; the simulator checks its key only.
            if (!Ar24SandboxChecks.IsValidSiret(siret)) return Error("error_company_siret",
                "Please specify a valid company_siret");
        }
        // GUESS (safe side of an ambiguous sentence): the VAT number is required in the EU outside France.
        if (business && OtherEu.Contains(country) && V("company_tva") is null)
            return Error("missing_company_tva", "Please specify an company_tva (Required for a user in EU)");
        return null;
    }

    /// <summary>POST mail: the sender's account, the recipient, the content, the attachments, the sender's
    /// identification.</summary>
    public static Ar24SandboxEndpoints.Reply? NewMail(Dictionary<string, string> f, SimulatedUser sender,
        Ar24SandboxState state)
    {
        // AR24 doc (POST mail errors): the sender must have confirmed its address, accepted the terms, and have a name.
        if (!sender.Confirmed) return Error("user_account_not_confirmed",
            "User has to confirm its email address first");
        if (!sender.TermsAccepted) return Error("user_eula_not_accepted", "Sender must accept AR24 EULA first");
        if (string.IsNullOrWhiteSpace(sender.Firstname) && string.IsNullOrWhiteSpace(sender.Lastname))
            return Error("user_name_empty", "Sender name (firstname or lastname) cannot be empty");
        var to = f.GetValueOrDefault("to_email")?.Trim();
        if (string.IsNullOrEmpty(to)) return Error("missing_email", "Please specify an email address");
        if (!EmailShape().IsMatch(to)) return Error("invalid_email",
            "Recipient's email address is incorrect, the domain does not exist");
        if (string.Equals(to, sender.Email, StringComparison.OrdinalIgnoreCase))
            return Error("same_sender_recipients_emails", "Recipient email and sender email must be different");
        // GUESS: a recipient without a name, or of an unknown status, is refused as invalid_recipient.
        var status = f.GetValueOrDefault("dest_statut");
        if (status is not ("particulier" or "professionnel")) return Error("invalid_recipient",
            "Recipient email is invalid");
        if (string.IsNullOrWhiteSpace(f.GetValueOrDefault("to_lastname"))
            && string.IsNullOrWhiteSpace(f.GetValueOrDefault("to_company")))
            return Error("invalid_recipient", "Recipient email is invalid");
        if (status == "professionnel" && string.IsNullOrWhiteSpace(f.GetValueOrDefault("to_company")))
            return Error("invalid_recipient", "Recipient email is invalid");
        var content = f.GetValueOrDefault("content") ?? "";
        if (content.Length > MaxContentLength) return Error("content_exceeds_limit", "Content parameters is too long");
        // GUESS: which tags AR24 forbids is not documented; these are the ones no letter needs.
        if (ForbiddenHtml().IsMatch(content)) return Error("forbidden_html",
            "The content has some forbidden html tag into it, please clean your input");
        var attachments = Attachments(f);
        if (content.Trim().Length == 0 && attachments.Count == 0)
            return Error("error_no_content_no_attachment",
                "Empty mail ; content is empty and there are no attachments");
        foreach (var id in attachments)
        {
            if (id is not { } file || !state.Attachments.TryGetValue(file, out var a))
                return Error("attachment_not_exists", "At least one of the attachment ID's you proviced doesn't exist");
            if (a.Owner != sender.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))
                return Error("attachment_unavailable", "One of the attachment ID's you provided doesn't exist");
        }
        // AR24 doc: a qualified LRE identifies its sender by an OTP (or the hash of a recent one). GUESS: the simulator
        // takes any code of 4 to 12 letters or digits but 000000.
        if (f.GetValueOrDefault("eidas") == "1")
        {
            var otp = f.GetValueOrDefault("otp");
            if (string.IsNullOrWhiteSpace(otp) && string.IsNullOrWhiteSpace(f.GetValueOrDefault("auth_otp_hash")))
                return Error("authentication_missing", "Invalid eidas identification (ssl or otp)");
            if (!Ar24SandboxChecks.IsWellFormedOtp(otp) || otp == "000000") return Error("authentication_otp_invalid",
                "Invalid otp code");
        }
        return null;
    }

    /// <summary>Several attachment[] fields arrive joined by commas; an id that is not a number is no
    /// attachment.</summary>
    public static List<long?> Attachments(Dictionary<string, string> f) =>
        (f.GetValueOrDefault("attachment[]") ?? "").Split(',',
            StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(a => long.TryParse(a, System.Globalization.CultureInfo.InvariantCulture, out var id) ? id
                : (long?)null).ToList();

    private static Ar24SandboxEndpoints.Reply Error(string slug,
        string message) => Ar24SandboxEndpoints.Error(slug, message);

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$", RegexOptions.NonBacktracking)]
    private static partial Regex EmailShape();

    // The same bound as the product's RegexBudget (this project does not reference the product).
    [GeneratedRegex(@"<\s*(script|iframe|object|embed|form|style)\b", RegexOptions.IgnoreCase,
        matchTimeoutMilliseconds: 200)]
    private static partial Regex ForbiddenHtml();
}
