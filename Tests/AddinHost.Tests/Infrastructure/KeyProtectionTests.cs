using System.Security.Cryptography;
using AddinHost.Infrastructure.Data;
using AddinHost.Tests.Fixtures;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AddinHost.Tests.Infrastructure;

/// <summary>
/// The keys that encrypt the lawyers' token cache sit in the shared database encrypted with a certificate: every
/// instance holding it reads them, a copy of the database without it reads nothing, and a rotation keeps old keys
/// readable.
/// </summary>
public sealed class KeyProtectionTests : IAsyncLifetime
{
    private readonly string _certificate = TestCertificates.NewPfx("OutlookDunning clés");
    private string _database = "";

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync(DbKind.Postgres);

    public Task DisposeAsync() => Task.CompletedTask;

    private DunningApp Host(string? certificate, string? previous = null)
    {
        var settings = new Dictionary<string, string>();
        if (certificate is not null) settings["DataProtection:Certificate"] = certificate;
        if (previous is not null) settings["DataProtection:PreviousCertificate"] = previous;
        var app = new DunningApp(DbKind.Postgres, _database, "cabinet-test") { Settings = settings };
        _ = app.Server;
        return app;
    }

    private static IDataProtector Protector(DunningApp app) =>
        app.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("OutlookDunning.Tests");

    [Fact]
    public async Task Keys_are_stored_encrypted_readable_by_every_instance_with_the_certificate_and_by_nothing_else()
    {
        string secret;
        await using (var first = Host(_certificate))
        {
            secret = Protector(first).Protect("jeton de la messagerie de Maître Delaunay");
            await using var scope = first.Services.CreateAsyncScope();
            var stored = await scope.ServiceProvider.GetRequiredService<DunningDbContext>().DataProtectionKeys
                .AsNoTracking().ToListAsync();
            var key = Assert.Single(stored).Xml!;
            Assert.Contains("EncryptedData", key);                 // encrypted with the certificate
            Assert.DoesNotContain("<value>", key);                 // no plain master key
        }

        await using (var second = Host(_certificate))          // another instance, same certificate
            Assert.Equal("jeton de la messagerie de Maître Delaunay", Protector(second).Unprotect(secret));

        await using (var copy = Host(certificate: null))       // the database alone
            Assert.ThrowsAny<CryptographicException>(() => Protector(copy).Unprotect(secret));

        // A rotation: the new certificate protects new keys, the previous one still opens the old key.
        var rotated = TestCertificates.NewPfx("OutlookDunning clés 2027");
        await using (var afterRotation = Host(rotated, previous: _certificate))
            Assert.Equal("jeton de la messagerie de Maître Delaunay", Protector(afterRotation).Unprotect(secret));
        await using (var forgotten = Host(rotated))
            Assert.ThrowsAny<CryptographicException>(() => Protector(forgotten).Unprotect(secret));
    }

    [Fact]
    public void A_certificate_that_is_not_a_pfx_with_its_key_stops_the_start_with_the_reason()
    {
        using var app = new DunningApp(DbKind.Sqlite, "Data Source=:memory:", "cabinet-test")
        {
            Settings = new Dictionary<string, string> { ["DataProtection:Certificate"] = "pas-un-certificat" },
        };
        var e = Assert.ThrowsAny<Exception>(() => app.Server);
        Assert.Contains("DataProtection:Certificate n'est pas un certificat PFX", e.GetBaseException().Message);
    }
}
