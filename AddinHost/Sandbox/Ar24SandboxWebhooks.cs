using Microsoft.Extensions.Options;

namespace AddinHost.Sandbox;

/// <summary>
/// The simulator's callbacks, as AR24 makes them (knowledge base « Obtenez le statut de vos courriers en temps réel
/// avec un Webhook »): when a mail's state changes it calls the URL given in the mail's <c>webhook</c> field, signs
/// nothing, and tries again until it gets a 200 (AR24: every 15 minutes, 48 times at most; here, every round).
/// GUESS: the body (a form with <c>id_mail</c> and <c>status</c>): AR24's page is cut before it describes it.
/// </summary>
public sealed class Ar24SandboxWebhooks(Ar24SandboxState state, IHttpClientFactory clients, TimeProvider clock,
    ILogger<Ar24SandboxWebhooks> log)
{
    public const string ClientName = "ar24-sandbox-webhooks";

    /// <summary>Calls every webhook whose mail changed since it was last told; returns how many calls got a
    /// 200.</summary>
    public async Task<int> CallDueAsync(CancellationToken ct)
    {
        var http = clients.CreateClient(ClientName);
        var delivered = 0;
        foreach (var mail in state.Mails.Values)
        {
            if (mail.Webhook is null) continue;
            var outcome = mail.OutcomeAt(clock.GetUtcNow());
            if (state.Notified.TryGetValue(mail.Id, out var told) && told == outcome) continue;
            if (!Uri.TryCreate(mail.Webhook, UriKind.Absolute, out var target)) continue;
            try
            {
                var status = mail.ToJson(clock.GetUtcNow())["status"]!.GetValue<string>();
                using var body = new FormUrlEncodedContent([new("id_mail",
                    mail.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)), new("status", status)]);
                using var response = await http.PostAsync(target, body, ct);
                if (!response.IsSuccessStatusCode) continue;
                state.Notified[mail.Id] = outcome;
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

/// <summary>Runs the simulator's callbacks every <c>Sandbox:WebhookSeconds</c> (real time, so the demo moves on by
/// itself).</summary>
internal sealed class Ar24SandboxWebhookLoop(Ar24SandboxWebhooks webhooks, IOptions<SandboxOptions> options)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled || options.Value.WebhookSeconds <= 0) return;
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.WebhookSeconds));
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
            await webhooks.CallDueAsync(stoppingToken);
    }
}
