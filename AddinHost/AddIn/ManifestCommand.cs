using AddinHost.Infrastructure.Cli;
using Microsoft.Extensions.Options;

namespace AddinHost.AddIn;

/// <summary><c>manifest --out &lt;dir&gt;</c>: writes the filled manifests, for admins who upload files to the admin
/// center.</summary>
public static class ManifestCommand
{
    public const string Usage = "manifest --out <dossier> [--public-url https://…]   écrit outlook.xml, word.xml et " +
        "outlook-app.zip pour le centre d'administration";

    public static async Task<int> RunAsync(string[] rest, Func<string[], WebApplication> buildHost, TextWriter output)
    {
        var a = new CliArguments(rest, new HashSet<string>());
        var folder = a.Required("out");
        var publicUrl = a.Text("public-url");
        a.RejectUnknown();
        await using var host = buildHost(publicUrl is null ? [] : [$"--{AddinOptions.Section}:PublicUrl={publicUrl}"]);
        AddinOptions options;
        try
        {
            options = host.Services.GetRequiredService<IOptions<AddinOptions>>().Value;
        }
        catch (OptionsValidationException e)
        {
            throw new CliUsageException(string.Join(" ", e.Failures));
        }
        var origin = options.Origin ?? throw new CliUsageException(
            "Indiquez l'adresse HTTPS du service : --public-url https://recouvrement.cabinet.fr (ou Addin:PublicUrl " +
                "dans la configuration).");
        Directory.CreateDirectory(folder);
        var manifests = host.Services.GetRequiredService<ManifestBuilder>();
        foreach (var name in ManifestBuilder.Names)
        {
            var path = Path.Combine(folder, $"{name}.xml");
            await File.WriteAllTextAsync(path, manifests.Build(name, origin), new System.Text.UTF8Encoding(false));
            await output.WriteLineAsync($"Manifeste écrit : {path}");
        }
        var package = Path.Combine(folder, ManifestBuilder.AppPackage);
        await File.WriteAllBytesAsync(package, manifests.BuildAppPackage(origin));
        await output.WriteLineAsync($"Paquet d'application (manifeste unifié, Outlook) écrit : {package}");
        await output.WriteLineAsync(
            $"Déposez ces fichiers dans le centre d'administration Microsoft 365 (Applications intégrées). Volets " +
            $"servis par {origin}.");
        return ExitCodes.Ok;
    }
}
