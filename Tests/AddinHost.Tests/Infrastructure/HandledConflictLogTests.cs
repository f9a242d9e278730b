using AddinHost.Infrastructure.Auth;
using AddinHost.Infrastructure.Data;
using AddinHost.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AddinHost.Tests.Infrastructure;

/// <summary>
/// A unique-key race the code expects and handles (two workers binding one AR24 sender, two instances writing one
/// calendar event) is information, not an error: the database's own refusal is not logged as a failure. What the code
/// does not handle is still logged as an error, by the request's exception handler or the worker's loop.
/// </summary>
public abstract class HandledConflictLogTests(DbKind kind) : ApiTestBase(kind)
{
    private readonly CapturedLogs _logs = new();

    protected override Action<IServiceCollection> ExtraServices => s => s.AddSingleton<ILoggerProvider>(_logs);

    [Fact]
    public async Task A_refused_duplicate_is_logged_as_information_and_never_as_an_error()
    {
        await using (var first = App.Services.CreateAsyncScope())
        {
            var db = first.ServiceProvider.GetRequiredService<DunningDbContext>();
            db.OnboardedTenants.Add(
                new OnboardedTenant { TenantId = "cabinet-course", Name = "Cabinet", OnboardedBy = "a" });
            await db.SaveChangesAsync();
        }
        await using var second = App.Services.CreateAsyncScope();
        var again = second.ServiceProvider.GetRequiredService<DunningDbContext>();
        again.OnboardedTenants.Add(
            new OnboardedTenant { TenantId = "cabinet-course", Name = "Cabinet", OnboardedBy = "b" });

        var e = await Assert.ThrowsAsync<DbUpdateException>(() => again.SaveChangesAsync());

        Assert.True(DbConflicts.IsConflict(e));
        Assert.Contains(_logs.Entries, l => l.Level == LogLevel.Information
            && l.Category.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal));
        Assert.DoesNotContain(_logs.Entries, l => l.Level >= LogLevel.Error);
    }
}

public sealed class HandledConflictLogOnSqlite() : HandledConflictLogTests(DbKind.Sqlite);
public sealed class HandledConflictLogOnPostgres() : HandledConflictLogTests(DbKind.Postgres);
