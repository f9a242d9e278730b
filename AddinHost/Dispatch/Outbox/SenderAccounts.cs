using System.Collections.Concurrent;
using AddinHost.Cases;
using AddinHost.Dispatch.Ar24;

namespace AddinHost.Dispatch.Outbox;

/// <summary>
/// Finds the sender account at AR24 (the lawyer's own, or the firm's), or creates it, and remembers its id for the
/// life of the process so that each letter does not cost a look-up.
/// </summary>
public sealed class SenderAccounts
{
    private readonly ConcurrentDictionary<string, long> _known = new(StringComparer.OrdinalIgnoreCase);

    public async Task<long> EnsureAsync(Ar24Client ar24, Cabinet cabinet, Ar24Sender? lawyer, CancellationToken ct)
    {
        var email = lawyer?.Email ?? cabinet.Email ?? throw new Ar24Exception(new Ar24Error("missing_email",
            "L'adresse électronique du cabinet manque : renseignez-la (PUT /api/cabinet) pour ouvrir le compte expéditeur AR24.", false));
        if (_known.TryGetValue(email, out var id)) return id;
        try
        {
            id = (await ar24.GetUserAsync(email, ct)).Id;
        }
        catch (Ar24Exception e) when (e.Error.Slug == "user_not_exist")
        {
            var (first, last) = lawyer is null ? SplitName(cabinet.SigningLawyer ?? cabinet.Name) : (lawyer.Firstname, lawyer.Lastname);
            id = (await ar24.CreateUserAsync(new NewAr24User(first, last, email, cabinet.Name, cabinet.Address ?? "", cabinet.PostalCode ?? "", cabinet.City ?? ""), ct)).Id;
        }
        return _known[email] = id;
    }

    /// <summary>AR24 no longer knows a remembered id: forget it, and let the outbox verify rather than fail the letter.</summary>
    public Ar24Exception Forget(Ar24Exception e)
    {
        if (e.Error.Slug != "user_not_exist") return e;
        _known.Clear();
        return new Ar24Exception(e.Error with { Retryable = true });
    }

    private static (string First, string Last) SplitName(string name)
    {
        var words = name.Replace("Maître", "", StringComparison.Ordinal).Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.Length > 1 ? (string.Join(' ', words[..^1]), words[^1]) : (name, name);
    }
}
