using AddinHost.Dispatch.Outbox;
using AddinHost.Infrastructure.Data;
using AddinHost.Infrastructure.Telemetry;
using Microsoft.EntityFrameworkCore;

namespace AddinHost.Dispatch;

/// <summary>Counts, every minute, the letters of all firms that wait in « À vérifier »: a number that should stay near
/// zero.</summary>
public sealed class ToVerifySampler(IServiceScopeFactory scopes, DunningMetrics metrics, ILogger<ToVerifySampler> log)
    : BackgroundService
{
    public static readonly TimeSpan Period = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await SampleAsync(stop);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogWarning("To-verify count not sampled: {Error}", e.GetType().Name);
            }
            try { await Task.Delay(Period, stop); } catch (OperationCanceledException) { return; }
        }
    }

    public async Task SampleAsync(CancellationToken ct)
    {
        // A count across firms: a system unit of work, which reads every firm's rows only on purpose.
        await using var scope = TenantScope.System(scopes, "to-verify-count");
        var db = scope.ServiceProvider.GetRequiredService<DunningDbContext>();
        metrics.ToVerify(await db.Dispatches.IgnoreQueryFilters()
            .CountAsync(d => d.State == DispatchState.ToVerify, ct));
    }
}
