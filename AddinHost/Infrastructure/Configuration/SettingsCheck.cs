using Microsoft.Extensions.Options;

namespace AddinHost.Infrastructure.Configuration;

/// <summary>
/// Every setting refused while the host is composed. Features record a problem and go on with a harmless default
/// instead of throwing, so one start lists every missing setting at once (<see cref="SettingsRefusedException"/>).
/// </summary>
public sealed class SettingsCheck
{
    private readonly List<SettingProblem> _problems = [];

    public IReadOnlyList<SettingProblem> Problems => _problems;

    public void Refuse(string message, string guide) => _problems.Add(new SettingProblem(message, guide));

    /// <summary>The check of this host, registered once so that option validation at start also reports it.</summary>
    public static SettingsCheck Of(IHostApplicationBuilder builder)
    {
        if (builder.Properties.TryGetValue(typeof(SettingsCheck), out var existing)) return (SettingsCheck)existing;
        var check = new SettingsCheck();
        builder.Properties[typeof(SettingsCheck)] = check;
        builder.Services.AddSingleton(check);
        builder.Services.AddSingleton<IValidateOptions<SettingsCheckGate>, SettingsCheckGate.Validator>();
        builder.Services.AddOptions<SettingsCheckGate>().ValidateOnStart();
        return check;
    }
}

/// <summary>An options type whose validation fails with the composition's problems, for hosts started another
/// way.</summary>
[SettingsGuide(AdminGuide.Configuration)]
public sealed class SettingsCheckGate
{
    internal sealed class Validator(SettingsCheck check) : IValidateOptions<SettingsCheckGate>
    {
        public ValidateOptionsResult Validate(string? name, SettingsCheckGate options) => check.Problems.Count == 0
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(check.Problems.Select(p => p.ToString()));
    }
}
