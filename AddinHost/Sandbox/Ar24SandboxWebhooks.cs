using Microsoft.Extensions.Options;

namespace AddinHost.Sandbox;

/// <summary>
/// The simulator's callbacks, as AR24 makes them: when a mail's state changes it POSTs to the mail's <c>webhook</c>
/// URL, signs nothing, and tries again on the next round until it gets a 200.
/// </summary>
public sealed class Ar24SandboxWebhooks(Ar24SandboxState state, IHttpClientFactory clients, TimeProvider clock, ILogger<Ar24SandboxWebhooks> log)
{
    public const string ClientName = "ar24-sandbox-webhooks";

    /// <summary>Calls every webhook whose mail changed since it was last told; returns how many calls got a 200.</summary>
    public async Task<int> CallDueAsync(CancellationToken ct)
    {
        var http = clients.CreateClient(ClientName);
        var delivered = 0;
        foreach (var mail in state.Mails.Values)
        {
            if (mail.Webhook is null) continue;
            var now = mail.At(clock.GetUtcNow());
            if (state.Notified.TryGetValue(now.Id, out var told) && told == now.Outcome) continue;
            try
            {
                using var body = new FormUrlEncodedContent([new("id_mail", now.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)), new("status", now.Status ?? "")]);
                using var response = await http.PostAsync(new Uri(mail.Webhook), body, ct);
                if (!response.IsSuccessStatusCode) continue;
                state.Notified[now.Id] = now.Outcome;
                delivered++;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
            {
                log.LogInformation("Sandbox webhook not delivered ({Error}); it will be tried again", e.GetType().Name);
            }
        }
        return delivered;
    }
}

/// <summary>Runs the simulator's callbacks every <c>Sandbox:WebhookSeconds</c> (real time, so the demo moves on by itself).</summary>
internal sealed class Ar24SandboxWebhookLoop(Ar24SandboxWebhooks webhooks, IOptions<SandboxOptions> options) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled || options.Value.WebhookSeconds <= 0) return;
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.WebhookSeconds));
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
            await webhooks.CallDueAsync(stoppingToken);
    }
}
