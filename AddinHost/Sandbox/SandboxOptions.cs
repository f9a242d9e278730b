namespace AddinHost.Sandbox;

/// <summary>The <c>Sandbox</c> section: built-in simulators of AR24 (and later Graph) for the demo and the tests.</summary>
public sealed class SandboxOptions
{
    public const string Section = "Sandbox";

    public bool Enabled { get; set; }

    /// <summary>The simulated AR24 account; a demo value, worthless outside the sandbox.</summary>
    public string Ar24Token { get; set; } = "jeton-du-bac-a-sable";

    public string Ar24PrivateKey { get; set; } = "cle-du-bac-a-sable";
}
