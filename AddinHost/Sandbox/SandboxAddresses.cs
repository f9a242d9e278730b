namespace AddinHost.Sandbox;

/// <summary>
/// In Development the simulators answer at the host's own address, so the AR24 client, AR24's callbacks and Graph
/// follow whatever port the host listens on (<c>--urls</c>, <c>ASPNETCORE_URLS</c>) unless they are configured.
/// </summary>
public static class SandboxAddresses
{
    /// <summary>Kestrel's own default when no address is configured.</summary>
    private const string KestrelDefault = "http://localhost:5000";

    public static void DefaultToSelf(IHostApplicationBuilder builder, SandboxOptions sandbox)
    {
        var self = Self(builder.Configuration["urls"]);
        if (self is null) return;
        var defaults = new Dictionary<string, string?>
        {
            ["Ar24:BaseUrl"] = $"{self}/sandbox/ar24/api/",
            ["Ar24:WebhookBaseUrl"] = self,
            ["Ar24:Token"] = sandbox.Ar24Token,
            ["Ar24:PrivateKey"] = sandbox.Ar24PrivateKey,
            ["Graph:BaseUrl"] = $"{self}/sandbox/graph/v1.0",
        };
        var missing = defaults.Where(d => string.IsNullOrWhiteSpace(builder.Configuration[d.Key]))
            .ToDictionary(d => d.Key, d => d.Value);
        if (missing.Count > 0) builder.Configuration.AddInMemoryCollection(missing);
    }

    /// <summary>The first http address the host listens on, as a client on this machine reaches it; null if
    /// unknown.</summary>
    public static string? Self(string? urls)
    {
        var candidates = (string.IsNullOrWhiteSpace(urls) ? KestrelDefault : urls)
            .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var chosen = candidates.FirstOrDefault(u => u.StartsWith("http://", StringComparison.OrdinalIgnoreCase))
            ?? candidates.FirstOrDefault();
        if (chosen is null) return null;
        // Wildcard hosts (Kestrel accepts *, + and the any-addresses) are reached through loopback.
        var loopback = System.Text.RegularExpressions.Regex.Replace(chosen, @"^(https?://)(\*|\+|0\.0\.0\.0|\[::\])",
            "$1localhost", System.Text.RegularExpressions.RegexOptions.None, TimeSpan.FromMilliseconds(100));
        if (!Uri.TryCreate(loopback, UriKind.Absolute, out var uri) || uri.Port == 0) return null;
        return $"{uri.Scheme}://{uri.Authority}";
    }
}
