using System.Diagnostics;
using AddinHost.Tests.Fixtures;

namespace AddinHost.Tests.Infrastructure;

/// <summary>
/// The host started as an admin starts it (its own process, no settings file), with settings missing or refused: one
/// French list of everything to set, a non-zero exit, no stack trace.
/// </summary>
public sealed class ProductionStartTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("od-prod-").FullName;

    private async Task<(int Code, string Out, string Err)> StartAsync(string environment,
        Dictionary<string, string>? settings = null)
    {
        var psi = new ProcessStartInfo("dotnet", ["exec", Path.Combine(AppContext.BaseDirectory, "AddinHost.dll")])
        { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = _folder };
        // An empty configuration: nothing inherited from this process's settings or environment names.
        foreach (var key in psi.Environment.Keys.Where(k => k.Contains("__", StringComparison.Ordinal)
                     || k.StartsWith("ASPNETCORE_", StringComparison.Ordinal)
                     || k.StartsWith("DOTNET_ENVIRONMENT", StringComparison.Ordinal)).ToList())
            psi.Environment.Remove(key);
        psi.Environment["ASPNETCORE_ENVIRONMENT"] = environment;
        psi.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        foreach (var (key, value) in settings ?? []) psi.Environment[key.Replace(":", "__")] = value;
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            p.Kill(entireProcessTree: true);
            Assert.Fail("the host started instead of refusing its settings");
        }
        return (p.ExitCode, await stdout, await stderr);
    }

    [Fact]
    public async Task Production_with_an_empty_configuration_lists_every_missing_setting_at_once()
    {
        var (code, output, error) = await StartAsync("Production");

        Assert.Equal(78, code);
        Assert.Contains("Le service ne peut pas démarrer (environnement Production)", error);
        string[] expected =
        [
            "ConnectionStrings:Dunning", "DataProtection:Certificate", "Proofs:Store=AzureBlob", "Ar24:BaseUrl",
            "Ar24:Token", "Ar24:PrivateKey", "AzureAd:ClientId", "Addin:PublicUrl",
        ];
        var lines = error.Split('\n').Where(l => l.TrimStart().StartsWith("- ", StringComparison.Ordinal)).ToList();
        foreach (var setting in expected)
            Assert.True(lines.Count(l => l.Contains(setting, StringComparison.Ordinal)) >= 1,
                $"{setting} missing from:\n{error}");
        // Each line says where the admin guide explains it.
        Assert.All(lines, l => Assert.Contains("(voir : ", l));
        Assert.DoesNotContain("Exception", error + output);
        Assert.DoesNotContain("   at ", error + output);
    }

    [Theory]
    [InlineData("Staging")]
    [InlineData("QA")]
    [InlineData("Developement")] // a typo is not Development
    public async Task The_demo_and_the_simulators_are_refused_outside_development(string environment)
    {
        var (code, _, error) = await StartAsync(environment,
            new() { ["Auth:Demo"] = "true", ["Sandbox:Enabled"] = "true" });

        Assert.Equal(78, code);
        Assert.Contains("Auth:Demo=true est interdit hors de l'environnement Development", error);
        Assert.Contains("Sandbox:Enabled=true est interdit hors de l'environnement Development", error);
        Assert.DoesNotContain("   at ", error);
    }

    [Fact]
    public async Task The_demo_is_refused_beside_a_real_entra_sign_in()
    {
        var (code, _, error) = await StartAsync("Development",
            new() { ["Auth:Demo"] = "true", ["AzureAd:ClientId"] = TestTokens.ClientId });

        Assert.Equal(78, code);
        Assert.Contains("Auth:Demo=true est refusé quand AzureAd:ClientId est configuré", error);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
