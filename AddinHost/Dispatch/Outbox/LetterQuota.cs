using System.ComponentModel.DataAnnotations;
using AddinHost.Cases.Planning;
using AddinHost.Infrastructure;
using AddinHost.Infrastructure.Data;
using AddinHost.Infrastructure.Problems;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AddinHost.Dispatch.Outbox;

/// <summary>The <c>Quotas</c> section.</summary>
public sealed class QuotaOptions
{
    public const string Section = "Quotas";

    /// <summary>Registered letters (ERE, qualified LRE) a firm may send a calendar month, unless the operator set its
    /// own.</summary>
    [Range(0, 1_000_000)]
    public int MonthlyRegisteredLetters { get; set; } = 2_000;
}

/// <summary>
/// Every firm sends on the operator's AR24 contract: each has a monthly quota of registered letters (set when the
/// operator
/// accepts it, else <see cref="QuotaOptions.MonthlyRegisteredLetters"/>), checked before a letter is planned.
/// </summary>
public sealed class LetterQuota(
    DunningDbContext db, ITenantContext tenant, IOptions<QuotaOptions> options, TimeProvider clock)
{
    public static bool Counts(StepChannel channel) => channel is StepChannel.Ere or StepChannel.LreQualifiee;

    public async Task CheckAsync(StepChannel channel, CancellationToken ct)
    {
        if (!Counts(channel)) return;
        var quota = await db.OnboardedTenants.AsNoTracking().Where(t => t.TenantId == tenant.TenantId)
            .Select(t => t.MonthlyLetterQuota).FirstOrDefaultAsync(ct) ?? options.Value.MonthlyRegisteredLetters;
        var today = clock.Today();
        // One column of the firm's registered letters, counted here: SQLite cannot compare DateTimeOffset in a query.
        var sent = (await db.Dispatches.AsNoTracking()
                .Where(d => (d.Channel == StepChannel.Ere || d.Channel == StepChannel.LreQualifiee)
                            && d.State != DispatchState.Failed)
                .Select(d => d.CreatedAt).ToListAsync(ct))
            .Count(at => at.ParisDate() is var day && day.Year == today.Year && day.Month == today.Month);
        if (sent >= quota)
            throw DomainException.Conflict(
                $"Quota mensuel de lettres recommandées atteint ({quota} ce mois-ci) : aucun envoi. " +
                "Contactez l'éditeur d'OutlookDunning pour l'augmenter.");
    }
}
