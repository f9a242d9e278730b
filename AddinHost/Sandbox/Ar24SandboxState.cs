using System.Collections.Concurrent;
using AddinHost.Dispatch.Ar24;

namespace AddinHost.Sandbox;

/// <summary>What the simulated AR24 has received, so that tests and the demo can count every mail.</summary>
public sealed class Ar24SandboxState
{
    private long _nextId = 1000;
    public ConcurrentDictionary<long, Ar24User> Users { get; } = new();
    public ConcurrentDictionary<long, (string Name, int Size)> Attachments { get; } = new();
    public ConcurrentDictionary<long, Ar24Mail> Mails { get; } = new();

    public long NextId() => Interlocked.Increment(ref _nextId);
}
