namespace AddinHost.Cases.Demo;

/// <summary>The <c>Demo</c> section: seed a demo firm in Development.</summary>
public sealed class DemoOptions
{
    public const string Section = "Demo";
    public bool Seed { get; set; }
}
