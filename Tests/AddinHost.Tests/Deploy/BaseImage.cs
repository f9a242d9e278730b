using System.Security.Cryptography;
using System.Text;
using AddinHost.Tests.Fixtures;

namespace AddinHost.Tests.Deploy;

/// <summary>
/// OutlookDunning's base image (Debian, LibreOffice, the ASP.NET Core runtime) as an OCI layout, built by
/// <c>deploy/container/build-base-image.sh</c>. It takes a minute or two, so it is kept in the user's cache under a key
/// made of the scripts and the runtime it copies: any change to either builds it again.
/// </summary>
internal static class BaseImage
{
    public const string Repository = "outlookdunning/base";
    public const string Tag = "bookworm";

    private static string Scripts => Path.Combine(RepositoryRoot.Path, "AddinHost", "deploy", "container");

    /// <summary>The .NET install this test runs on; the script copies its runtime into the image.</summary>
    public static string DotnetRoot { get; } =
        Path.GetFullPath(Path.Combine(System.Runtime.InteropServices.RuntimeEnvironment.GetRuntimeDirectory(),
            "..", "..", ".."));

    public static async Task<string> LayoutAsync(string work)
    {
        var cache = Path.Combine(Environment.GetEnvironmentVariable("XDG_CACHE_HOME") is { Length: > 0 } xdg ? xdg
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache"),
                "outlookdunning", "base-image");
        var layout = Path.Combine(cache, Key());
        if (File.Exists(Path.Combine(layout, "index.json"))) return layout;

        var building = Path.Combine(work, "base-layout");
        await Command.RunAsync("bash", [Path.Combine(Scripts, "build-base-image.sh"), building],
            TimeSpan.FromMinutes(10),
            new Dictionary<string, string?> { ["TMPDIR"] = work, ["DOTNET_ROOT"] = DotnetRoot });

        // Only the newest base is kept: each is a few hundred megabytes.
        Directory.CreateDirectory(cache);
        foreach (var old in Directory.GetDirectories(cache)) Directory.Delete(old, recursive: true);
        await Command.RunAsync("mv", ["-T", building, layout], TimeSpan.FromMinutes(2)); // may cross file systems
        return layout;
    }

    private static string Key()
    {
        var parts = new StringBuilder();
        foreach (var script in Directory.GetFiles(Scripts, "*.sh").Order(StringComparer.Ordinal))
            parts.Append(File.ReadAllText(script)).Append('\0');
        foreach (var runtime in Directory.GetDirectories(Path.Combine(DotnetRoot, "shared", "Microsoft.AspNetCore.App"))
            .Order(StringComparer.Ordinal))
            parts.Append(Path.GetFileName(runtime)).Append('\0');
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(parts.ToString())))[..16];
    }
}
