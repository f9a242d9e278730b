using System.Security;
using System.Security.Cryptography;
using System.Text;
using AddinHost.Infrastructure.Auth;
using Microsoft.Extensions.Options;

namespace AddinHost.AddIn;

/// <summary>
/// The Outlook and Word manifests, filled from configuration. Their version is derived from what Office would load
/// (every file served under wwwroot, the manifest itself and its settings), so it changes whenever any of them does.
/// </summary>
public sealed class ManifestBuilder(IOptions<AddinOptions> addin, EntraOptions entra, IWebHostEnvironment env)
{
    public static readonly IReadOnlyList<string> Names = ["outlook", "word"];
    private readonly Lazy<byte[]> _assetsHash = new(() => HashAssets(env.WebRootPath));

    public static bool Exists(string name) => Names.Contains(name);

    /// <summary>The manifest, for Office at <paramref name="origin"/> (https://host[:port], no trailing slash).</summary>
    public string Build(string name, string origin)
    {
        var options = addin.Value;
        var clientId = entra.ClientId;
        var unversioned = Template(name)
            .Replace("%RESOURCES%", Template("outlook.resources").TrimEnd())
            .Replace("%WEB_APPLICATION_INFO%", string.IsNullOrEmpty(clientId) ? "" : WebApplicationInfo(clientId, origin))
            .Replace("%PUBLIC_URL%", Escape(origin))
            .Replace("%PROVIDER%", Escape(options.ProviderName))
            .Replace("%OUTLOOK_ID%", options.OutlookManifestId.ToString())
            .Replace("%WORD_ID%", options.WordManifestId.ToString());
        return unversioned.Replace("%VERSION%", Version(unversioned));
    }

    /// <summary>1.0.a.b: a and b are 16 bits of the hash of the assets and of the filled manifest (Office takes up to 5 digits a part).</summary>
    private string Version(string manifest)
    {
        var hash = SHA256.HashData([.. _assetsHash.Value, .. Encoding.UTF8.GetBytes(manifest)]);
        return $"1.0.{hash[0] << 8 | hash[1]}.{hash[2] << 8 | hash[3]}";
    }

    /// <summary>
    /// The add-in's identity for Office's single sign-on: the API's application id URI must be <c>api://host/client-id</c>,
    /// on the same host as the panes.
    /// </summary>
    private static string WebApplicationInfo(string clientId, string origin) => $"""
              <WebApplicationInfo>
                <Id>{Escape(clientId)}</Id>
                <Resource>api://{Escape(new Uri(origin).Authority)}/{Escape(clientId)}</Resource>
                <Scopes>
                  <Scope>openid</Scope>
                  <Scope>profile</Scope>
                </Scopes>
              </WebApplicationInfo>
        """;

    private static string Escape(string value) => SecurityElement.Escape(value);

    private static string Template(string name)
    {
        using var stream = typeof(ManifestBuilder).Assembly.GetManifestResourceStream($"AddinHost.AddIn.Manifests.{name}.xml")
            ?? throw new InvalidOperationException($"Manifest template {name} is not embedded.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    private static byte[] HashAssets(string? webRoot)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        if (webRoot is not null && Directory.Exists(webRoot))
            foreach (var file in Directory.EnumerateFiles(webRoot, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                hash.AppendData(Encoding.UTF8.GetBytes(Path.GetRelativePath(webRoot, file).Replace('\\', '/')));
                hash.AppendData(File.ReadAllBytes(file));
            }
        return hash.GetHashAndReset();
    }
}
