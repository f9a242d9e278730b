using AddinHost.Infrastructure.Auth;

namespace AddinHost.Infrastructure.Data;

/// <summary>
/// A unit of work outside a request (worker, start-up, command line): one DI scope whose tenant and actor are set
/// before anything in it is resolved. Dispose it when the work is done.
/// </summary>
public static class TenantScope
{
    /// <summary>A firm's unit of work: its rows only, acted by <paramref name="actor"/> (as the audit and history
    /// name it).</summary>
    public static AsyncServiceScope For(IServiceScopeFactory scopes, string tenant, string actor)
        => Open(scopes, scope =>
        {
            scope.ServiceProvider.GetRequiredService<TenantContext>().Set(tenant);
            scope.ServiceProvider.GetRequiredService<CurrentActor>().Id = actor;
        });

    /// <inheritdoc cref="For(IServiceScopeFactory, string, string)"/>
    public static AsyncServiceScope For(IServiceProvider services, string tenant, string actor) =>
        For(services.GetRequiredService<IServiceScopeFactory>(), tenant, actor);

    /// <summary>
    /// Work across firms, for <paramref name="purpose"/> (a claim, a count, routing a callback): no firm's tenant, so
    /// the tenant filter shows it no firm's rows, which it reads only through IgnoreQueryFilters on purpose, and it
    /// may save no firm's row (bulk updates it makes say which rows in their own conditions).
    /// </summary>
    public static AsyncServiceScope System(IServiceScopeFactory scopes, string purpose) =>
        Open(scopes, scope =>
        {
            scope.ServiceProvider.GetRequiredService<TenantContext>().SetSystem(purpose);
            scope.ServiceProvider.GetRequiredService<CurrentActor>().Id = TenantContext.SystemPrefix + purpose;
        });

    private static AsyncServiceScope Open(IServiceScopeFactory scopes, Action<AsyncServiceScope> setUp)
    {
        var scope = scopes.CreateAsyncScope();
        try
        {
            setUp(scope);
            return scope;
        }
        catch
        {
            scope.Dispose();
            throw;
        }
    }
}
