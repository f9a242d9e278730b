namespace AddinHost.Tests.Fixtures;

/// <summary>A host whose Graph is a local Kestrel server (<see cref="GraphTestServer"/>), started before it and stopped
/// after it.</summary>
public abstract class GraphServerTestBase(DbKind kind) : ApiTestBase(kind)
{
    private protected GraphTestServer Graph { get; private set; } = null!;

    protected override IReadOnlyDictionary<string, string> Settings =>
        new Dictionary<string, string> { ["Graph:BaseUrl"] = Graph.BaseUrl };

    public override async Task InitializeAsync()
    {
        Graph = await GraphTestServer.StartAsync();
        await base.InitializeAsync();
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await Graph.DisposeAsync();
    }
}
