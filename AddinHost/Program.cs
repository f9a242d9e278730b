using AddinHost.Infrastructure;
using AddinHost.Infrastructure.Cli;

if (CommandLine.Handles(args))
    return await CommandLine.RunAsync(args, hostArgs => HostComposition.Build(hostArgs));

var app = HostComposition.Build(args);
app.UseDunning().MapDunning();
app.PrintBannerOnStart();
await app.PrepareAsync();
await app.RunAsync();
return 0;

/// <summary>Entry point, visible to <c>WebApplicationFactory</c> in the tests.</summary>
public partial class Program;
