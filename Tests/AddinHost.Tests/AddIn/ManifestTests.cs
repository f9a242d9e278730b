using System.IO.Compression;
using System.Net;
using System.Text.Json;
using System.Xml.Linq;
using AddinHost.AddIn;
using AddinHost.Infrastructure.Auth;
using AddinHost.Tests.Fixtures;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;
using NSubstitute;

namespace AddinHost.Tests.AddIn;

/// <summary>The manifests the host serves pass Office's rules, name files the host really serves, and change version
/// with the assets.</summary>
public sealed class ManifestTests : ApiTestBase
{
    private const string Origin = "https://recouvrement.example.fr";

    public ManifestTests() : base(DbKind.Sqlite) { }

    protected override IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
    {
        // Entra sign-in configured as in a real deployment (the demo is refused beside it); the manifests are public.
        ["Addin:PublicUrl"] = Origin, ["AzureAd:ClientId"] = TestTokens.ClientId, ["Auth:Demo"] = "false",
    };

    private ManifestRules Rules() => new(async path =>
    {
        var response = await Client.GetAsync(path);
        return ((int)response.StatusCode, await response.Content.ReadAsByteArrayAsync());
    }, Origin);

    private async Task<string> ManifestAsync(string name)
    {
        var response = await Client.GetAsync($"/manifest/{name}.xml");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/xml", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadAsStringAsync();
    }

    [Theory]
    [InlineData("outlook")]
    [InlineData("word")]
    public async Task Each_manifest_passes_offices_rules_and_names_what_the_host_serves(string name)
    {
        var xml = await ManifestAsync(name);
        Assert.Empty(await Rules().CheckAsync(xml));
        var root = XDocument.Parse(xml).Root!;
        Assert.Equal("fr-FR", root.Element(ManifestRules.App + "DefaultLocale")!.Value);
        var info = root.Descendants().Single(e => e.Name.LocalName == "WebApplicationInfo");
        Assert.Equal($"api://recouvrement.example.fr/{TestTokens.ClientId}",
            info.Elements().Single(e => e.Name.LocalName == "Resource").Value);
    }

    [Fact]
    public async Task The_outlook_manifest_puts_its_button_on_the_message_read_surface_with_pinning_in_1_1()
    {
        var root = XDocument.Parse(await ManifestAsync("outlook")).Root!;
        Assert.Equal("MailApp", root.Attribute(ManifestRules.Xsi + "type")!.Value);
        var v11 = root.Descendants(ManifestRules.Mail11 + "VersionOverrides").Single();
        var desktop = v11.Descendants(ManifestRules.Mail11 + "DesktopFormFactor").Single();
        var surface = desktop.Elements(ManifestRules.Mail11 + "ExtensionPoint").Single();
        Assert.Equal("MessageReadCommandSurface", surface.Attribute(ManifestRules.Xsi + "type")!.Value);
        Assert.Equal("true", v11.Descendants(ManifestRules.Mail11 + "SupportsPinning").Single().Value);
        Assert.Equal("Recouvrement", v11.Descendants(ManifestRules.Bt + "String")
            .Single(s => s.Attribute("id")!.Value == "Bouton.Libelle").Attribute("DefaultValue")!.Value);
    }

    [Fact]
    public async Task The_outlook_manifest_opens_in_shared_folders_and_on_phones_in_1_1_only()
    {
        var root = XDocument.Parse(await ManifestAsync("outlook")).Root!;
        var v10 = root.Element(ManifestRules.Mail10 + "VersionOverrides")!;
        var v11 = v10.Element(ManifestRules.Mail11 + "VersionOverrides")!;
        var desktop = v11.Descendants(ManifestRules.Mail11 + "DesktopFormFactor").Single();
        Assert.Equal("SupportsSharedFolders", desktop.Elements().First().Name.LocalName);
        Assert.Equal("true", desktop.Elements().First().Value);
        var point = v11.Descendants(ManifestRules.Mail11 + "MobileFormFactor").Single().Elements().Single();
        Assert.Equal("MobileMessageReadCommandSurface", point.Attribute(ManifestRules.Xsi + "type")!.Value);
        var button = point.Descendants(ManifestRules.Mail11 + "Control").Single();
        var source = button.Descendants(ManifestRules.Mail11 + "SourceLocation").Single();
        Assert.Equal("Volet.Url", source.Attribute("resid")!.Value);
        Assert.Equal(9, button.Descendants(ManifestRules.Bt + "Image").Count());
        // The 1.0 level knows neither, nor the mobile icons.
        var inV10 = v10.Elements().Where(e => e.Name.LocalName != "VersionOverrides")
            .SelectMany(e => e.DescendantsAndSelf()).ToList();
        Assert.DoesNotContain(inV10, e => e.Name.LocalName is "SupportsSharedFolders" or "MobileFormFactor");
        Assert.DoesNotContain(inV10, e => (string?)e.Attribute("id") is "Icone.25" or "Icone.48");
    }

    [Theory]
    [InlineData("shared-folders-place")]
    [InlineData("shared-folders-1.0")]
    [InlineData("mobile-icon")]
    [InlineData("mobile-type")]
    [InlineData("order")]
    [InlineData("guid")]
    [InlineData("version")]
    [InlineData("http")]
    [InlineData("unserved")]
    [InlineData("resid")]
    [InlineData("icon")]
    [InlineData("long")]
    [InlineData("namespace")]
    [InlineData("resource")]
    public async Task The_rules_catch_each_kind_of_mistake(string mistake)
    {
        var xml = await ManifestAsync("outlook");
        var broken = mistake switch
        {
            "shared-folders-place" => xml.Replace("<SupportsSharedFolders>true</SupportsSharedFolders>", "")
                .Replace("</DesktopFormFactor>\n          <!--",
                    "<SupportsSharedFolders>true</SupportsSharedFolders></DesktopFormFactor>\n          <!--"),
            "shared-folders-1.0" => xml.Replace("<DesktopFormFactor>\n          <ExtensionPoint",
                "<DesktopFormFactor><SupportsSharedFolders>true</SupportsSharedFolders>\n          <ExtensionPoint"),
            "mobile-icon" => xml.Replace("<bt:Image size=\"48\" scale=\"3\" resid=\"Icone.48\" />", ""),
            "mobile-type" => xml.Replace("<Control xsi:type=\"MobileButton\" id=\"boutonRecouvrementMobile\">",
                "<Control xsi:type=\"Button\" id=\"boutonRecouvrementMobile\">"),
            "order" => Swap(xml, "<ProviderName>", "</ProviderName>", "<Version>", "</Version>"),
            "guid" => xml.Replace("<Id>0b8f3c1e-5d2a-4e7b-9c61-3f4a8d2e7b10</Id>", "<Id>pas-un-guid</Id>"),
            "version" => System.Text.RegularExpressions.Regex.Replace(xml, "<Version>[^<]*</Version>",
                "<Version>1.0.0.0.0</Version>"),
            "http" => xml.Replace($"{Origin}/icons/icon-64.png", "http://recouvrement.example.fr/icons/icon-64.png"),
            "unserved" => xml.Replace($"{Origin}/app/outlook.html", $"{Origin}/app/absent.html"),
            "resid" => xml.Replace("<Label resid=\"Bouton.Libelle\" />", "<Label resid=\"Bouton.Inconnu\" />"),
            "icon" => xml.Replace($"{Origin}/icons/icon-80.png", $"{Origin}/icons/icon-64.png"),
            "long" => xml.Replace("DefaultValue=\"Recouvrement\"", $"DefaultValue=\"{new string('x', 126)}\""),
            "namespace" => xml.Replace("<bt:Set Name=\"Mailbox\" />", "<Set Name=\"Mailbox\" />"),
            _ => xml.Replace($"api://recouvrement.example.fr/{TestTokens.ClientId}",
                $"api://autre.example.fr/{TestTokens.ClientId}"),
        };
        Assert.NotEqual(xml, broken);
        var problems = await Rules().CheckAsync(broken);
        var expected = mistake switch
        {
            "shared-folders-place" or "shared-folders-1.0" => "SupportsSharedFolders n'est pas",
            "mobile-icon" => "taille 48 à l'échelle 3", "mobile-type" => "MobileButton",
            "order" => "n'est pas", "guid" => "GUID", "version" => "Version", "http" => "doit être une adresse https",
            "unserved" => "répond 404", "resid" => "Bouton.Inconnu", "icon" => "64×64 px", "long" => "1 à 125",
            "namespace" => "espace de noms", _ => "Resource doit être",
        };
        Assert.Contains(problems, p => p.Contains(expected));
    }

    [Fact]
    public void The_version_follows_the_assets_and_nothing_else()
    {
        var root = Directory.CreateTempSubdirectory("assets-").FullName;
        File.WriteAllText(Path.Combine(root, "outlook.html"), "<p>v1</p>");
        string VersionOf() => XDocument.Parse(Builder(root).Build("outlook", Origin))
            .Root!.Element(ManifestRules.App + "Version")!.Value;
        var first = VersionOf();
        Assert.Matches(@"^1\.\d{1,5}\.\d{1,5}$", first); // a semantic version, as the unified manifest wants
        Assert.Equal(first, VersionOf()); // the same assets give the same version
        File.WriteAllText(Path.Combine(root, "outlook.html"), "<p>v2</p>");
        Assert.NotEqual(first, VersionOf());
        Directory.Delete(root, recursive: true);
    }

    private static ManifestBuilder Builder(string webRoot)
    {
        var env = Substitute.For<IWebHostEnvironment>();
        env.WebRootPath.Returns(webRoot);
        return new ManifestBuilder(Options.Create(new AddinOptions { PublicUrl = Origin }),
            new EntraOptions { ClientId = TestTokens.ClientId }, env);
    }

    [Fact]
    public async Task The_command_line_writes_the_same_manifests_for_upload()
    {
        var folder = Directory.CreateTempSubdirectory("manifestes-").FullName;
        var output = new StringWriter();
        // The command builds its own host on the same content (so the same assets and version), as an admin runs it.
        var code = await ManifestCommand.RunAsync(["--out", folder, "--public-url", Origin],
            args => AddinHost.Composition.HostComposition.Build(
            [.. args, $"--contentRoot={Path.Combine(RepositoryRoot.Path, "AddinHost")}", "--environment=Development",
             "--Auth:Demo=false", $"--AzureAd:ClientId={TestTokens.ClientId}"], server: false), output);
        Assert.Equal(0, code);
        foreach (var name in ManifestBuilder.Names)
            Assert.Equal(await ManifestAsync(name), await File.ReadAllTextAsync(Path.Combine(folder, $"{name}.xml")));
        Assert.Equal(await PackageAsync(),
            await File.ReadAllBytesAsync(Path.Combine(folder, ManifestBuilder.AppPackage)));
        Directory.Delete(folder, recursive: true);
    }

    private async Task<byte[]> PackageAsync()
    {
        var response = await Client.GetAsync($"/manifest/{ManifestBuilder.AppPackage}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/zip", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadAsByteArrayAsync();
    }

    private static JsonElement Entry(ZipArchive zip, string name) =>
        JsonDocument.Parse(zip.GetEntry(name)!.Open()).RootElement;

    /// <summary>Width and height from a PNG's IHDR chunk.</summary>
    private static (int Width, int Height) PngSize(ZipArchive zip, string name)
    {
        using var bytes = new MemoryStream();
        zip.GetEntry(name)!.Open().CopyTo(bytes);
        var png = bytes.ToArray();
        Assert.Equal("\x89PNG", System.Text.Encoding.Latin1.GetString(png, 0, 4));
        return (System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)),
            System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20)));
    }

    [Fact]
    public async Task The_outlook_app_package_passes_the_published_schema_of_its_manifest_version()
    {
        using var zip = new ZipArchive(new MemoryStream(await PackageAsync()));
        Assert.Equal(["color.png", "en-us.json", "manifest.json", "outline.png"],
            zip.Entries.Select(e => e.FullName).Order());
        Assert.Equal((192, 192), PngSize(zip, "color.png"));
        Assert.Equal((32, 32), PngSize(zip, "outline.png"));
        var folder = Directory.CreateTempSubdirectory("paquet-").FullName;
        zip.ExtractToDirectory(folder);

        // The schema Microsoft publishes for this manifest version, from the npm package (Tests/manifest-schema).
        var validator = Path.Combine(RepositoryRoot.Path, "Tests", "manifest-schema", "validate.mjs");
        var psi = new System.Diagnostics.ProcessStartInfo("node", [validator, folder])
            { RedirectStandardOutput = true, RedirectStandardError = true };
        using var node = System.Diagnostics.Process.Start(psi)!;
        var report = await node.StandardOutput.ReadToEndAsync() + await node.StandardError.ReadToEndAsync();
        await node.WaitForExitAsync();
        Directory.Delete(folder, recursive: true);
        Assert.True(node.ExitCode == 0, report);
        Assert.Contains("\"errors\":[]", report);

        var manifest = Entry(zip, "manifest.json");
        Assert.Equal("fr-fr", manifest.GetProperty("localizationInfo").GetProperty("defaultLanguageTag").GetString());
        Assert.Equal("Debt recovery", Entry(zip, "en-us.json").GetProperty("name.short").GetString());
        var ribbon = manifest.GetProperty("extensions")[0].GetProperty("ribbons")[0];
        Assert.Equal(["mailRead"], ribbon.GetProperty("contexts").EnumerateArray().Select(c => c.GetString()));
    }

    [Fact]
    public async Task The_xml_and_json_outlook_manifests_name_the_same_urls_scopes_identity_and_version()
    {
        var xml = XDocument.Parse(await ManifestAsync("outlook")).Root!;
        using var zip = new ZipArchive(new MemoryStream(await PackageAsync()));
        var json = Entry(zip, "manifest.json");
        var extension = json.GetProperty("extensions")[0];
        var control = extension.GetProperty("ribbons")[0].GetProperty("tabs")[0].GetProperty("groups")[0]
            .GetProperty("controls")[0];

        Assert.Equal(xml.Element(ManifestRules.App + "Version")!.Value, json.GetProperty("version").GetString());
        Assert.Equal(xml.Element(ManifestRules.App + "Id")!.Value, json.GetProperty("id").GetString());
        var v11 = xml.Descendants(ManifestRules.Mail11 + "VersionOverrides").Single();
        string Url(string id) => v11.Descendants(ManifestRules.Bt + "Url")
            .Concat(v11.Descendants(ManifestRules.Bt + "Image"))
            .Single(u => u.Attribute("id")?.Value == id).Attribute("DefaultValue")!.Value;
        Assert.Equal(Url("Volet.Url"),
            extension.GetProperty("runtimes")[0].GetProperty("code").GetProperty("page").GetString());
        Assert.Equal(new[] { 16, 32, 80 }.Select(size => Url($"Icone.{size}")),
            control.GetProperty("icons").EnumerateArray().Select(i => i.GetProperty("url").GetString()));
        // ReadItem in XML is the unified manifest's MailboxItem.Read.User; SupportsSharedFolders is its
        // Mailbox.SharedFolder (the unified manifest has no such flag, only this extra permission).
        Assert.Equal("ReadItem", xml.Element(ManifestRules.App + "Permissions")!.Value);
        Assert.Equal("true", v11.Descendants(ManifestRules.Mail11 + "SupportsSharedFolders").Single().Value);
        var permissions = json.GetProperty("authorization").GetProperty("permissions").GetProperty("resourceSpecific");
        Assert.Equal(["MailboxItem.Read.User", "Mailbox.SharedFolder"],
            permissions.EnumerateArray().Select(p => p.GetProperty("name").GetString()));
        // The same mobile button, icons and page in both.
        var ribbon = extension.GetProperty("ribbons")[0];
        var formFactors = ribbon.GetProperty("requirements").GetProperty("formFactors");
        Assert.Equal(["desktop", "mobile"], formFactors.EnumerateArray().Select(f => f.GetString()));
        var mobile = ribbon.GetProperty("tabs")[0].GetProperty("customMobileRibbonGroups")[0]
            .GetProperty("controls")[0];
        int Number(XElement image, string name) => int.Parse(image.Attribute(name)!.Value);
        var mobileXml = v11.Descendants(ManifestRules.Mail11 + "MobileFormFactor")
            .Descendants(ManifestRules.Bt + "Image")
            .Select(i => (Number(i, "size"), Number(i, "scale"), Url(i.Attribute("resid")!.Value)));
        Assert.Equal(mobileXml, mobile.GetProperty("icons").EnumerateArray().Select(i =>
            (i.GetProperty("size").GetInt32(), i.GetProperty("scale").GetInt32(), i.GetProperty("url").GetString()!)));
        Assert.Equal(("mobileButton", "ouvrirVolet"),
            (mobile.GetProperty("type").GetString(), mobile.GetProperty("actionId").GetString()));
        var info = v11.Descendants().Single(e => e.Name.LocalName == "WebApplicationInfo");
        Assert.Equal(info.Elements().Single(e => e.Name.LocalName == "Id").Value,
            json.GetProperty("webApplicationInfo").GetProperty("id").GetString());
        Assert.Equal(info.Elements().Single(e => e.Name.LocalName == "Resource").Value,
            json.GetProperty("webApplicationInfo").GetProperty("resource").GetString());
        var domains = json.GetProperty("validDomains").EnumerateArray().Select(d => d.GetString()).ToList();
        Assert.Contains("recouvrement.example.fr", domains);
        Assert.All(xml.Descendants(ManifestRules.App + "AppDomain"), d =>
            Assert.Contains(new Uri(d.Value).Host, domains));
        Assert.Equal("Recouvrement", control.GetProperty("label").GetString());
    }

    [Fact]
    public async Task An_unknown_manifest_is_a_french_404()
    {
        var problem = await (await Client.GetAsync("/manifest/excel.xml")).ProblemAsync(404);
        Assert.Contains("Manifeste", problem.GetProperty("detail").GetString());
    }

    private static string Swap(string xml, string aStart, string aEnd, string bStart, string bEnd)
    {
        string Cut(string s, string start, string end) =>
            s[s.IndexOf(start, StringComparison.Ordinal)..(s.IndexOf(end, StringComparison.Ordinal) + end.Length)];
        var a = Cut(xml, aStart, aEnd);
        var b = Cut(xml, bStart, bEnd);
        return xml.Replace(a, "\u0001").Replace(b, a).Replace("\u0001", b);
    }
}
