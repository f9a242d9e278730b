using System.Net;
using AddinHost.Tests.Fixtures;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace AddinHost.Tests.Hostile;

/// <summary>What a stranger learns from a Production host: no API description, no environment name.</summary>
public sealed class StrangerTests
{
    private sealed class ProductionApp(Dictionary<string, string?> settings) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Production");
            foreach (var (k, v) in settings) builder.UseSetting(k, v);
            builder.ConfigureServices(TestTokens.TrustTestKey);
        }
    }

    [Fact]
    public async Task The_api_description_needs_a_signed_in_user_and_info_names_no_environment()
    {
        const string firm = "3c0e6a8b-1d2f-4e5a-9b7c-0d1e2f3a4b5c";
        var db = await TestDatabase.CreateAsync(DbKind.Sqlite);
        var settings = new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Sqlite", ["ConnectionStrings:Dunning"] = db,
            ["Ar24:BaseUrl"] = "https://sandbox.invalid/api/", ["Ar24:Token"] = "t",
            ["Ar24:PrivateKey"] = "k", ["Dispatch:Worker"] = "false",
            ["Proofs:Store"] = "AzureBlob", ["ConnectionStrings:Proofs"] = "UseDevelopmentStorage=true",
            ["Addin:PublicUrl"] = "https://recouvrement.example.fr",
            ["DataProtection:Certificate"] = TestCertificates.DataProtection,
            ["AzureAd:ClientSecret"] = "secret-de-test",
        };
        foreach (var (k, v) in TestTokens.EntraSettings(firm)) settings[k] = v;
        await using var app = new ProductionApp(settings);
        var stranger = app.CreateClient();
        Assert.Contains("Connexion requise",
            (await (await stranger.GetAsync("/openapi/v1.json")).ProblemAsync(401))
            .GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync("/scalar")).StatusCode);
        var info = await (await stranger.GetAsync("/api/info")).Content.ReadAsStringAsync();
        Assert.DoesNotContain("Production", info);

        var lawyer = app.CreateClient().WithToken(TestTokens.Create(firm, ["Avocat"]));
        var description = await lawyer.GetAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, description.StatusCode);
        Assert.Contains("/api/cases", await description.Content.ReadAsStringAsync());
        await TestDatabase.DropAsync(DbKind.Sqlite, db);
    }
}

/// <summary>A generated letter's download is written to the audit log, as a proof's is.</summary>
public sealed class LetterDownloadAuditTests() : ApiTestBase(DbKind.Sqlite)
{
    [Fact]
    public async Task Downloading_a_generated_letter_leaves_an_audit_entry_naming_it()
    {
        var (_, company, _) = await SeedTypicalAsync();
        var letter = await (await Client.PostJsonAsync($"/api/cases/{company.Id}/letters",
            new { template = "relance-1" }))
            .ReadAsync<AddinHost.Letters.LetterService.GeneratedLetterDto>();
        Assert.DoesNotContain("courrier.telecharge",
            await (await Client.GetAsync("/api/audit")).Content.ReadAsStringAsync());
        (await Client.GetAsync($"/api/cases/{company.Id}/letters/{letter.Id}")).EnsureSuccessStatusCode();
        var audit = await (await Client.GetAsync("/api/audit")).Content.ReadAsStringAsync();
        Assert.Contains("courrier.telecharge", audit);
        Assert.Contains(letter.Id.ToString(), audit);
    }
}
