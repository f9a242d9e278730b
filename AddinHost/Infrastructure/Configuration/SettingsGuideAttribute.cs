namespace AddinHost.Infrastructure.Configuration;

/// <summary>Where the admin guide explains an options class, so its validation failures say where to look.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class SettingsGuideAttribute(string guide) : Attribute
{
    public string Guide { get; } = guide;
}
