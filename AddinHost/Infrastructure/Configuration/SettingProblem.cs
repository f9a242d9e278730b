namespace AddinHost.Infrastructure.Configuration;

/// <summary>One missing or refused setting: what is wrong and what to set, and where the admin guide explains
/// it.</summary>
public sealed record SettingProblem(string Message, string Guide)
{
    public override string ToString() => $"{Message} (voir : {Guide})";
}
