using System.Text.Json;

namespace AddinHost.Tests.Fixtures;

/// <summary>What the built-in AR24 simulator received, read from its <c>_state</c> route.</summary>
public static class SandboxMails
{
    public static async Task<List<JsonElement>> AllAsync(HttpClient client) =>
        JsonDocument.Parse(await (await client.GetAsync("/sandbox/ar24/_state")).Content.ReadAsStringAsync())
            .RootElement.GetProperty("mails").EnumerateArray().ToList();

    /// <summary>The mails AR24 holds under this dispatch id (its <c>ref_client</c>).</summary>
    public static async Task<List<JsonElement>> ForAsync(HttpClient client, Guid dispatchId) =>
        (await AllAsync(client)).Where(m => m.GetProperty("ref_client").GetString() == dispatchId.ToString()).ToList();
}
