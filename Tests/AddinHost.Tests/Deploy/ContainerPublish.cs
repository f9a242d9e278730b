using AddinHost.Tests.Fixtures;

namespace AddinHost.Tests.Deploy;

/// <summary>
/// <c>dotnet publish /t:PublishContainer</c> into an archive, as the admin guide says, on a copy of the sources: a
/// Release build in the clone would share <c>obj/</c> with the build the other tests run from. The panes come as this
/// run's build made them (<c>wwwroot/app</c>), so the copy needs neither npm nor Vite.
/// </summary>
internal static class ContainerPublish
{
    public static async Task<string> ArchiveAsync(string baseImage, string work)
    {
        var repository = RepositoryRoot.Path;
        var panes = Path.Combine(repository, "AddinHost", "wwwroot", "app");
        if (!File.Exists(Path.Combine(panes, "outlook.html")))
            throw new InvalidOperationException($"The panes are not built in {panes}: "
                + $"build the solution first (dotnet build builds them).");

        var sources = CopySources(work);

        var archive = Path.Combine(work, "outlookdunning.tar");
        var tmp = Directory.CreateDirectory(Path.Combine(work, "publish-tmp")).FullName;
        await Command.RunAsync("dotnet",
            ["publish", Path.Combine(sources, "AddinHost", "AddinHost.csproj"),
             "-c", "Release", "-r", "linux-x64", "-t:PublishContainer",
             $"-p:ContainerBaseImage={baseImage}", $"-p:ContainerArchiveOutputPath={archive}", "-p:SkipPanes=true",
             "-p:UseSharedCompilation=false", "-nodeReuse:false", "--nologo"],
            TimeSpan.FromMinutes(8),
            new Dictionary<string, string?>
            {
                // The SDK keeps the base's layers in its cache and its scratch files in TMPDIR:
                // both go with the test's folder.
                ["XDG_CACHE_HOME"] = tmp, ["TMPDIR"] = tmp,
                // No compiler server or build node may outlive the test.
                ["MSBUILDDISABLENODEREUSE"] = "1", ["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0",
            },
            workingDirectory: sources);
        Directory.Delete(tmp, recursive: true);
        return archive;
    }

    /// <summary>
    /// What a Release publish needs, copied under <paramref name="work"/>/src (returned): the host's sources with the
    /// panes this run built, the templates and the manifests; no <c>bin/</c> or <c>obj/</c> (the simulators' either).
    /// </summary>
    public static string CopySources(string work)
    {
        var repository = RepositoryRoot.Path;
        var sources = Path.Combine(work, "src");
        CopyTree(Path.Combine(repository, "AddinHost"), Path.Combine(sources, "AddinHost"),
            skip: ["bin", "obj", "ClientApp", "App_Data", "node_modules"]);
        CopyFiles(Path.Combine(repository, "Templates"), Path.Combine(sources, "Templates"), "*.docx");
        CopyFiles(Path.Combine(repository, "manifest"), Path.Combine(sources, "manifest"), "*.xml");
        return sources;
    }

    private static void CopyTree(string from, string to, string[] skip)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from)) File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        foreach (var dir in Directory.GetDirectories(from).Where(d => !skip.Contains(Path.GetFileName(d))))
            CopyTree(dir, Path.Combine(to, Path.GetFileName(dir)), skip is [] ? [] : ["bin", "obj"]);
    }

    private static void CopyFiles(string from, string to, string pattern)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from, pattern))
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
    }
}
