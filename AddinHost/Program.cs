using AddinHost.Composition;
using AddinHost.Infrastructure;
using AddinHost.Infrastructure.Configuration;

try
{
    if (CommandLine.Handles(args))
        return await CommandLine.RunAsync(args, hostArgs => HostComposition.Build(hostArgs, server: false));

    var app = HostComposition.Build(args);
    app.UseDunning().MapDunning();
    app.PrintBannerOnStart();
    await app.PrepareAsync();
    await app.RunAsync();
    return 0;
}
catch (SettingsRefusedException refused) when (System.Reflection.Assembly.GetEntryAssembly()
    == typeof(Program).Assembly)
{
    // An admin's mistake, not a crash: the whole list, no stack trace.
    await Console.Error.WriteLineAsync(refused.Report());
    return CommandLine.RefusedSettings;
}

/// <summary>Entry point, visible to <c>WebApplicationFactory</c> in the tests.</summary>
public partial class Program;
