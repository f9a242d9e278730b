using System.Reflection;

namespace AddinHost.Infrastructure;

/// <summary>
/// The content root (appsettings, App_Data) when the host runs from its own build output, wherever it was started from.
/// <c>dotnet run</c> starts the program in the caller's directory (RunWorkingDirectory), so that relative paths on the
/// command line are the user's; settings and the demo database still belong to the project.
/// </summary>
public static class ContentRoot
{
    /// <summary>The project directory when running from its <c>bin/</c>; null elsewhere (published, tests,
    /// benchmarks).</summary>
    public static string? ForBuildOutput()
    {
        var project = typeof(ContentRoot).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "ProjectDirectory")?.Value;
        if (string.IsNullOrEmpty(project)) return null;
        var output = Path.GetFullPath(Path.Combine(project, "bin")) + Path.DirectorySeparatorChar;
        var running = Path.GetFullPath(AppContext.BaseDirectory);
        return running.StartsWith(output, StringComparison.Ordinal)
            && File.Exists(Path.Combine(project, "appsettings.json"))
            ? project
            : null;
    }
}
