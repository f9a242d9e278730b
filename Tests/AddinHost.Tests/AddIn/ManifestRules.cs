using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace AddinHost.Tests.AddIn;

/// <summary>
/// The rules Office's manifest validator enforces on an add-in-only XML manifest (OfficeApp 1.1, mail VersionOverrides
/// 1.0 and 1.1, task pane VersionOverrides 1.0), written as code: element order, required elements, identifiers and
/// version formats, lengths, https URLs that the host really serves, icon sizes, and resource ids that resolve.
/// Every problem is collected, so one run shows them all.
/// </summary>
public sealed partial class ManifestRules(Func<string, Task<(int Status, byte[] Body)>> fetch, string expectedOrigin)
{
    public static readonly XNamespace App = "http://schemas.microsoft.com/office/appforoffice/1.1";
    public static readonly XNamespace Bt = "http://schemas.microsoft.com/office/officeappbasictypes/1.0";
    public static readonly XNamespace Xsi = "http://www.w3.org/2001/XMLSchema-instance";
    public static readonly XNamespace Mail10 = "http://schemas.microsoft.com/office/mailappversionoverrides";
    public static readonly XNamespace Mail11 = "http://schemas.microsoft.com/office/mailappversionoverrides/1.1";
    public static readonly XNamespace TaskPane = "http://schemas.microsoft.com/office/taskpaneappversionoverrides";

    private readonly List<string> _problems = [];

    private sealed record Slot(string Name, int Min = 1, int Max = 1);
    private static Slot Opt(string name) => new(name, 0);
    private static Slot Many(string name, int min = 1) => new(name, min, int.MaxValue);

    public async Task<IReadOnlyList<string>> CheckAsync(string xml)
    {
        var root = XDocument.Parse(xml).Root!;
        if (root.Name != App + "OfficeApp") return [$"La racine doit être {{{App}}}OfficeApp, pas {root.Name}."];
        var type = Type(root);
        if (type == "MailApp") CheckMailApp(root);
        else if (type == "TaskPaneApp") CheckTaskPaneApp(root);
        else _problems.Add($"OfficeApp xsi:type inconnu : {type}.");
        CheckBaseValues(root);
        CheckNamespaces(root);
        CheckResources(root);
        await CheckUrlsAsync(root, type ?? "");
        return _problems;
    }

    private void CheckMailApp(XElement root)
    {
        Sequence(root, new("Id"), Opt("AlternateId"), new("Version"), new("ProviderName"), new("DefaultLocale"),
            new("DisplayName"), new("Description"), Opt("IconUrl"), Opt("HighResolutionIconUrl"), Opt("SupportUrl"),
            Opt("AppDomains"), Opt("Hosts"), new("Requirements"), new("FormSettings"), Opt("Permissions"), new("Rule"),
            Opt("DisableEntityHighlighting"), Opt("VersionOverrides"));
        OneOf(root.Element(App + "Permissions"), "Restricted", "ReadItem", "ReadWriteItem", "ReadWriteMailbox");
        if (root.Element(App + "Requirements")?.Element(App + "Sets")?.Elements(App + "Set")
            .Any(s => (string?)s.Attribute("Name") == "Mailbox") != true)
            _problems.Add("Requirements doit déclarer l'ensemble Mailbox.");
        foreach (var form in root.Element(App + "FormSettings")?.Elements(App + "Form") ?? [])
            if (Type(form) == "ItemRead")
            {
                var desktop = form.Element(App + "DesktopSettings");
                Sequence(desktop, new("SourceLocation"), new("RequestedHeight"));
                if (!int.TryParse(desktop?.Element(App + "RequestedHeight")?.Value, out var height)
                    || height is < 32 or > 450)
                    _problems.Add("FormSettings : RequestedHeight doit être entre 32 et 450.");
            }
        var v10 = root.Element(Mail10 + "VersionOverrides");
        if (v10 is null) { _problems.Add("VersionOverrides 1.0 (mailappversionoverrides) manque."); return; }
        Expect(Type(v10) == "VersionOverridesV1_0", "VersionOverrides 1.0 : xsi:type doit être VersionOverridesV1_0.");
        Sequence(v10, Opt("Description"), Opt("Requirements"), Opt("Hosts"), Opt("Resources"), Opt("VersionOverrides"));
        CheckMailHosts(v10, Mail10, supportsPinning: false);
        var v11 = v10.Element(Mail11 + "VersionOverrides");
        if (v11 is null)
        {
            _problems.Add(
                "VersionOverrides 1.1 (mailappversionoverrides/1.1) manque, en dernier dans VersionOverrides 1.0.");
            return;
        }
        Expect(Type(v11) == "VersionOverridesV1_1", "VersionOverrides 1.1 : xsi:type doit être VersionOverridesV1_1.");
        Sequence(v11, Opt("Description"), Opt("Requirements"), Opt("Hosts"), Opt("Resources"),
            Opt("WebApplicationInfo"), Opt("EquivalentAddins"), Opt("ConnectedServiceControls"),
            Opt("ExtendedPermissions"));
        CheckMailHosts(v11, Mail11, supportsPinning: true);
        CheckWebApplicationInfo(v11.Element(Mail11 + "WebApplicationInfo"), Mail11);
    }

    private void CheckMailHosts(XElement overrides, XNamespace ns, bool supportsPinning)
    {
        foreach (var host in overrides.Element(ns + "Hosts")?.Elements(ns + "Host") ?? [])
        {
            Expect(Type(host) == "MailHost", "Un Host d'Outlook doit être de type MailHost.");
            var v11 = ns == Mail11;
            // MS-OWEMXML MailHost: Runtimes?, DesktopFormFactor?, MobileFormFactor? (the last two in 1.1 only).
            if (v11) Sequence(host, Opt("Runtimes"), Opt("DesktopFormFactor"), Opt("MobileFormFactor"));
            else Sequence(host, Opt("DesktopFormFactor"));
            CheckMobile(host.Element(ns + "MobileFormFactor"), ns);
            var desktop = host.Element(ns + "DesktopFormFactor");
            if (desktop is null) continue;
            // SupportsSharedFolders (Mailbox 1.8 / 1.13) is valid in Mail 1.1 only, before anything else.
            if (v11) Sequence(desktop, Opt("SupportsSharedFolders"), Opt("FunctionFile"), Many("ExtensionPoint"));
            else Sequence(desktop, Opt("FunctionFile"), Many("ExtensionPoint"));
            if (desktop.Element(ns + "SupportsSharedFolders") is { } shared)
                Expect(shared.Value is "true" or "false", "SupportsSharedFolders doit valoir true ou false.");
            foreach (var point in desktop.Elements(ns + "ExtensionPoint"))
            {
                var tabs = point.Elements(ns + "OfficeTab").ToList();
                Expect(tabs.Count <= 1 && tabs.All(t => (string?)t.Attribute("id") == "TabDefault"),
                    "Outlook n'accepte qu'un OfficeTab, d'id TabDefault.");
                foreach (var group in tabs.SelectMany(t => t.Elements(ns + "Group")))
                {
                    Sequence(group, new("Label"), Opt("Tooltip"), Many("Control"));
                    foreach (var button in group.Elements(ns + "Control"))
                    {
                        Sequence(button, new("Label"), Opt("Tooltip"), new("Supertip"), new("Icon"), new("Action"));
                        CheckButtonParts(button, ns);
                        var action = button.Element(ns + "Action");
                        if (Type(action) == "ShowTaskpane")
                        {
                            if (supportsPinning)
                                Sequence(action, new("SourceLocation"), Opt("SupportsPinning"),
                                    Opt("SupportsNoItemContext"), Opt("SupportsMultiSelect"));
                            else Sequence(action, new Slot("SourceLocation"));
                        }
                    }
                }
            }
        }
    }

    /// <summary>
    /// Outlook mobile (Mail 1.1): MobileMessageReadCommandSurface holds exactly one Group of MobileButtons (Label,
    /// Icon, Action; no Supertip), each icon a bt:MobileIconList of 25, 32 and 48 px, each at scales 1, 2 and 3.
    /// </summary>
    private void CheckMobile(XElement? mobile, XNamespace ns)
    {
        if (mobile is null) return;
        Sequence(mobile, Opt("FunctionFile"), Many("ExtensionPoint"));
        var points = mobile.Elements(ns + "ExtensionPoint").Where(p => Type(p) == "MobileMessageReadCommandSurface");
        foreach (var point in points)
        {
            Sequence(point, new Slot("Group"));
            foreach (var group in point.Elements(ns + "Group"))
            {
                Sequence(group, new("Label"), Many("Control"));
                foreach (var button in group.Elements(ns + "Control"))
                {
                    Expect(Type(button) == "MobileButton",
                        "Un Control de MobileFormFactor doit être de type MobileButton.");
                    Sequence(button, new("Label"), new("Icon"), new("Action"));
                    var icon = button.Element(ns + "Icon");
                    Expect(Type(icon) == "MobileIconList",
                        "L'Icon d'un MobileButton doit être de type bt:MobileIconList.");
                    var images = icon?.Elements(Bt + "Image")
                        .Select(i => ((string?)i.Attribute("size"), (string?)i.Attribute("scale"))).ToHashSet() ?? [];
                    foreach (var size in new[] { "25", "32", "48" })
                        foreach (var scale in new[] { "1", "2", "3" })
                            Expect(images.Contains((size, scale)), $"Une icône mobile doit avoir la taille {size} à "
                                + $"l'échelle {scale} (bt:Image size=\"{size}\" scale=\"{scale}\").");
                    if (Type(button.Element(ns + "Action")) == "ShowTaskpane")
                        Sequence(button.Element(ns + "Action"), new Slot("SourceLocation"));
                }
            }
        }
    }

    private void CheckTaskPaneApp(XElement root)
    {
        Sequence(root, new("Id"), Opt("AlternateId"), new("Version"), new("ProviderName"), new("DefaultLocale"),
            new("DisplayName"), new("Description"), Opt("IconUrl"), Opt("HighResolutionIconUrl"), Opt("SupportUrl"),
            Opt("AppDomains"), Opt("Hosts"), Opt("Requirements"), new("DefaultSettings"), new("Permissions"),
            Opt("Dictionary"), Opt("VersionOverrides"), Opt("ExtendedOverrides"));
        OneOf(root.Element(App + "Permissions"), "Restricted", "ReadDocument", "ReadAllDocument", "WriteDocument",
            "ReadWriteDocument");
        Sequence(root.Element(App + "DefaultSettings"), new Slot("SourceLocation"));
        var overrides = root.Element(TaskPane + "VersionOverrides");
        if (overrides is null) { _problems.Add("VersionOverrides (taskpaneappversionoverrides) manque."); return; }
        Expect(Type(overrides) == "VersionOverridesV1_0",
            "VersionOverrides : xsi:type doit être VersionOverridesV1_0.");
        Sequence(overrides, Opt("Description"), Opt("Requirements"), Opt("Hosts"), Opt("Resources"),
            Opt("WebApplicationInfo"), Opt("EquivalentAddins"));
        foreach (var host in overrides.Element(TaskPane + "Hosts")?.Elements(TaskPane + "Host") ?? [])
        {
            var desktop = host.Element(TaskPane + "DesktopFormFactor");
            if (desktop is null) continue;
            Sequence(desktop, Opt("GetStarted"), Opt("FunctionFile"), Many("ExtensionPoint"));
            if (desktop.Element(TaskPane + "GetStarted") is { } start)
                Sequence(start, new("Title"), new("Description"), new("LearnMoreUrl"));
            foreach (var group in desktop.Elements(TaskPane + "ExtensionPoint")
                .SelectMany(p => p.Elements(TaskPane + "OfficeTab")).SelectMany(t => t.Elements(TaskPane + "Group")))
            {
                Sequence(group, Opt("OverriddenByRibbonApi"), new("Label"), new("Icon"), Many("Control"));
                CheckIcon(group.Element(TaskPane + "Icon"));
                foreach (var button in group.Elements(TaskPane + "Control"))
                {
                    Sequence(button, Opt("OverriddenByRibbonApi"), new("Label"), new("Supertip"), new("Icon"),
                        new("Action"), Opt("Enabled"));
                    CheckButtonParts(button, TaskPane);
                    if (Type(button.Element(TaskPane + "Action")) == "ShowTaskpane")
                        Sequence(button.Element(TaskPane + "Action"), Opt("TaskpaneId"), new("SourceLocation"),
                            Opt("Title"));
                }
            }
        }
        CheckWebApplicationInfo(overrides.Element(TaskPane + "WebApplicationInfo"), TaskPane);
    }

    private void CheckButtonParts(XElement button, XNamespace ns)
    {
        Expect(Type(button) == "Button", "Un Control doit être de type Button.");
        Sequence(button.Element(ns + "Supertip"), new("Title"), new("Description"));
        CheckIcon(button.Element(ns + "Icon"));
    }

    /// <summary>Every command icon comes in 16, 32 and 80 pixels.</summary>
    private void CheckIcon(XElement? icon)
    {
        var sizes = icon?.Elements(Bt + "Image").Select(i => (string?)i.Attribute("size")).ToHashSet() ?? [];
        foreach (var size in new[] { "16", "32", "80" })
            Expect(sizes.Contains(size),
                $"Une icône de commande doit avoir la taille {size} (bt:Image size=\"{size}\").");
    }

    private void CheckWebApplicationInfo(XElement? info, XNamespace ns)
    {
        if (info is null) return;
        Sequence(info, new("Id"), new("Resource"), new("Scopes"));
        var id = info.Element(ns + "Id")?.Value ?? "";
        Expect(Guid.TryParseExact(id, "D", out _),
            $"WebApplicationInfo : Id doit être l'identifiant (GUID) de l'application, pas « {id} ».");
        var expected = $"api://{new Uri(expectedOrigin).Authority}/{id}";
        Expect(string.Equals(info.Element(ns + "Resource")?.Value, expected, StringComparison.OrdinalIgnoreCase),
            $"WebApplicationInfo : Resource doit être {expected} (même hôte que les volets, terminé par l'Id).");
        Expect(info.Element(ns + "Scopes")?.Elements(ns + "Scope").Any() == true,
            "WebApplicationInfo : au moins un Scope.");
    }

    private void CheckBaseValues(XElement root)
    {
        Expect(Regex.IsMatch(root.Element(App + "Id")?.Value ?? "",
            "^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$"), "Id doit être un GUID.");
        Expect(VersionFormat().IsMatch(root.Element(App + "Version")?.Value ?? ""),
            "Version doit être de la forme n.n.n.n (au plus 5 chiffres par partie).");
        Expect(CultureName().IsMatch(root.Element(App + "DefaultLocale")?.Value ?? ""),
            "DefaultLocale doit être un nom de culture (fr-FR).");
        Length(root.Element(App + "ProviderName")?.Value, 125, "ProviderName");
        foreach (var (name, max) in new[] { ("DisplayName", 125), ("Description", 250) })
        {
            var element = root.Element(App + name);
            Length((string?)element?.Attribute("DefaultValue"), max, name);
            foreach (var o in element?.Elements(App + "Override") ?? [])
            {
                Length((string?)o.Attribute("Value"), max, $"{name} ({o.Attribute("Locale")?.Value})");
                Expect(CultureName().IsMatch((string?)o.Attribute("Locale") ?? ""),
                    $"{name} : Override Locale invalide.");
            }
            Expect(element?.Elements(App + "Override").Any(o => (string?)o.Attribute("Locale") == "en-US") == true,
                $"{name} : la traduction anglaise (en-US) manque.");
        }
        foreach (var domain in root.Element(App + "AppDomains")?.Elements(App + "AppDomain") ?? [])
            Expect(Uri.TryCreate(domain.Value, UriKind.Absolute, out var uri) && uri.Scheme == "https"
                && uri.AbsolutePath == "/" && !domain.Value.EndsWith('/'),
                $"AppDomain « {domain.Value} » : https://domaine, sans chemin ni barre finale.");
        foreach (var (kind, all) in new[] { ("Control", root.Descendants().Where(e => e.Name.LocalName == "Control")),
            ("Group", root.Descendants().Where(e => e.Name.LocalName == "Group")) })
            foreach (var levelIds in all.GroupBy(Level).Select(g => g.Select(e => (string?)e.Attribute("id")).ToList()))
                Expect(levelIds.All(id => !string.IsNullOrEmpty(id)) && levelIds.Distinct().Count() == levelIds.Count,
                    $"Les id de {kind} doivent être présents et uniques.");
    }

    /// <summary>
    /// Inside a VersionOverrides level, everything is in that level's namespace except the basic types (bt:) under
    /// Resources, Icon and Requirements: a wrong namespace is a wrong element to Office.
    /// </summary>
    private void CheckNamespaces(XElement root)
    {
        foreach (var level in root.Descendants().Where(e => e.Name.LocalName == "VersionOverrides"))
            foreach (var e in level.Descendants()
                .Where(d => Level(d) == level && d.Name.LocalName != "VersionOverrides"))
            {
                var basic = e.Ancestors().TakeWhile(a => a != level)
                    .Any(a => a.Name.LocalName is "Resources" or "Icon" or "Requirements");
                var expected = basic ? Bt : level.Name.Namespace;
                Expect(e.Name.Namespace == expected,
                    $"{e.Name.LocalName} doit être dans l'espace de noms {expected}, pas {e.Name.Namespace}.");
            }
        foreach (var e in root.Elements().Where(e => e.Name.LocalName != "VersionOverrides").DescendantsAndSelf())
            Expect(e.Name.Namespace == App, $"{e.Name.LocalName} doit être dans l'espace de noms {App}.");
    }

    /// <summary>Each VersionOverrides level has its own resources: ids unique, short and long strings within limits,
    /// every resid resolving to the right list.</summary>
    private void CheckResources(XElement root)
    {
        foreach (var level in root.Descendants().Where(e => e.Name.LocalName == "VersionOverrides"))
        {
            var resources = level.Elements().FirstOrDefault(e => e.Name.LocalName == "Resources");
            Sequence(resources, Opt("Images"), Opt("Urls"), Opt("ShortStrings"), Opt("LongStrings"));
            var lists = new Dictionary<string, HashSet<string>>();
            var allIds = new List<string>();
            foreach (var (list, item, max) in new[] { ("Images", "Image", 2048), ("Urls", "Url", 2048),
                ("ShortStrings", "String", 125), ("LongStrings", "String", 250) })
            {
                var items = resources?.Element(Bt + list)?.Elements(Bt + item).ToList() ?? [];
                lists[list] = items.Select(i => (string?)i.Attribute("id") ?? "").ToHashSet();
                foreach (var i in items)
                {
                    var id = (string?)i.Attribute("id") ?? "";
                    allIds.Add(id);
                    Expect(id.Length is >= 1 and <= 32, $"Identifiant de ressource « {id} » : 1 à 32 caractères.");
                    Length((string?)i.Attribute("DefaultValue"), max, $"bt:{item} {id}");
                    foreach (var o in i.Elements(Bt + "Override"))
                        Length((string?)o.Attribute("Value"), max, $"bt:{item} {id} ({o.Attribute("Locale")?.Value})");
                }
            }
            foreach (var twice in allIds.GroupBy(i => i).Where(g => g.Count() > 1))
                _problems.Add($"Identifiant de ressource en double : {twice.Key}.");
            foreach (var reference in level.Descendants()
                .Where(e => e.Attribute("resid") is not null && Level(e) == level))
            {
                var list = reference.Name.LocalName switch
                {
                    "Image" => "Images",
                    "SourceLocation" or "FunctionFile" or "LearnMoreUrl" => "Urls",
                    "Description" or "Tooltip" => "LongStrings",
                    _ => "ShortStrings",
                };
                var resid = (string)reference.Attribute("resid")!;
                Expect(lists[list].Contains(resid),
                    $"{reference.Name.LocalName} resid=\"{resid}\" ne renvoie à aucun élément de bt:"
                    + $"{list} de ce niveau.");
            }
        }
    }

    /// <summary>Every URL is https on the panes' host and answers; every image has the pixel size it is
    /// declared at.</summary>
    private async Task CheckUrlsAsync(XElement root, string type)
    {
        var urls = new List<(string Url, int? Size, string Where)>();
        void Add(XElement? e, int? size, string where)
        {
            if (e is null) return;
            urls.Add(((string?)e.Attribute("DefaultValue") ?? "", size, where));
            urls.AddRange(e.Elements().Where(o => o.Name.LocalName == "Override")
                .Select(o => ((string?)o.Attribute("Value") ?? "", size, where)));
        }
        var mail = type == "MailApp";
        Add(root.Element(App + "IconUrl"), mail ? 64 : 32, "IconUrl");
        Add(root.Element(App + "HighResolutionIconUrl"), mail ? 128 : 64, "HighResolutionIconUrl");
        Add(root.Element(App + "SupportUrl"), null, "SupportUrl");
        foreach (var source in root.Descendants(App + "SourceLocation")) Add(source, null, "SourceLocation");
        foreach (var level in root.Descendants().Where(e => e.Name.LocalName == "VersionOverrides"))
        {
            var resources = level.Elements().FirstOrDefault(e => e.Name.LocalName == "Resources");
            var sizes = level.Descendants(Bt + "Image").Where(i => i.Attribute("size") is not null)
                .GroupBy(i => (string)i.Attribute("resid")!)
                .ToDictionary(g => g.Key, g => int.Parse(g.First().Attribute("size")!.Value));
            foreach (var image in resources?.Element(Bt + "Images")?.Elements(Bt + "Image") ?? [])
                Add(image, sizes.GetValueOrDefault((string)image.Attribute("id")!),
                    $"bt:Image {image.Attribute("id")?.Value}");
            foreach (var url in resources?.Element(Bt + "Urls")?.Elements(Bt + "Url") ?? [])
                Add(url, null, $"bt:Url {url.Attribute("id")?.Value}");
        }
        foreach (var (url, size, where) in urls.Distinct())
        {
            if (!url.StartsWith(expectedOrigin + "/", StringComparison.Ordinal))
            {
                _problems.Add($"{where} : « {url} » doit être une adresse https du service ({expectedOrigin}).");
                continue;
            }
            var (status, body) = await fetch(url[expectedOrigin.Length..]);
            if (status != 200) { _problems.Add($"{where} : {url} répond {status}, pas 200."); continue; }
            if (size is { } px && PngSize(body) is var (w, h) && (w != px || h != px))
                _problems.Add($"{where} : l'image fait {w}×{h} px, {px}×{px} attendus.");
            if (size is not null && PngSize(body) is null) _problems.Add($"{where} : ce n'est pas une image PNG.");
        }
    }

    private static (int Width, int Height)? PngSize(byte[] png) =>
        png.Length >= 24 && png[0] == 0x89 && png[1] == (byte)'P' && png[12] == (byte)'I' && png[13] == (byte)'H'
            ? (png[16] << 24 | png[17] << 16 | png[18] << 8 | png[19],
                png[20] << 24 | png[21] << 16 | png[22] << 8 | png[23])
            : null;

    /// <summary>The children, by local name, must follow the schema's sequence: each slot in order, within its bounds,
    /// nothing else.</summary>
    private void Sequence(XElement? parent, params Slot[] slots)
    {
        if (parent is null) return;
        var names = parent.Elements().Select(e => e.Name.LocalName).ToList();
        var at = 0;
        foreach (var slot in slots)
        {
            var count = 0;
            while (at < names.Count && names[at] == slot.Name && count < slot.Max) { at++; count++; }
            if (count < slot.Min)
                _problems.Add($"{parent.Name.LocalName} : {slot.Name} manque ou n'est pas à sa place (ordre attendu : "
                    + $"{string.Join(", ", slots.Select(s => s.Name))}).");
        }
        if (at < names.Count)
            _problems.Add($"{parent.Name.LocalName} : "
                + $"{names[at]} n'est pas un enfant valide à cette place (ordre attendu : "
                + $"{string.Join(", ", slots.Select(s => s.Name))}).");
    }

    private static XElement? Level(XElement e) =>
        e.Ancestors().FirstOrDefault(a => a.Name.LocalName == "VersionOverrides");
    private static string? Type(XElement? e) => ((string?)e?.Attribute(Xsi + "type"))?.Split(':').Last();

    private void OneOf(XElement? e, params string[] allowed) =>
        Expect(e is not null && allowed.Contains(e.Value),
            $"{e?.Name.LocalName ?? "Permissions"} doit valoir {string.Join(", ", allowed)}.");

    private void Length(string? value, int max, string what) =>
        Expect(!string.IsNullOrEmpty(value) && value.Length <= max,
            $"{what} : 1 à {max} caractères ({value?.Length ?? 0}).");

    private void Expect(bool condition, string problem)
    {
        if (!condition) _problems.Add(problem);
    }

    [GeneratedRegex(@"^\d{1,5}(\.\d{1,5}){0,3}$")]
    private static partial Regex VersionFormat();

    [GeneratedRegex(
        @"^([a-zA-Z]{2,3}-[a-zA-Z0-9]{3,8}(-[a-zA-Z]{2,3})?|"
        + @"[a-zA-Z]{2,3}(-[a-zA-Z]{2,3}(_tradnl|\.pseudo|-[a-zA-Z]{4,8})?)?)$")]
    private static partial Regex CultureName();
}
