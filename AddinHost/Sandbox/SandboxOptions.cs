namespace AddinHost.Sandbox;

/// <summary>The <c>Sandbox</c> section: built-in simulators of AR24 (and later Graph) for the demo and the
/// tests.</summary>
public sealed class SandboxOptions
{
    public const string Section = "Sandbox";

    public bool Enabled { get; set; }

    /// <summary>The simulated AR24 account; a demo value, worthless outside the sandbox.</summary>
    public string Ar24Token { get; set; } = "jeton-du-bac-a-sable";

    public string Ar24PrivateKey { get; set; } = "cle-du-bac-a-sable";

    /// <summary>How long the simulated recipient takes to accept or refuse (one day, as in life; the demo shortens it).
    /// Négligence comes at 15 times this.</summary>
    public TimeSpan RecipientDelay { get; set; } = TimeSpan.FromDays(1);

    /// <summary>How often the simulator calls the webhooks of mails whose state changed (real seconds); 0 = never by
    /// itself.</summary>
    public int WebhookSeconds { get; set; } = 5;

    /// <summary>How long the "timeout" fault keeps a send waiting after recording it (longer than the client's 60 s
    /// time-out).</summary>
    public int TimeoutFaultSeconds { get; set; } = 90;

    /// <summary>Latency added to every simulated AR24 call, for benchmarks (milliseconds).</summary>
    public int LatencyMs { get; set; }
}
