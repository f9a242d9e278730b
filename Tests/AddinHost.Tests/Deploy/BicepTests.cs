using System.Diagnostics;
using System.Reflection;
using System.Text.Json;
using AddinHost.Tests.Fixtures;

namespace AddinHost.Tests.Deploy;

/// <summary>The infrastructure as code compiles and lints clean (warnings count as errors),
/// and says what the admin guide promises.</summary>
public sealed class BicepTests
{
    private static readonly string Bicep =
        typeof(BicepTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "BicepPath").Value!;
    private static readonly string Template = Path.Combine(RepositoryRoot.Path, "AddinHost", "deploy", "main.bicep");

    private static async Task<(int Code, string Output)> RunAsync(params string[] args)
    {
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(Bicep, File.GetUnixFileMode(Bicep) | UnixFileMode.UserExecute);
        var start = new ProcessStartInfo(Bicep) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync() + await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, output);
    }

    [Fact]
    public async Task The_template_builds_and_lints_without_a_warning()
    {
        var lint = await RunAsync("lint", Template);
        Assert.True(lint.Code == 0 && !lint.Output.Contains("Warning", StringComparison.OrdinalIgnoreCase),
            lint.Output);
        var build = await RunAsync("build", Template, "--stdout");
        Assert.True(build.Code == 0, build.Output);

        var resources = JsonDocument.Parse(build.Output).RootElement.GetProperty("resources");
        var types = resources.EnumerateArray().Select(r => r.GetProperty("type").GetString()).ToList();
        foreach (var expected in new[] { "Microsoft.Web/sites", "Microsoft.DBforPostgreSQL/flexibleServers",
                     "Microsoft.Storage/storageAccounts",
                     "Microsoft.KeyVault/vaults", "Microsoft.Insights/components",
                     "Microsoft.ManagedIdentity/userAssignedIdentities" })
            Assert.Contains(expected, types);
        var storage = resources.EnumerateArray()
            .Single(r => r.GetProperty("type").GetString() == "Microsoft.Storage/storageAccounts");
        var worm = storage.GetProperty("properties").GetProperty("immutableStorageWithVersioning");
        Assert.True(worm.GetProperty("enabled").GetBoolean()); // proofs are WORM from the first write
        // The app is told the same period, so an erasure request can say until when the storage keeps a proof.
        var site = resources.EnumerateArray().Single(r => r.GetProperty("type").GetString() == "Microsoft.Web/sites");
        Assert.True(site.GetProperty("properties").GetProperty("siteConfig")
            .GetProperty("acrUseManagedIdentityCreds").GetBoolean()); // pulled with the identity
        var settings = site.GetProperty("properties").GetProperty("siteConfig")
            .GetProperty("appSettings").EnumerateArray()
            .ToDictionary(a => a.GetProperty("name").GetString()!, a => a.GetProperty("value").GetString()!);
        // the keys' certificate comes from Key Vault
        Assert.Contains("@Microsoft.KeyVault(", settings["DataProtection__Certificate"]);
        // the caller's address behind the front end, for the webhook's allow-list
        Assert.Equal("true", settings["ASPNETCORE_FORWARDEDHEADERS_ENABLED"]);
        var told = site.GetProperty("properties").GetProperty("siteConfig").GetProperty("appSettings").EnumerateArray()
            .Single(a => a.GetProperty("name").GetString() == "Proofs__ImmutabilityDays")
            .GetProperty("value").GetString();
        Assert.Equal(worm.GetProperty("immutabilityPolicy").GetProperty("immutabilityPeriodSinceCreationInDays")
            .GetString(), told!.Replace("string(", "").Replace(")]", "]"));
        Assert.DoesNotContain("Password=", build.Output.Split("\"outputs\"")[1]); // no secret in an output

        // The database as a second wall: private access only, no firewall rule,
        // and the service connects as its own role.
        Assert.DoesNotContain("Microsoft.DBforPostgreSQL/flexibleServers/firewallRules", types);
        Assert.DoesNotContain("0.0.0.0", build.Output);
        var postgres = resources.EnumerateArray()
            .Single(r => r.GetProperty("type").GetString() == "Microsoft.DBforPostgreSQL/flexibleServers");
        var network = postgres.GetProperty("properties").GetProperty("network");
        Assert.Equal("Disabled", network.GetProperty("publicNetworkAccess").GetString());
        Assert.Contains("'database'", network.GetProperty("delegatedSubnetResourceId").GetString());
        Assert.Contains("subnets', ", site.GetProperty("properties").GetProperty("virtualNetworkSubnetId").GetString());
        // the role cannot migrate: the migration step does
        Assert.Equal("false", settings["Database__MigrateAtStartup"]);
        var connection = resources.EnumerateArray()
            .Single(r => r.GetProperty("name").GetString()!.Contains("ConnectionStrings--Dunning"));
        var value = connection.GetProperty("properties").GetProperty("value").GetString()!;
        Assert.Contains("parameters('appDbRole')", value);
        Assert.DoesNotContain("postgresAdmin", value);
        Assert.Contains("@Microsoft.KeyVault(", settings["Ar24__WebhookSecret"]); // the callback keys' secret
    }
}
