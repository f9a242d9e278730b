namespace AddinHost.Cases;

/// <summary>French company identifiers: SIREN (9 digits) and SIRET (14), both closed by a Luhn key.</summary>
public static class Siren
{
    // La Poste's SIREN predates the Luhn rule; INSEE accepts it with a digit-sum check instead.
    private const string LaPoste = "356000000";

    public static string? Normalize(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        var digits = new string(value.Where(c => !char.IsWhiteSpace(c) && c != '.' && c != '-').ToArray());
        return digits.Length == 0 ? null : digits;
    }

    public static bool IsValid(string? siren)
    {
        var s = Normalize(siren);
        return s is { Length: 9 } && s.All(char.IsAsciiDigit) && (Luhn(s) || s == LaPoste);
    }

    public static bool IsValidSiret(string? siret)
    {
        var s = Normalize(siret);
        if (s is not { Length: 14 } || !s.All(char.IsAsciiDigit)) return false;
        return s.StartsWith(LaPoste, StringComparison.Ordinal) ? s.Sum(c => c - '0') % 5 == 0 : Luhn(s);
    }

    private static bool Luhn(string digits)
    {
        var sum = 0;
        for (var i = 0; i < digits.Length; i++)
        {
            var d = digits[digits.Length - 1 - i] - '0';
            if (i % 2 == 1) { d *= 2; if (d > 9) d -= 9; }
            sum += d;
        }
        return sum % 10 == 0;
    }
}
