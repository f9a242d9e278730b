namespace AddinHost.Tests.Fixtures;

/// <summary>The clone the tests run from: the folder holding OutlookDunning.sln.</summary>
internal static class RepositoryRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "OutlookDunning.sln"))) return dir.FullName;
        throw new InvalidOperationException("repository not found");
    }
}
