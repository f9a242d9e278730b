using System.Text.RegularExpressions;

namespace AddinHost.Dispatch.Channels;

/// <summary>
/// La Poste's tracking numbers for a recommandé: 13 characters, either the domestic form (a digit, a letter, 11 digits,
/// e.g. 1A 012 345 6789 0) or the UPU S10 form (2 letters, 8 digits, a check digit, 2 letters, e.g. RR123456785FR).
/// </summary>
public static partial class LaPosteTracking
{
    private static readonly int[] S10Weights = [8, 6, 4, 2, 3, 5, 9, 7];

    /// <summary>The number without spaces, upper case; null when it is not a valid tracking number.</summary>
    public static string? Normalize(string? input)
    {
        if (string.IsNullOrWhiteSpace(input)) return null;
        var n = string.Concat(input.Where(ch => ch is not (' ' or '-' or '.'))).ToUpperInvariant();
        if (Domestic().IsMatch(n)) return n;
        return S10().IsMatch(n) && S10CheckDigit(n.AsSpan(2, 8)) == n[10] - '0' ? n : null;
    }

    public static int S10CheckDigit(ReadOnlySpan<char> eightDigits)
    {
        var sum = 0;
        for (var i = 0; i < 8; i++) sum += (eightDigits[i] - '0') * S10Weights[i];
        var check = 11 - sum % 11;
        return check switch { 10 => 0, 11 => 5, _ => check };
    }

    [GeneratedRegex("^[0-9][A-Z][0-9]{11}$", RegexOptions.None, Infrastructure.Protection.RegexBudget.Milliseconds)]
    private static partial Regex Domestic();

    [GeneratedRegex("^[A-Z]{2}[0-9]{9}[A-Z]{2}$", RegexOptions.None,
        Infrastructure.Protection.RegexBudget.Milliseconds)]
    private static partial Regex S10();
}
