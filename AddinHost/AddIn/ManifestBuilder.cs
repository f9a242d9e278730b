using System.IO.Compression;
using System.Security;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using AddinHost.Infrastructure.Auth;
using Microsoft.Extensions.Options;

namespace AddinHost.AddIn;

/// <summary>
/// The Outlook and Word XML manifests and the Outlook app package (unified manifest for Microsoft 365), filled from
/// configuration. Their version is derived from what Office would load (every file served under wwwroot, the manifests
/// themselves and their settings), so it changes whenever any of them does; Outlook's two manifests share it.
/// </summary>
public sealed class ManifestBuilder(IOptions<AddinOptions> addin, EntraOptions entra, IWebHostEnvironment env)
{
    public static readonly IReadOnlyList<string> Names = ["outlook", "word"];

    /// <summary>The app package's file name, served at <c>/manifest/outlook-app.zip</c>.</summary>
    public const string AppPackage = "outlook-app.zip";

    private readonly Lazy<byte[]> _assetsHash = new(() => HashAssets(env.WebRootPath));

    public static bool Exists(string name) => Names.Contains(name);

    /// <summary>The XML manifest, for Office at <paramref name="origin"/> (https://host[:port], no trailing
    /// slash).</summary>
    public string Build(string name, string origin)
    {
        var xml = UnversionedXml(name, origin);
        return xml.Replace("%VERSION%", Version(name == "outlook" ? [xml, UnversionedJson(origin)] : [xml]));
    }

    /// <summary>
    /// The Outlook add-in as a Microsoft 365 app package (Integrated apps): <c>manifest.json</c> with the French
    /// strings,
    /// <c>en-us.json</c>, and the two icons the unified manifest asks for (color 192×192, outline 32×32).
    /// </summary>
    public byte[] BuildAppPackage(string origin)
    {
        var json = UnversionedJson(origin);
        var manifest = JsonNode.Parse(json.Replace("%VERSION%",
            Version([UnversionedXml("outlook", origin), json])))!.AsObject();
        if (string.IsNullOrEmpty(entra.ClientId)) manifest.Remove("webApplicationInfo"); // no single sign-on to declare
        using var zip = new MemoryStream();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
        {
            Add(archive, "manifest.json", Encoding.UTF8.GetBytes(manifest.ToJsonString(Indented)));
            Add(archive, "en-us.json", Encoding.UTF8.GetBytes(Template("outlook-en-us.json")));
            Add(archive, "color.png", File.ReadAllBytes(Icon("icon-192.png")));
            Add(archive, "outline.png", File.ReadAllBytes(Icon("outline-32.png")));
        }
        return zip.ToArray();
    }

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    private string UnversionedXml(string name, string origin)
    {
        var options = addin.Value;
        var clientId = entra.ClientId;
        // The mobile button's 25 and 48 px icons exist only where MobileFormFactor does: the 1.1 level.
        var resources = Template("outlook.resources.xml").TrimEnd();
        return Template($"{name}.xml")
            .Replace("%RESOURCES_1_1%", resources.Replace("%MOBILE_IMAGES%\n", Template("outlook.mobile-images.xml")))
            .Replace("%RESOURCES%", resources.Replace("%MOBILE_IMAGES%\n", ""))
            .Replace("%WEB_APPLICATION_INFO%", string.IsNullOrEmpty(clientId) ? ""
                : WebApplicationInfo(clientId, origin))
            .Replace("%PUBLIC_URL%", Escape(origin))
            .Replace("%PROVIDER%", Escape(options.ProviderName))
            .Replace("%OUTLOOK_ID%", options.OutlookManifestId.ToString())
            .Replace("%WORD_ID%", options.WordManifestId.ToString());
    }

    private string UnversionedJson(string origin)
    {
        var options = addin.Value;
        return Template("outlook.json")
            .Replace("%PUBLIC_URL%", JsonText(origin))
            .Replace("%PUBLIC_HOST%", JsonText(new Uri(origin).Authority))
            .Replace("%PROVIDER%", JsonText(options.ProviderName))
            .Replace("%OUTLOOK_ID%", options.OutlookManifestId.ToString())
            .Replace("%CLIENT_ID%", JsonText(entra.ClientId ?? ""))
            .Replace("%RESOURCE%", JsonText(entra.ClientId is { Length: > 0 } id ? Resource(id, origin) : ""));
    }

    /// <summary>
    /// 1.a.b: a and b are 16 bits each of the hash of the assets and of the filled manifests (Office takes up to 5
    /// digits a part in XML; the unified manifest takes a semantic version).
    /// </summary>
    private string Version(IEnumerable<string> manifests)
    {
        var hash = SHA256.HashData([.. _assetsHash.Value, .. Encoding.UTF8.GetBytes(string.Concat(manifests))]);
        return $"1.{hash[0] << 8 | hash[1]}.{hash[2] << 8 | hash[3]}";
    }

    /// <summary>
    /// The add-in's identity for Office's single sign-on: the API's application id URI must be
    /// <c>api://host/client-id</c>,
    /// on the same host as the panes.
    /// </summary>
    private static string WebApplicationInfo(string clientId, string origin) => $"""
              <WebApplicationInfo>
                <Id>{Escape(clientId)}</Id>
                <Resource>{Escape(Resource(clientId, origin))}</Resource>
                <Scopes>
                  <Scope>openid</Scope>
                  <Scope>profile</Scope>
                </Scopes>
              </WebApplicationInfo>
        """;

    private static string Resource(string clientId, string origin) => $"api://{new Uri(origin).Authority}/{clientId}";

    private static string Escape(string value) => SecurityElement.Escape(value);

    /// <summary>A value inside a JSON string literal of a template.</summary>
    private static string JsonText(string value) => JsonEncodedText.Encode(value).ToString();

    private string Icon(string name) => Path.Combine(env.WebRootPath ?? "wwwroot", "icons", name);

    private static void Add(ZipArchive archive, string name, byte[] content)
    {
        var entry = archive.CreateEntry(name, CompressionLevel.Optimal);
        entry.LastWriteTime = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero); // same bytes for the same package
        using var stream = entry.Open();
        stream.Write(content);
    }

    private static string Template(string file)
    {
        using var stream = typeof(ManifestBuilder)
            .Assembly.GetManifestResourceStream($"AddinHost.AddIn.Manifests.{file}")
            ?? throw new InvalidOperationException($"Manifest template {file} is not embedded.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    private static byte[] HashAssets(string? webRoot)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        if (webRoot is not null && Directory.Exists(webRoot))
            foreach (var file in Directory.EnumerateFiles(webRoot, "*", SearchOption.AllDirectories)
                .Order(StringComparer.Ordinal))
            {
                hash.AppendData(Encoding.UTF8.GetBytes(Path.GetRelativePath(webRoot, file).Replace('\\', '/')));
                hash.AppendData(File.ReadAllBytes(file));
            }
        return hash.GetHashAndReset();
    }
}
