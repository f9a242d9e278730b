using AddinHost.Dispatch.Ar24;
using AddinHost.Infrastructure.Audit;
using AddinHost.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AddinHost.Dispatch.Senders;

/// <summary>
/// Binds every sender of <c>Ar24:Senders</c> to its firm at start-up: the operator's configuration vouches for the
/// address. An address another firm already holds stops the start, with the reason in French: it would otherwise let
/// one firm send as another.
/// </summary>
public static class ConfiguredSenders
{
    public const string Actor = "configuration";

    public static async Task BindAsync(IServiceProvider services, CancellationToken ct = default)
    {
        var senders = services.GetRequiredService<IOptions<Ar24Options>>().Value.Senders;
        foreach (var (sender, index) in senders.Select((s, i) => (s, i)))
        {
            await using var scope = TenantScope.For(services, sender.Tenant, Actor);
            var db = scope.ServiceProvider.GetRequiredService<DunningDbContext>();
            var email = sender.Email.Trim().ToLowerInvariant();
            for (var attempt = 0; ; attempt++)
            {
                var row = await db.Ar24SenderAccounts.IgnoreQueryFilters()
                    .SingleOrDefaultAsync(a => a.Email == email, ct);
                if (row is not null && row.TenantId != sender.Tenant)
                    // Named by position, not by address: start-up errors reach the logs, which carry no personal data.
                    throw new InvalidOperationException($"Ar24:Senders:{index} (cabinet {sender.Tenant}) : cette "
                        + $"adresse est "
                        + $"déjà l'expéditeur AR24 du cabinet {row.TenantId}. Une adresse n'appartient qu'à un "
                            + $"cabinet : "
                        + "corrigez la configuration.");
                if (row is null)
                    db.Ar24SenderAccounts.Add(row = new Ar24SenderAccount
                    {
                        Email = email, BoundAt = services.GetRequiredService<TimeProvider>().GetUtcNow(),
                            Origin = Ar24SenderOrigin.Configured,
                        State = Ar24SenderState.ToCreate,
                    });
                // The configuration names the lawyer; the admin page may complete what it leaves out (the civility).
                row.UserId = sender.User;
                row.Firstname = sender.Firstname;
                row.Lastname = sender.Lastname;
                row.Gender = sender.Gender ?? row.Gender;
                if (!db.ChangeTracker.HasChanges()) break;
                scope.ServiceProvider.GetRequiredService<AuditTrail>().Record("expediteur.configure",
                    nameof(Ar24SenderAccount), row.Id);
                try
                {
                    await db.SaveChangesAsync(ct);
                    break;
                }
                catch (DbUpdateException e) when (DbConflicts.IsConflict(e) && attempt == 0)
                {
                    db.ChangeTracker.Clear(); // another instance bound it at the same moment: read whose it is now
                }
            }
        }
    }
}
