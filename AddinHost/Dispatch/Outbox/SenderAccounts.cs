using System.Collections.Concurrent;
using AddinHost.Cases;
using AddinHost.Dispatch.Ar24;
using AddinHost.Infrastructure.Auth;
using AddinHost.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace AddinHost.Dispatch.Outbox;

/// <summary>
/// Finds the sender account at AR24 (the lawyer's own, or the firm's), or creates it, and remembers its id for the
/// life of the process so that each letter does not cost a look-up. An address is bound to the first firm that
/// sends from it (<see cref="Ar24SenderAccount"/>), and refused to any other before AR24 is even asked.
/// </summary>
public sealed class SenderAccounts(IServiceScopeFactory scopes, TimeProvider clock)
{
    private readonly ConcurrentDictionary<(string Tenant, string Email), long> _known = new();

    public async Task<long> EnsureAsync(Ar24Client ar24, Cabinet cabinet, Ar24Sender? lawyer, CancellationToken ct)
    {
        var email = (lawyer?.Email ?? cabinet.Email ?? throw new Ar24Exception(new Ar24Error("missing_email",
            "L'adresse électronique du cabinet manque : renseignez-la (PUT /api/cabinet) pour ouvrir le compte expéditeur AR24.", false)))
            .Trim().ToLowerInvariant();
        if (_known.TryGetValue((cabinet.TenantId, email), out var id)) return id;
        await BindAsync(cabinet.TenantId, email, ct);
        id = await FindOrCreateAsync(ar24, email, cabinet, lawyer, ct);
        return _known[(cabinet.TenantId, email)] = id;
    }

    /// <summary>
    /// Every AR24 account the firm has sent from, the current one first: a letter sent before the firm changed its
    /// address is found under the old one, and not sent again.
    /// </summary>
    public async Task<IReadOnlyList<long>> AllOfFirmAsync(Ar24Client ar24, Cabinet cabinet, Ar24Sender? lawyer, CancellationToken ct)
    {
        var ids = new List<long> { await EnsureAsync(ar24, cabinet, lawyer, ct) };
        await using var scope = ScopeOf(cabinet.TenantId);
        var bound = await scope.ServiceProvider.GetRequiredService<DunningDbContext>().Ar24SenderAccounts.AsNoTracking()
            .Select(a => new { a.Email, a.BoundAt }).ToListAsync(ct);
        foreach (var email in bound.OrderBy(a => a.BoundAt).Select(a => a.Email))
        {
            try
            {
                var other = _known.TryGetValue((cabinet.TenantId, email), out var known) ? known
                    : _known[(cabinet.TenantId, email)] = (await ar24.GetUserAsync(email, ct)).Id;
                if (!ids.Contains(other)) ids.Add(other);
            }
            catch (Ar24Exception e) when (e.Error.Slug == "user_not_exist") { /* nothing was ever sent from it */ }
        }
        return ids;
    }

    /// <summary>AR24 no longer knows a remembered id: forget it, and let the outbox verify rather than fail the letter.</summary>
    public Ar24Exception Forget(Ar24Exception e)
    {
        if (e.Error.Slug != "user_not_exist") return e;
        _known.Clear();
        return new Ar24Exception(e.Error with { Retryable = true });
    }

    private async Task BindAsync(string tenant, string email, CancellationToken ct)
    {
        await using var scope = ScopeOf(tenant);
        var db = scope.ServiceProvider.GetRequiredService<DunningDbContext>();
        // Across firms on purpose: the one question asked of other firms' rows is whether the address is theirs.
        var owner = await db.Ar24SenderAccounts.IgnoreQueryFilters().Where(a => a.Email == email).Select(a => a.TenantId).SingleOrDefaultAsync(ct);
        if (owner is null)
        {
            db.Ar24SenderAccounts.Add(new Ar24SenderAccount { Email = email, BoundAt = clock.GetUtcNow() });
            try
            {
                await db.SaveChangesAsync(ct);
                return;
            }
            catch (DbUpdateException e) when (DbConflicts.IsConflict(e))
            {
                owner = await db.Ar24SenderAccounts.IgnoreQueryFilters().Where(a => a.Email == email).Select(a => a.TenantId).SingleAsync(ct);
            }
        }
        if (owner != tenant) throw TakenByAnotherFirm();
    }

    private static Ar24Exception TakenByAnotherFirm() => new(new Ar24Error("sender_taken",
        "Cette adresse électronique est celle du compte expéditeur AR24 d'un autre cabinet : rien n'est envoyé. "
        + "Indiquez l'adresse propre à votre cabinet (PUT /api/cabinet), ou contactez l'éditeur si elle vous appartient.", false));

    private static async Task<long> FindOrCreateAsync(Ar24Client ar24, string email, Cabinet cabinet, Ar24Sender? lawyer, CancellationToken ct)
    {
        try
        {
            return (await ar24.GetUserAsync(email, ct)).Id;
        }
        catch (Ar24Exception e) when (e.Error.Slug == "user_not_exist")
        {
            var (first, last) = lawyer is null ? SplitName(cabinet.SigningLawyer ?? cabinet.Name) : (lawyer.Firstname, lawyer.Lastname);
            return (await ar24.CreateUserAsync(new NewAr24User(first, last, email, cabinet.Name, cabinet.Address ?? "", cabinet.PostalCode ?? "", cabinet.City ?? ""), ct)).Id;
        }
    }

    private AsyncServiceScope ScopeOf(string tenant)
    {
        var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().Set(tenant);
        scope.ServiceProvider.GetRequiredService<CurrentActor>().Id = DispatchProcessor.Actor;
        return scope;
    }

    private static (string First, string Last) SplitName(string name)
    {
        var words = name.Replace("Maître", "", StringComparison.Ordinal).Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.Length > 1 ? (string.Join(' ', words[..^1]), words[^1]) : (name, name);
    }
}
