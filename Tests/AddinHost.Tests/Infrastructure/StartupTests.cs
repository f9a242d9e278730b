using Microsoft.Extensions.Configuration;
using AddinHost.Tests.Fixtures;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;

namespace AddinHost.Tests.Infrastructure;

/// <summary>Demo defaults must never reach Production.</summary>
public sealed class StartupTests
{
    private sealed class ProductionApp(Dictionary<string, string?> settings,
        Action<Microsoft.Extensions.DependencyInjection.IServiceCollection>? services = null)
        : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Production");
            foreach (var (k, v) in settings) builder.UseSetting(k, v);
            if (services is not null) builder.ConfigureTestServices(services);
        }
    }

    /// <summary>The error that stops a Production start; the key-protection certificate is given unless the test is
    /// about it.</summary>
    private static string StartupError(Dictionary<string, string?> settings, bool withKeyCertificate = true)
    {
        if (withKeyCertificate) settings.TryAdd("DataProtection:Certificate", TestCertificates.DataProtection);
        using var app = new ProductionApp(settings);
        var e = Assert.ThrowsAny<Exception>(() => app.CreateClient());
        return e.GetBaseException().Message;
    }

    [Fact]
    public void Demo_sign_in_is_refused_in_production()
    {
        var message = StartupError(new()
        {
            ["Auth:Demo"] = "true", ["ConnectionStrings:Dunning"] = "Data Source=:memory:"
        });
        Assert.Contains("Auth:Demo=true est interdit hors de l'environnement Development", message);
    }

    [Fact]
    public void The_embedded_sqlite_file_is_refused_in_production()
    {
        var message = StartupError(new() { ["Auth:Demo"] = "false" });
        Assert.Contains("ConnectionStrings:Dunning est obligatoire en Production", message);
    }

    [Fact]
    public async Task A_storage_immutability_period_that_is_not_a_number_of_days_stops_the_start()
    {
        await using var app = new DunningApp(DbKind.Sqlite, await TestDatabase.CreateAsync(DbKind.Sqlite),
            "cabinet-test")
        {
            OwnsDatabase = true,
            Settings = new Dictionary<string, string> { ["Proofs:ImmutabilityDays"] = "0" },
        };
        var e = Assert.ThrowsAny<Exception>(() => app.Server);
        Assert.Contains("Proofs:ImmutabilityDays est un nombre de jours", e.GetBaseException().Message);
    }

    [Fact]
    public async Task A_grace_shorter_than_the_lease_plus_ar24s_own_delay_stops_the_start()
    {
        // Shorter, a letter AR24 is still creating could be judged "not found" and sent a second time.
        await using var app = new DunningApp(DbKind.Sqlite, await TestDatabase.CreateAsync(DbKind.Sqlite),
            "cabinet-test")
        {
            OwnsDatabase = true,
            Settings = new Dictionary<string, string>
            {
                ["Dispatch:LeaseSeconds"] = "120", ["Dispatch:NotFoundGraceSeconds"] = "400"
            },
        };
        var e = Assert.ThrowsAny<Exception>(() => app.Server);
        Assert.Contains("Dispatch:NotFoundGraceSeconds doit dépasser LeaseSeconds de 300 secondes",
            e.GetBaseException().Message);
    }

    [Fact]
    public void Keys_in_the_database_without_a_certificate_are_refused_in_production()
    {
        var message = StartupError(new()
        {
            ["ConnectionStrings:Dunning"] = "Data Source=:memory:", ["Proofs:Store"] = "AzureBlob",
            ["ConnectionStrings:Proofs"] = "UseDevelopmentStorage=true",
        }, withKeyCertificate: false);
        Assert.Contains("DataProtection:Certificate est obligatoire en Production", message);
    }

    [Fact]
    public void The_ar24_simulator_is_refused_in_production()
    {
        var message = StartupError(new()
        {
            ["Sandbox:Enabled"] = "true", ["ConnectionStrings:Dunning"] = "Data Source=:memory:"
        });
        Assert.Contains("Sandbox:Enabled=true est interdit hors de l'environnement Development", message);
    }

    [Theory]
    [InlineData(null, "Addin:PublicUrl est obligatoire en production")]
    [InlineData("http://recouvrement.example.fr", "adresse HTTPS du service")]
    [InlineData("https://recouvrement.example.fr/volets", "sans chemin")]
    public void The_panes_public_address_is_required_and_https_in_production(string? url, string reason)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Auth:Demo"] = "false", ["ConnectionStrings:Dunning"] = "Host=localhost;Database=x",
            ["Database:Provider"] = "Postgres",
            ["Ar24:BaseUrl"] = "https://sandbox.invalid/api/", ["Ar24:Token"] = "t", ["Ar24:PrivateKey"] = "k",
            ["Dispatch:Worker"] = "false",
            ["Proofs:Store"] = "AzureBlob", ["ConnectionStrings:Proofs"] = "UseDevelopmentStorage=true",
            ["Database:MigrateAtStartup"] = "false",
        };
        if (url is not null) settings["Addin:PublicUrl"] = url;
        Assert.Contains(reason, StartupError(settings));
    }

    [Fact]
    public void Ar24_settings_are_checked_at_start_up()
    {
        var message = StartupError(new()
        {
            ["ConnectionStrings:Dunning"] = "Data Source=:memory:", ["Ar24:BaseUrl"] = "pas une adresse",
            ["Proofs:Store"] = "AzureBlob", ["ConnectionStrings:Proofs"] = "UseDevelopmentStorage=true",
        });
        Assert.Contains("Ar24:", message);
    }

    [Fact]
    public void The_local_proof_folder_is_refused_in_production()
    {
        var message = StartupError(new() { ["ConnectionStrings:Dunning"] = "Data Source=:memory:" });
        Assert.Contains("dossier local de preuves", message);
    }

    [Fact]
    public void Ar24_senders_are_checked_at_start_up()
    {
        var message = StartupError(new()
        {
            ["ConnectionStrings:Dunning"] = "Data Source=:memory:", ["Ar24:BaseUrl"] = "https://app.ar24.fr/api/",
            ["Ar24:Token"] = "t", ["Ar24:PrivateKey"] = "k",
            ["Ar24:Senders:0:Tenant"] = "cabinet", ["Ar24:Senders:0:User"] = "u1",
            ["Ar24:Senders:0:Email"] = "pas-une-adresse",
            ["Ar24:Senders:0:Firstname"] = "A", ["Ar24:Senders:0:Lastname"] = "B",
            ["Proofs:Store"] = "AzureBlob", ["ConnectionStrings:Proofs"] = "UseDevelopmentStorage=true",
        });
        Assert.Contains("Ar24:Senders", message);
    }

    [Fact]
    public void Proofs_reach_azure_with_the_managed_identity_when_the_blob_service_uri_is_set()
    {
        var config = new Microsoft.Extensions.Configuration.ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Proofs:BlobServiceUri"] = "https://cabinet.blob.core.windows.net",
                ["Proofs:ManagedIdentityClientId"] = "00000000-0000-0000-0000-000000000001",
            }).Build();
        var client = AddinHost.Proofs.ProofsExtensions.BlobService(config);
        Assert.Equal("cabinet", client.AccountName);
        Assert.Equal("https://cabinet.blob.core.windows.net/", client.Uri.ToString());
        var plain = new Microsoft.Extensions.Configuration.ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Proofs:BlobServiceUri"] = "http://cabinet.blob.core.windows.net",
            }).Build();
        Assert.Contains("https",
            Assert.Throws<InvalidOperationException>(() => { AddinHost.Proofs.ProofsExtensions.BlobService(plain); })
                .Message);
        var none = new ConfigurationBuilder().Build();
        Assert.Contains("ConnectionStrings:Proofs",
            Assert.Throws<InvalidOperationException>(() => { AddinHost.Proofs.ProofsExtensions.BlobService(none); })
                .Message);
    }

    [Fact]
    public void Entra_sign_in_without_the_services_credential_is_refused_in_production()
    {
        var message = StartupError(new()
        {
            ["ConnectionStrings:Dunning"] = "Data Source=:memory:", ["AzureAd:ClientId"] = TestTokens.ClientId,
            ["Proofs:Store"] = "AzureBlob", ["ConnectionStrings:Proofs"] = "UseDevelopmentStorage=true",
        });
        Assert.Contains("AzureAd:ClientSecret ou AzureAd:ClientCredentials", message);
    }

    [Fact]
    public void Postgres_without_a_connection_string_is_a_clear_error()
    {
        var message = StartupError(new() { ["Database:Provider"] = "Postgres" });
        Assert.Contains("ConnectionStrings:Dunning", message);
    }

    [Theory]
    [InlineData(DbKind.Sqlite)]
    [InlineData(DbKind.Postgres)]
    public async Task Without_a_token_every_api_call_is_a_french_401(DbKind kind)
    {
        var db = await TestDatabase.CreateAsync(kind);
        await using var app = new ProductionApp(new()
        {
            ["Auth:Demo"] = "false", ["Database:Provider"] = kind.ToString(), ["ConnectionStrings:Dunning"] = db,
            ["Ar24:BaseUrl"] = "https://sandbox.invalid/api/", ["Ar24:Token"] = "t", ["Ar24:PrivateKey"] = "k",
            ["Dispatch:Worker"] = "false",
            ["Proofs:Store"] = "AzureBlob", ["ConnectionStrings:Proofs"] = "UseDevelopmentStorage=true",
            ["Addin:PublicUrl"] = "https://recouvrement.example.fr",
            ["DataProtection:Certificate"] = TestCertificates.DataProtection,
            ["AzureAd:ClientId"] = TestTokens.ClientId, ["AzureAd:ClientSecret"] = "secret-de-test",
        }, TestTokens.TrustTestKey);
        var client = app.CreateClient();
        var problem = await (await client.GetAsync("/api/cases")).ProblemAsync(401);
        Assert.Contains("Connexion requise", problem.GetProperty("detail").GetString());
        Assert.True((await client.GetAsync("/health/live")).IsSuccessStatusCode); // probes need no sign-in
        var info = await (await client.GetAsync("/api/info")).Content.ReadAsStringAsync();
        Assert.Contains("\"demonstration\":false", info);

        // In Production the API's description is for signed-in users only, and no page shows it to strangers.
        await (await client.GetAsync("/openapi/v1.json")).ProblemAsync(401);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await client.GetAsync("/scalar")).StatusCode);
        Assert.Contains("\"environment\":null", info); // nor the environment's name
        // The essai page and its office.js stand-in are a developer's, never served outside Development.
        foreach (var path in new[] { "/app/essai.html", "/sandbox/office/office.js", "/sandbox/office/volet/outlook" })
            Assert.Equal(System.Net.HttpStatusCode.NotFound, (await client.GetAsync(path)).StatusCode);
    }
}
