using System.Reflection;
using Microsoft.Extensions.Options;

namespace AddinHost.Infrastructure.Configuration;

/// <summary>The host cannot start: every missing or refused setting, each with what to set and where to read.</summary>
public sealed class SettingsRefusedException(IReadOnlyList<SettingProblem> problems, string environment)
    : Exception(Describe(problems, environment))
{
    public IReadOnlyList<SettingProblem> Problems { get; } = problems;

    /// <summary>The French list an admin reads on the console, one setting a line.</summary>
    public string Report() => Message;

    private static string Describe(IReadOnlyList<SettingProblem> problems, string environment) =>
        $"Le service ne peut pas démarrer (environnement {environment}) : {problems.Count} réglage(s) à corriger." +
        Environment.NewLine + string.Join(Environment.NewLine, problems.Select(p => $"  - {p}"));

    /// <summary>
    /// Throws with every problem of the built host, if any: those found while composing it and, for a server
    /// (<paramref name="server"/>), every start-up validation of its options. An admin command needs only the former.
    /// </summary>
    public static void ThrowIfAny(IServiceProvider services, bool server)
    {
        var problems = new List<SettingProblem>();
        problems.AddRange(services.GetService<SettingsCheck>()?.Problems ?? []);
        try { if (server) services.GetService<IStartupValidator>()?.Validate(); }
        catch (Exception e) when (e is OptionsValidationException or AggregateException)
        {
            foreach (var failure in Flatten(e).Where(f => f.OptionsType != typeof(SettingsCheckGate)))
            {
                var guide = failure.OptionsType.GetCustomAttribute<SettingsGuideAttribute>()?.Guide
                    ?? AdminGuide.Configuration;
                problems.AddRange(failure.Failures.Select(message => new SettingProblem(message, guide)));
            }
        }
        if (problems.Count > 0)
            throw new SettingsRefusedException(problems,
                services.GetService<IHostEnvironment>()?.EnvironmentName ?? "?");
    }

    private static IEnumerable<OptionsValidationException> Flatten(Exception e) => e switch
    {
        OptionsValidationException o => [o],
        AggregateException a => a.InnerExceptions.SelectMany(Flatten),
        _ => [],
    };
}
