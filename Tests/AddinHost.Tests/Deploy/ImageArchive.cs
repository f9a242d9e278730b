using System.Formats.Tar;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;

namespace AddinHost.Tests.Deploy;

/// <summary>One file of a layer, as the tar says it: name without <c>./</c>, type, mode and numeric owner.</summary>
internal sealed record LayerEntry(string Name, TarEntryType Type, UnixFileMode Mode, int Uid, int Gid);

/// <summary>A layer: its blob, the digests the manifest and config claim,
/// the ones its bytes give, and its files.</summary>
internal sealed record Layer(string Blob, string MediaType, string Digest, string ComputedDigest,
    string DiffId, string ComputedDiffId,
    IReadOnlyList<LayerEntry> Entries)
{
    public LayerEntry? Find(string name) => Entries.FirstOrDefault(e => e.Name == name);
}

/// <summary>
/// The archive <c>ContainerArchiveOutputPath</c> gets (an OCI image layout in a tar), read the way a registry or a
/// container engine would: index, then manifest, config and layers by digest, every digest computed from the bytes.
/// </summary>
internal sealed class ImageArchive
{
    public required JsonElement Index { get; init; }
    public required JsonElement Manifest { get; init; }
    public required string ManifestDigest { get; init; }
    public required string ComputedManifestDigest { get; init; }
    public required JsonElement Config { get; init; }
    public required string ComputedConfigDigest { get; init; }
    public required IReadOnlyList<Layer> Layers { get; init; }

    /// <summary>The image's run settings (<c>config</c> in the image configuration).</summary>
    public JsonElement Run => Config.GetProperty("config");

    public IReadOnlyList<string> Env => Run.GetProperty("Env").EnumerateArray().Select(e => e.GetString()!).ToList();

    public static async Task<ImageArchive> OpenAsync(string archive, string folder)
    {
        Directory.CreateDirectory(folder);
        await TarFile.ExtractToDirectoryAsync(archive, folder, overwriteFiles: false);
        string Blob(string digest) => Path.Combine(folder, "blobs", "sha256", digest["sha256:".Length..]);

        var index = await ReadJsonAsync(Path.Combine(folder, "index.json"));
        var entry = index.GetProperty("manifests").EnumerateArray().Single();
        var manifestDigest = entry.GetProperty("digest").GetString()!;
        var manifest = await ReadJsonAsync(Blob(manifestDigest));
        var configDigest = manifest.GetProperty("config").GetProperty("digest").GetString()!;
        var config = await ReadJsonAsync(Blob(configDigest));
        var diffIds = config.GetProperty("rootfs").GetProperty("diff_ids")
            .EnumerateArray().Select(d => d.GetString()!).ToList();

        var layers = new List<Layer>();
        foreach (var (descriptor, i) in manifest.GetProperty("layers").EnumerateArray().Select((d, i) => (d, i)))
        {
            var blob = Blob(descriptor.GetProperty("digest").GetString()!);
            layers.Add(new Layer(blob, descriptor.GetProperty("mediaType").GetString()!,
                descriptor.GetProperty("digest").GetString()!, await DigestAsync(blob, gunzip: false),
                i < diffIds.Count ? diffIds[i] : "(none)", await DigestAsync(blob, gunzip: true),
                await EntriesAsync(blob)));
        }
        return new ImageArchive
        {
            Index = index, Manifest = manifest, ManifestDigest = manifestDigest,
            ComputedManifestDigest = await DigestAsync(Blob(manifestDigest), gunzip: false),
            Config = config, ComputedConfigDigest = await DigestAsync(Blob(configDigest), gunzip: false),
            Layers = layers,
        };
    }

    private static async Task<JsonElement> ReadJsonAsync(string path) =>
        JsonDocument.Parse(await File.ReadAllBytesAsync(path)).RootElement;

    private static async Task<string> DigestAsync(string path, bool gunzip)
    {
        await using var file = File.OpenRead(path);
        await using Stream content = gunzip ? new GZipStream(file, CompressionMode.Decompress) : file;
        return "sha256:" + Convert.ToHexStringLower(await SHA256.HashDataAsync(content));
    }

    private static async Task<IReadOnlyList<LayerEntry>> EntriesAsync(string blob)
    {
        await using var file = File.OpenRead(blob);
        await using var gzip = new GZipStream(file, CompressionMode.Decompress);
        await using var reader = new TarReader(gzip);
        var entries = new List<LayerEntry>();
        while (await reader.GetNextEntryAsync(copyData: false) is { } entry)
        {
            var name = entry.Name.StartsWith("./", StringComparison.Ordinal) ? entry.Name[2..] : entry.Name;
            entries.Add(new LayerEntry(name.TrimEnd('/'), entry.EntryType, entry.Mode, entry.Uid, entry.Gid));
        }
        return entries;
    }

    /// <summary>
    /// Unpacks the layers in order into a root file system, owners and modes kept (run as root), honouring OCI
    /// whiteouts (<c>.wh.name</c> removes a lower file, <c>.wh..wh..opq</c> empties a directory) as an engine does.
    /// </summary>
    public async Task ExtractAsync(string root)
    {
        Directory.CreateDirectory(root);
        foreach (var layer in Layers)
        {
            foreach (var whiteout in layer.Entries
                .Where(e => Path.GetFileName(e.Name).StartsWith(".wh.", StringComparison.Ordinal)))
            {
                var dir = Path.Combine(root, Path.GetDirectoryName(whiteout.Name) ?? "");
                var name = Path.GetFileName(whiteout.Name)[".wh.".Length..];
                if (name == ".wh..opq")
                    foreach (var child in Directory.Exists(dir) ? Directory.GetFileSystemEntries(dir) : [])
                        Remove(child);
                else Remove(Path.Combine(dir, name));
            }
            await Command.RunAsync("tar", ["-xzf", layer.Blob, "-C", root, "--numeric-owner", "--same-permissions",
                "--same-owner", "--exclude=.wh.*"],
                TimeSpan.FromMinutes(3));
        }
    }

    private static void Remove(string path)
    {
        var info = new FileInfo(path);
        if (info.LinkTarget is null && Directory.Exists(path)) Directory.Delete(path, recursive: true);
        else if (info.Exists || info.LinkTarget is not null) File.Delete(path);
    }
}
