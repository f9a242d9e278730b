using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using AddinHost.Dispatch.Ar24;
using AddinHost.Dispatch.Senders;

namespace AddinHost.Tests.Fixtures;

/// <summary>
/// A firm's AR24 sender brought to « Actif » the way an admin does it: added in the admin API, its code read where the
/// address's holder reads it (the sample mailbox's delivered mail), confirmed, its account opened at the simulator, the
/// holder's confirmation and acceptance of AR24's terms played at the simulator, then checked again.
/// </summary>
public static partial class Ar24Onboarding
{
    /// <param name="ar24">A client of the host that plays AR24, when it is not the firm's own host.</param>
    /// <param name="graphBaseUrl">The Graph server the host sends mail through, when it is not its own sample
    /// mailbox.</param>
    public static async Task<SenderDto> ActivateAsync(HttpClient client, string email, string gender = "F",
        string firstname = "Claire",
        string lastname = "Delaunay", string? userId = null, HttpClient? ar24 = null, string? graphBaseUrl = null)
    {
        var sender = await AddAndConfirmAsync(client, email, gender, firstname, lastname, userId, graphBaseUrl);
        sender = await ProvisionAsync(client, sender.Id);
        if (sender.State == Ar24SenderState.TermsToAccept)
        {
            await HolderAsync(ar24 ?? client, email, "confirm");
            await HolderAsync(ar24 ?? client, email, "accept-terms");
            sender = await ProvisionAsync(client, sender.Id);
        }
        Assert.Equal(Ar24SenderState.Active, sender.State);
        return sender;
    }

    /// <summary>Adds the sender; a new address gets its code, which is entered. Returns the bound sender.</summary>
    public static async Task<SenderDto> AddAndConfirmAsync(HttpClient client, string email, string gender = "F",
        string firstname = "Claire",
        string lastname = "Delaunay", string? userId = null, string? graphBaseUrl = null)
    {
        var added = await client.PostJsonAsync("/api/ar24/senders", new { email, gender, firstname, lastname, userId });
        // already the firm's: identity completed
        if (added.StatusCode == HttpStatusCode.OK) return await added.ReadAsync<SenderDto>();
        Assert.True(added.StatusCode == HttpStatusCode.Accepted,
            $"{added.StatusCode}: {await added.Content.ReadAsStringAsync()}");
        var code = await CodeAsync(client, email, graphBaseUrl);
        return await (await client.PostJsonAsync("/api/ar24/senders/confirm",
            new { email, code })).ReadAsync<SenderDto>();
    }

    public static async Task<SenderDto> ProvisionAsync(HttpClient client, Guid id) =>
        await (await client.PostAsync($"/api/ar24/senders/{id}/provision", null)).ReadAsync<SenderDto>();

    /// <summary>What the address's holder does from AR24's e-mails: confirm, accept-terms, grant-access.</summary>
    public static async Task HolderAsync(HttpClient client, string email, string action) =>
        (await client.PostAsync($"/sandbox/ar24/_users/{Uri.EscapeDataString(email)}/{action}",
            null)).EnsureSuccessStatusCode();

    /// <summary>The last confirmation code the host's mailbox (its sample mailbox, or a Graph test server) sent to
    /// this address.</summary>
    public static async Task<string> CodeAsync(HttpClient client, string email, string? graphBaseUrl = null)
    {
        string json;
        if (graphBaseUrl is null) json = await client.GetStringAsync("/sandbox/graph/_delivered");
        else
        {
            using var graph = new HttpClient();
            json = await graph.GetStringAsync(new Uri(new Uri(graphBaseUrl), "/_delivered"));
        }
        var delivered = JsonDocument.Parse(json).RootElement.EnumerateArray()
            .Where(m => m.GetProperty("to").EnumerateArray().Any(t => string.Equals(
                t.GetProperty("emailAddress").GetProperty("address").GetString(), email,
                    StringComparison.OrdinalIgnoreCase)))
            .ToList();
        Assert.NotEmpty(delivered);
        return Code().Match(delivered[^1].GetProperty("body").GetString()!).Value;
    }

    [GeneratedRegex(@"\b\d{8}\b")]
    private static partial Regex Code();
}
