using System.Security.Cryptography;
using System.Text;

namespace AddinHost.Dispatch.Senders;

/// <summary>The confirmation codes that prove a firm may use an address: random, stored only as a hash, compared in
/// constant time.</summary>
public static class SenderCodes
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(24);
    public static readonly TimeSpan ResendDelay = TimeSpan.FromMinutes(1);
    public const int MaxAttempts = 5;

    /// <summary>Eight digits: 10⁸ codes for five attempts each.</summary>
    public static string NewCode() => RandomNumberGenerator.GetInt32(0, 100_000_000).ToString("D8",
        System.Globalization.CultureInfo.InvariantCulture);

    public static string Hash(Guid claimId, string code) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{claimId:N}:{Normalize(code)}")));

    public static bool Matches(Guid claimId, string code, string hash) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash(claimId, code)),
            Encoding.ASCII.GetBytes(hash));

    private static string Normalize(string code) => new(code.Where(char.IsAsciiDigit).ToArray());

    /// <summary>The message that carries the code (French, plain text: the address's holder reads it).</summary>
    public static (string Subject, string Body) Message(string firm, string email, string code) =>
        ("Code de confirmation : expéditeur de lettres recommandées AR24",
         $"Bonjour,\n\nLe cabinet « {firm} » demande à envoyer des lettres recommandées électroniques (AR24) depuis "
             + $"l'adresse "
         + $"{email}, avec l'application OutlookDunning.\n\nSi vous êtes d'accord, transmettez ce code à "
             + $"l'administrateur du cabinet : "
         + $"{code}\nIl est valable 24 heures.\n\nSi vous n'êtes pas à l'origine de cette demande, ignorez ce message "
             + $": "
         + "aucun courrier ne sera envoyé en votre nom.");
}
