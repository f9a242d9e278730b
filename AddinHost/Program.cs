using AddinHost.Cases;
using AddinHost.Infrastructure;
using AddinHost.Infrastructure.Audit;
using AddinHost.Infrastructure.Cli;
using AddinHost.Dispatch;
using AddinHost.Letters;
using AddinHost.Proofs;
using AddinHost.Sandbox;

if (CommandLine.Handles(args))
    return await CommandLine.RunAsync(args, hostArgs => HostComposition.Build(hostArgs));

var app = HostComposition.Build(args);
app.UseDunning();
app.MapDunningApi();
app.MapAudit();
app.MapCasesFeature();
app.MapLetters();
app.MapSandbox();
app.MapDispatch();
app.MapEvidence();
app.PrintBannerOnStart();
await app.PrepareAsync();
await app.RunAsync();
return 0;

/// <summary>Entry point, visible to <c>WebApplicationFactory</c> in the tests.</summary>
public partial class Program;
