using System.Text.Json;
using AddinHost.Dispatch.Outbox;

namespace AddinHost.Tests.Fixtures;

/// <summary>What a test reads back about a dispatch: through the API, and at the AR24 simulator.</summary>
public static class DispatchReads
{
    public static async Task<DispatchDto> DispatchAsync(this HttpClient client, Guid id) =>
        await (await client.GetAsync($"/api/dispatches/{id}")).ReadAsync<DispatchDto>();

    /// <summary>How many mails the AR24 simulator holds under this dispatch's reference.</summary>
    public static async Task<int> MailsAtAr24Async(this HttpClient client, Guid dispatchId)
    {
        var state = JsonDocument.Parse(await (await client.GetAsync("/sandbox/ar24/_state"))
            .Content.ReadAsStringAsync()).RootElement;
        return state.GetProperty("mails").EnumerateArray()
            .Count(m => m.GetProperty("ref_client").GetString() == dispatchId.ToString());
    }
}
