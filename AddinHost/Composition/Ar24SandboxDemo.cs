#if SIMULATORS
using AddinHost.Dispatch.Ar24;
using AddinHost.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using AddinHost.Cases;
using AddinHost.Dispatch;
using AddinHost.Sandbox;

namespace AddinHost.Composition;

/// <summary>
/// The demo firm sends at once: at each start in Development, its address and its lawyers' are bound and their
/// accounts opened and active at the built-in simulator, whose memory starts empty. Never used outside the demo; a new
/// sender added from the admin page goes through the real onboarding (its code in <c>/sandbox/graph/_delivered</c>).
/// Host root code: it joins the product's data to the simulator's memory, in Debug builds only.
/// </summary>
public static class Ar24SandboxDemo
{
    public static async Task EnsureAccountsAsync(IServiceProvider services, CancellationToken ct = default)
    {
        var db = services.GetRequiredService<DunningDbContext>();
        var state = services.GetRequiredService<Ar24SandboxState>();
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var cabinet = await db.Cabinets.FirstOrDefaultAsync(ct);
        if (cabinet?.Email is { } firmEmail
            && !await db.Ar24SenderAccounts.IgnoreQueryFilters().AnyAsync(a => a.Email == firmEmail, ct))
            db.Ar24SenderAccounts.Add(new Ar24SenderAccount
            {
                Email = firmEmail, BoundAt = now, Origin = Ar24SenderOrigin.Confirmed, Gender = "F",
                    Firstname = "Claire", Lastname = "Delaunay",
            });
        await db.SaveChangesAsync(ct);
        foreach (var sender in await db.Ar24SenderAccounts.ToListAsync(ct))
        {
            if (sender.Ar24UserId is { } known && state.Users.ContainsKey(known)) continue;
            var user = new SimulatedUser
            {
                Id = state.NextId(), Email = sender.Email, Firstname = sender.Firstname ?? "Camille",
                    Lastname = sender.Lastname ?? "Démo",
                Gender = sender.Gender ?? "F", Statut = "professionnel", Country = cabinet?.Country ?? "FR",
                    Company = cabinet?.Name,
                CompanySiret = cabinet?.Siret, LinkedToApi = true, Confirmed = true, TermsAccepted = true,
            };
            state.Users[user.Id] = user;
            sender.Ar24UserId = user.Id;
            sender.State = Ar24SenderState.Active;
            sender.StateDetail = "Compte de démonstration, ouvert au démarrage dans le bac à sable AR24.";
            sender.CheckedAt = now;
        }
        await db.SaveChangesAsync(ct);
    }
}
#endif
