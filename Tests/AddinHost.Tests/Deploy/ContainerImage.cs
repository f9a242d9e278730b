using System.Diagnostics;

namespace AddinHost.Tests.Deploy;

/// <summary>
/// The image, made once for its tests as the admin guide says: the base (built or taken from the cache), served by a
/// local registry, <c>dotnet publish /t:PublishContainer</c> into an archive, which is then read and unpacked. It needs
/// root (debootstrap, chroot, namespaces), as CI has; without it the tests fail and say why.
/// </summary>
public sealed class ContainerImage : IAsyncLifetime
{
    private readonly Dictionary<string, TimeSpan> _steps = [];
    private string _work = "";

    internal ImageArchive Image { get; private set; } = null!;

    /// <summary>The unpacked image, ready to run.</summary>
    public string Root => Path.Combine(_work, "rootfs");

    /// <summary>How long each step took, for the test output.</summary>
    public IReadOnlyDictionary<string, TimeSpan> Steps => _steps;

    public async Task InitializeAsync()
    {
        Prerequisites();
        _work = Directory.CreateTempSubdirectory("container-").FullName;
        try
        {
            var layout = await Step("base image", () => BaseImage.LayoutAsync(_work));
            await using (var registry = await OciRegistry.StartAsync(layout, BaseImage.Repository, BaseImage.Tag))
            {
                try
                {
                    var archive = await Step("publish", () => ContainerPublish.ArchiveAsync(registry.Reference, _work));
                    Image = await Step("read archive", () =>
                        ImageArchive.OpenAsync(archive, Path.Combine(_work, "image")));
                    File.Delete(archive); // unpacked into image/: a few hundred megabytes less in /tmp
                }
                catch (Exception e) when (e is InvalidOperationException or TimeoutException)
                {
                    throw new InvalidOperationException($"{e.Message}\nRegistry requests: "
                        + $"{string.Join(", ", registry.Requests)}", e);
                }
            }
            await Step("unpack", async () => { await Image.ExtractAsync(Root); return Root; });
            // the blobs are read; only the root is used now
            Directory.Delete(Path.Combine(_work, "image"), recursive: true);
        }
        catch
        {
            await DisposeAsync();
            throw;
        }
    }

    private static void Prerequisites()
    {
        const string how = "CI runs the tests as root after Tests/install.sh, which installs what is missing.";
        if (Environment.UserName != "root")
            throw new InvalidOperationException(
                $"The container image test needs root (debootstrap, chroot, mount namespaces). {how}");
        foreach (var tool in new[] { "debootstrap", "unshare", "chroot", "tar", "gzip" })
            if (!new[] { "/usr/sbin", "/usr/bin", "/sbin", "/bin" }.Any(dir => File.Exists(Path.Combine(dir, tool))))
                throw new InvalidOperationException($"The container image test needs {tool}"
                    + $" (apt-get install debootstrap util-linux coreutils tar gzip). {how}");
    }

    private async Task<T> Step<T>(string name, Func<Task<T>> step)
    {
        var clock = Stopwatch.StartNew();
        var result = await step();
        _steps[name] = clock.Elapsed;
        return result;
    }

    public async Task DisposeAsync()
    {
        // The unpacked root holds files of several owners; `rm --one-file-system` never follows into a mount.
        if (_work.Length > 0 && Directory.Exists(_work))
            await Command.RunAsync("rm", ["-rf", "--one-file-system", _work], TimeSpan.FromMinutes(2));
    }
}
