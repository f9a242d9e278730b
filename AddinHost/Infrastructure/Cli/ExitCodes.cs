namespace AddinHost.Infrastructure.Cli;

/// <summary>The admin commands' exit codes, shared by every feature's verb and the host's dispatch.</summary>
public static class ExitCodes
{
    public const int Ok = 0, Failed = 1, BadArguments = 2;

    /// <summary>Settings missing or refused (sysexits EX_CONFIG).</summary>
    public const int RefusedSettings = 78;
}
