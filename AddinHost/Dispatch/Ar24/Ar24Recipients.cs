namespace AddinHost.Dispatch.Ar24;

public enum RecipientKind { NaturalPerson, Company }

/// <summary>
/// Who a letter goes to, as the case knows them: a natural person (full name, or first and last names) or a company
/// (its name, and the natural person who receives for it when known). Independent of the case model, so that a letter
/// addressed elsewhere (a debtor's counsel) feeds the same mapping.
/// </summary>
public sealed record RecipientDescription(RecipientKind Kind, string? Email, string? FullName = null,
    string? Firstname = null,
    string? Lastname = null, string? CompanyName = null);

/// <summary>The recipient's fields for AR24, or why they cannot be written (in French).</summary>
public sealed record Ar24RecipientResult(Ar24RecipientFields? Fields, string? Problem);

/// <summary>
/// The recipient as AR24's <c>POST mail</c> identifies them: <c>to_firstname</c>, <c>to_lastname</c>,
/// <c>to_company</c>,
/// <c>to_email</c> and <c>dest_statut</c> (<c>particulier</c> or <c>professionnel</c>), as in AR24's API reference
/// and the public PHP client (connected-company/php-ar24-client: the status is « professionnel » exactly when a company
/// is named). A pure function: no database, no clock.
/// </summary>
public static class Ar24Recipients
{
    private static readonly string[] Civilities =
        ["monsieur", "madame", "mademoiselle", "maître", "maitre", "mme", "mlle", "mr", "me", "dr", "m"];

    public static Ar24RecipientResult Map(RecipientDescription r, bool qualified)
    {
        var email = r.Email?.Trim();
        if (string.IsNullOrEmpty(email))
            return Problem("L'adresse électronique du destinataire manque : complétez la fiche du débiteur.");
        var (first, last) = Names(r);
        if (r.Kind == RecipientKind.NaturalPerson)
        {
            if (last.Length == 0) return Problem("Le nom du destinataire manque : complétez la fiche du débiteur.");
            // GUESS (safe side): AR24 checks a qualified LRE's recipient against an identity document, so both names
            // must be the person's; AR24's material does not say which fields it compares.
            if (qualified && first.Length == 0)
                return Problem("Une LRE qualifiée est remise à une personne identifiée : indiquez le prénom et le nom "
                    + "du destinataire "
                    + "(par exemple « Claire Dubois »).");
            return new(new Ar24RecipientFields(first, last, null, email, "particulier"), null);
        }

        var company = (r.CompanyName ?? r.FullName)?.Trim();
        if (string.IsNullOrEmpty(company)) return Problem("La raison sociale du destinataire manque : complétez la "
            + "fiche du débiteur.");
        if (qualified && (first.Length == 0 || last.Length == 0))
            return Problem("Une LRE qualifiée adressée à une société est remise à une personne identifiée : indiquez "
                + "le prénom et le nom "
                + "de son représentant (recipientFirstname, recipientLastname).");
        // GUESS: a company whose contact is unknown is named in to_lastname too, so AR24's notice never greets nobody.
        return new(new Ar24RecipientFields(first, last.Length > 0 ? last : company, company, email,
            "professionnel"), null);
    }

    /// <summary>The person's names: as given, or split from the full name of a natural person.</summary>
    private static (string First, string Last) Names(RecipientDescription r)
    {
        var first = r.Firstname?.Trim() ?? "";
        var last = r.Lastname?.Trim() ?? "";
        if (first.Length > 0 || last.Length > 0 || r.Kind == RecipientKind.Company) return (first, last);
        return SplitPersonName(r.FullName ?? "");
    }

    /// <summary>
    /// « Mme Claire Dubois » → (Claire, Dubois); « Jean DUPONT » or « DUPONT Jean » → (Jean, DUPONT); « Jean de La
    /// Fontaine » → (Jean, de La Fontaine). Words in capitals are the family name, as French usage writes it;
    /// otherwise the first word is the given name. A civility is dropped.
    /// </summary>
    public static (string First, string Last) SplitPersonName(string fullName)
    {
        var words = fullName.Split(' ',
            StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        while (words.Count > 1 && Civilities.Contains(words[0].TrimEnd('.').ToLowerInvariant())) words.RemoveAt(0);
        if (words.Count == 0) return ("", "");
        if (words.Count == 1) return ("", words[0]);
        var capitals = words.Where(IsCapitals).ToList();
        if (capitals.Count > 0 && capitals.Count < words.Count)
            return (string.Join(' ', words.Where(w => !IsCapitals(w))), string.Join(' ', capitals));
        return (words[0], string.Join(' ', words.Skip(1)));
    }

    private static bool IsCapitals(string word) => word.Count(char.IsLetter) >= 2
        && word.Where(char.IsLetter).All(char.IsUpper);

    private static Ar24RecipientResult Problem(string message) => new(null, message);
}
