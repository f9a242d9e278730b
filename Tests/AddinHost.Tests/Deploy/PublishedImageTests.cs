using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using AddinHost.Tests.Fixtures;

namespace AddinHost.Tests.Deploy;

/// <summary>
/// The published host (what the container image carries) holds no simulator: the AR24 and Graph simulators and the
/// essai page are a Debug-only reference of the host (AddinHost/README.md, "The simulators are not in the product").
/// The host is published in Release from a copy of its sources, as the container test does, so this run's Debug
/// <c>obj/</c> is left alone; its assemblies are read with System.Reflection.Metadata, never loaded.
/// </summary>
public sealed class PublishedImageTests
{
    private const string SimulatorNamespace = "AddinHost.Sandbox";
    private const string SimulatorAssembly = "AddinHost.Sandbox.dll";

    [Fact]
    public async Task The_release_publish_carries_no_simulator_type_nor_assembly()
    {
        // The scanner sees the simulators where they are: in the Debug build the tests run from.
        Assert.NotEmpty(SimulatorTypes(Path.Combine(AppContext.BaseDirectory, SimulatorAssembly)));

        var work = RunFolders.Create("published-image-");
        try
        {
            var sources = ContainerPublish.CopySources(work);
            var published = Path.Combine(work, "out");
            await Command.RunAsync("dotnet",
                ["publish", Path.Combine(sources, "AddinHost", "AddinHost.csproj"), "-c", "Release", "-o", published,
                 "-p:SkipPanes=true", "-p:UseSharedCompilation=false", "-nodeReuse:false", "--nologo"],
                TimeSpan.FromMinutes(8),
                new Dictionary<string, string?>
                {
                    // No compiler server or build node may outlive the test.
                    ["MSBUILDDISABLENODEREUSE"] = "1", ["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0",
                },
                workingDirectory: sources);

            var files = Directory.GetFiles(published, "*", SearchOption.AllDirectories);
            Assert.Contains(files, f => Path.GetFileName(f) == "AddinHost.dll");
            Assert.DoesNotContain(files, f => Path.GetFileName(f).StartsWith(SimulatorNamespace + ".",
                StringComparison.OrdinalIgnoreCase));
            var found = files.Where(f => f.EndsWith(".dll", StringComparison.OrdinalIgnoreCase))
                .SelectMany(f => SimulatorTypes(f).Select(t => $"{Path.GetRelativePath(published, f)}: {t}"))
                .ToList();
            Assert.True(found.Count == 0, "Simulator types in the published host:\n" + string.Join('\n', found));
            // The essai page's scripts were embedded in the host before the split: they must not come back.
            var host = Path.Combine(published, "AddinHost.dll");
            Assert.DoesNotContain(Resources(host),
                r => r.StartsWith(SimulatorNamespace + ".", StringComparison.Ordinal));
            Assert.NotEmpty(Resources(host)); // the manifests' templates, read the same way
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    /// <summary>The types an assembly defines in the simulators' namespace (or below it); none for a native file.
    /// </summary>
    private static List<string> SimulatorTypes(string file)
    {
        using var pe = new PEReader(File.OpenRead(file));
        if (!pe.HasMetadata) return [];
        var metadata = pe.GetMetadataReader();
        return metadata.TypeDefinitions.Select(metadata.GetTypeDefinition)
            .Select(t => (Namespace: metadata.GetString(t.Namespace), Name: metadata.GetString(t.Name)))
            .Where(t => t.Namespace == SimulatorNamespace
                || t.Namespace.StartsWith(SimulatorNamespace + ".", StringComparison.Ordinal))
            .Select(t => $"{t.Namespace}.{t.Name}")
            .ToList();
    }

    private static List<string> Resources(string file)
    {
        using var pe = new PEReader(File.OpenRead(file));
        var metadata = pe.GetMetadataReader();
        return metadata.ManifestResources.Select(r => metadata.GetString(metadata.GetManifestResource(r).Name))
            .ToList();
    }
}
