using AddinHost.Cases.Planning;
using AddinHost.Infrastructure.Data;
using Microsoft.Extensions.Options;

namespace AddinHost.Dispatch.Outbox;

/// <summary>
/// The outbox's claim loop: takes one due dispatch of any firm, then hands it to its channel's turn (AR24's or the
/// e-mail's), resolved with its dependencies from one scope of the row's own firm, acting as the outbox.
/// </summary>
public sealed class DispatchProcessor(IServiceScopeFactory scopes, IOptions<DispatchOptions> options,
    TimeProvider clock)
{
    public const string Actor = "envoi-automatique";

    /// <summary>The system unit of work the claim runs in: it reads every firm's due rows, and writes none itself.
    /// </summary>
    public const string ClaimPurpose = "outbox";

    private readonly string _owner =
        $"{Environment.MachineName[..Math.Min(20, Environment.MachineName.Length)]}-{Guid.NewGuid():N}";

    /// <summary>Hook for crash tests: called at each point of the path, it may throw to simulate a dying
    /// process.</summary>
    public Action<string>? FaultInjector { get; set; }

    public async Task<bool> ProcessNextAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        DispatchItem? row;
        await using (var claim = TenantScope.System(scopes, ClaimPurpose))
            row = await OutboxClaims.ClaimNextAsync(claim.ServiceProvider.GetRequiredService<DunningDbContext>(),
                _owner, now, now + options.Value.LeaseSeconds * 1000L, ct);
        if (row is null) return false;

        // The turn is the row's firm's unit of work; the row joins its context as claimed, so a save after the lease
        // ran out is still refused (the lease owner is the concurrency token).
        await using var scope = TenantScope.For(scopes, row.TenantId, Actor);
        var services = scope.ServiceProvider;
        services.GetRequiredService<DunningDbContext>().Dispatches.Attach(row);
        IOutboxTurn turn = row.Channel == StepChannel.Email
            ? services.GetRequiredService<Email.EmailTurn>() : services.GetRequiredService<Ar24.Ar24Turn>();
        await turn.RunAsync(row, Fault, ct);
        return true;
    }

    private void Fault(string point) => FaultInjector?.Invoke(point);
}
