using System.Formats.Tar;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using AddinHost.Cases;
using AddinHost.Tests.Fixtures;
using AddinHost.Tests.Letters;
using Xunit.Abstractions;

namespace AddinHost.Tests.Deploy;

/// <summary>
/// The container image the admin guide has the firm build (part 6): an OCI archive whose digests all hold, AddinHost on
/// the non-root user and port 8080, LibreOffice and the runtime in the base, the host, its panes and templates on top,
/// and, run as an engine would run it, a host that is ready and makes a PDF letter.
/// </summary>
public sealed class ContainerImageTests(ContainerImage container, ITestOutputHelper output)
    : IClassFixture<ContainerImage>
{
    private const int AppUid = 1654;
    private ImageArchive Image => container.Image;
    private Layer Base => Image.Layers[0];
    private Layer App => Image.Layers[^1];

    [Fact]
    public void The_archive_is_an_oci_image_whose_every_digest_matches_its_bytes()
    {
        foreach (var (step, took) in container.Steps) output.WriteLine($"{step}: {took.TotalSeconds:0} s");

        var entry = Image.Index.GetProperty("manifests").EnumerateArray().Single();
        Assert.Equal("application/vnd.oci.image.manifest.v1+json", entry.GetProperty("mediaType").GetString());
        Assert.Equal("1.0.0",
            entry.GetProperty("annotations").GetProperty("org.opencontainers.image.ref.name").GetString());
        Assert.Equal(Image.ManifestDigest, Image.ComputedManifestDigest);
        Assert.Equal(Image.Manifest.GetProperty("config").GetProperty("digest").GetString(),
            Image.ComputedConfigDigest);
        Assert.Equal("amd64", Image.Config.GetProperty("architecture").GetString());
        Assert.Equal("linux", Image.Config.GetProperty("os").GetString());

        // The base (Debian, LibreOffice, runtime) and the host on it;
        // each layer's bytes give the digests announced for it.
        Assert.Equal(2, Image.Layers.Count);
        Assert.Equal(Image.Layers.Count, Image.Config.GetProperty("rootfs").GetProperty("diff_ids").GetArrayLength());
        foreach (var layer in Image.Layers)
        {
            Assert.Equal("application/vnd.oci.image.layer.v1.tar+gzip", layer.MediaType);
            Assert.Equal(layer.Digest, layer.ComputedDigest);
            Assert.Equal(layer.DiffId, layer.ComputedDiffId);
        }
    }

    [Fact]
    public void The_image_starts_AddinHost_from_app_as_the_non_root_user_on_port_8080()
    {
        var run = Image.Run;
        Assert.Equal(AppUid.ToString(), run.GetProperty("User").GetString());
        Assert.Contains($"app:x:{AppUid}:{AppUid}:", File.ReadAllText(Path.Combine(container.Root, "etc", "passwd")));
        Assert.Equal(["dotnet", "/app/AddinHost.dll"],
            run.GetProperty("Entrypoint").EnumerateArray().Select(e => e.GetString()!));
        Assert.Equal("/app", run.GetProperty("WorkingDir").GetString()!.TrimEnd('/'));
        Assert.Equal(["8080/tcp"], run.GetProperty("ExposedPorts").EnumerateObject().Select(p => p.Name));
        Assert.Contains("ASPNETCORE_HTTP_PORTS=8080", Image.Env);
        Assert.Contains($"APP_UID={AppUid}", Image.Env);
        Assert.Contains("DOTNET_RUNNING_IN_CONTAINER=true", Image.Env);
    }

    [Fact]
    public void The_base_holds_LibreOffice_fonts_and_the_runtime_and_the_top_layer_the_host_its_panes_and_templates()
    {
        foreach (var path in new[] { "usr/lib/libreoffice/program/soffice.bin", "usr/bin/soffice",
                     "usr/lib/python3/dist-packages/uno.py",
                     "usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf",
                     "usr/share/dotnet/dotnet", "usr/bin/dotnet", "home/app" })
            Assert.True(Base.Find(path) is not null, $"{path} is missing from the base layer");
        Assert.Contains(Base.Entries, e => e.Type == TarEntryType.Directory
            && e.Name.StartsWith("usr/share/dotnet/shared/Microsoft.AspNetCore.App/10.", StringComparison.Ordinal));
        Assert.Equal((AppUid, AppUid), (Base.Find("home/app")!.Uid, Base.Find("home/app")!.Gid));

        Assert.NotNull(App.Find("app/AddinHost.dll"));
        Assert.NotNull(App.Find("app/Letters/Pdf/uno_bridge.py"));
        foreach (var page in new[] { "outlook", "word", "lots", "admin", "connexion" })
            Assert.NotNull(App.Find($"app/wwwroot/app/{page}.html"));
        Assert.Contains(App.Entries, e => e.Name.StartsWith("app/wwwroot/app/assets/", StringComparison.Ordinal)
            && e.Name.EndsWith(".js", StringComparison.Ordinal));
        var templates = Directory.GetFiles(Path.Combine(RepositoryRoot.Path, "Templates"), "*.docx")
            .Select(f => Path.GetFileName(f)).Order();
        Assert.Equal(templates, App.Entries.Where(e => e.Name.StartsWith("app/Templates/", StringComparison.Ordinal)
            && e.Type != TarEntryType.Directory)
            .Select(e => Path.GetFileName(e.Name)).Order());
        Assert.DoesNotContain(App.Entries, e => e.Name.StartsWith("app/deploy", StringComparison.Ordinal));

        // The host cannot rewrite its own code: root owns it, and no one else may write to it.
        Assert.All(App.Entries, e => Assert.True(
            e.Uid == 0 && (e.Mode & (UnixFileMode.OtherWrite | UnixFileMode.GroupWrite)) == 0,
            $"{e.Name}: {e.Uid}:{e.Gid} {e.Mode}"));
    }

    [Fact]
    public async Task Run_as_an_engine_would_it_is_ready_as_its_user_and_makes_a_pdf_letter_with_LibreOffice()
    {
        var port = FreePort();
        var address = $"http://localhost:{port}";
        // The demo's embedded data defaults, with the data where the non-root user may write (the image's /app is
        // read-only to it). The image has no simulators (a Release build): AR24 is configured, and unreachable here.
        await using var run = ContainerRun.Start(container.Root, Image, new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["ASPNETCORE_HTTP_PORTS"] = port.ToString(),
            ["ConnectionStrings__Dunning"] = "Data Source=/home/app/dunning.db",
            ["Proofs__Folder"] = "/home/app/preuves",
            ["Sandbox__Enabled"] = "false",
            ["Ar24__BaseUrl"] = "http://127.0.0.1:9/api/",
            ["Ar24__Token"] = "jeton-du-test-image",
            ["Ar24__PrivateKey"] = "cle-du-test-image",
            ["Ar24__WebhookBaseUrl"] = address,
        });
        using var http = new HttpClient
            { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(60) };

        var ready = await WaitUntilReadyAsync(http, run);
        var checks = ready.GetProperty("verifications").EnumerateArray()
            .ToDictionary(c => c.GetProperty("nom").GetString()!, c => c.GetProperty("statut").GetString());
        Assert.True(checks.GetValueOrDefault("libreoffice") == "Healthy", $"{ready}\n{run.Output}");
        Assert.True(checks.GetValueOrDefault("base-de-donnees") == "Healthy", $"{ready}\n{run.Output}");
        Assert.True(checks.GetValueOrDefault("stockage-des-preuves") == "Healthy", $"{ready}\n{run.Output}");
        // AR24 out of reach only delays letters (they wait in the outbox): ready, and said so.
        Assert.True(checks.GetValueOrDefault("ar24") == "Degraded", $"{ready}\n{run.Output}");

        var cases = await (await http.GetAsync("/api/cases")).ReadAsync<List<CaseSummaryDto>>();
        var id = cases.Single(c => c.Debtor == "Garage Fontaine SARL").Id;
        var response = await http.PostJsonAsync($"/api/cases/{id}/letters/preview",
            new { template = "mise-en-demeure", format = "pdf" });
        Assert.True(response.IsSuccessStatusCode, $"{await response.Content.ReadAsStringAsync()}\n{run.Output}");
        var pdf = await response.Content.ReadAsByteArrayAsync();
        var text = await PdfText.ReadAsync(pdf);
        Assert.Contains("MISE EN DEMEURE", text);
        Assert.Contains("Garage Fontaine SARL", text);
        // The templates' Times New Roman comes out as the image's metric-compatible Liberation Serif, embedded.
        Assert.Contains("LiberationSerif", System.Text.Encoding.Latin1.GetString(pdf));

        // Everything in the container, the host and its LibreOffice, runs as the image's user, never as root.
        var processes = run.Processes();
        Assert.Contains(processes, p => p.Name == "dotnet");
        Assert.Contains(processes, p => p.Name.StartsWith("soffice", StringComparison.Ordinal));
        Assert.All(processes, p => Assert.True(p.Uid == AppUid, $"{p.Name} (pid {p.Pid}) runs as uid {p.Uid}"));
    }

    private static async Task<JsonElement> WaitUntilReadyAsync(HttpClient http, ContainerRun run)
    {
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (DateTime.UtcNow < deadline && !run.HasExited)
        {
            try
            {
                using var response = await http.GetAsync("/health/ready");
                if (response.StatusCode == HttpStatusCode.OK)
                    return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
            }
            catch (HttpRequestException) { /* not listening yet */ }
            await Task.Delay(250);
        }
        throw new TimeoutException($"The container never answered /health/ready with 200 ("
            + $"{(run.HasExited ? "it stopped" : "still starting after 2 min")}):\n{run.Output}");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
