using AddinHost.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace AddinHost.Cases.Import;

/// <summary>Hands out case references DR-YYYY-NNNNN, in sequence per tenant and year.</summary>
public sealed class CaseReferences(DunningDbContext db)
{
    private string? _prefix;
    private int _last;

    public async Task<string> NextAsync(int year, CancellationToken ct)
    {
        var prefix = $"DR-{year}-";
        if (_prefix != prefix)
        {
            var max = await db.Cases.Where(c => c.Reference.StartsWith(prefix))
                .OrderByDescending(c => c.Reference).Select(c => c.Reference).FirstOrDefaultAsync(ct);
            _last = max is null ? 0 : int.Parse(max[prefix.Length..]);
            _prefix = prefix;
        }
        return $"{prefix}{++_last:00000}";
    }
}
