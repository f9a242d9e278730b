using System.Net;
using AddinHost.Dispatch.Ar24;
using AddinHost.Dispatch.Outbox;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace AddinHost.Dispatch;

/// <summary>
/// AR24's callbacks: a hint that a mail changed, nothing more. The source must be on the allow-list, the body is
/// never believed, and the only effect is that the tenant's deposited letters are read again over the signed API.
/// AR24 retries until it gets a 200, so the answer is always 200.
/// </summary>
public static class Webhooks
{
    /// <summary>AR24's callbacks are a few hundred bytes; nothing larger is read.</summary>
    public const long MaxBodyBytes = 64 * 1024;

    public static IEndpointRouteBuilder MapAr24Webhook(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/webhooks/ar24/{tenantKey}", ReceiveCallback)
            .WithTags("Envois").WithSummary("Rappel d'AR24 : déclenche une relecture de l'état par l'API authentifiée")
            .AllowAnonymous().DisableAntiforgery()
            .WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(MaxBodyBytes));
        return app;
    }

    /// <summary>Always 200: AR24 would retry anything else, and a refused source learns nothing.</summary>
    public static async Task<Ok> ReceiveCallback(string tenantKey, HttpContext http, IOptions<Ar24Options> options,
        WebhookHints hints, ILogger<DispatchProcessor> log, CancellationToken ct)
    {
        if (!IsAllowed(http.Connection.RemoteIpAddress, options.Value.WebhookAllowedIps))
        {
            log.LogWarning("AR24 webhook refused from a source outside the allow-list");
            return TypedResults.Ok();
        }
        await hints.HintAsync(tenantKey, await MailIdHintAsync(http.Request, ct), ct);
        return TypedResults.Ok();
    }

    /// <summary>The mail id the callback names (form or JSON, <c>id_mail</c> or <c>id</c>), if any: a hint, never a
    /// fact.</summary>
    private static async Task<long?> MailIdHintAsync(HttpRequest request, CancellationToken ct)
    {
        try
        {
            if (request.HasFormContentType)
            {
                var form = await request.ReadFormAsync(ct);
                return long.TryParse(form["id_mail"].FirstOrDefault() ?? form["id"].FirstOrDefault(), out var fromForm)
                    ? fromForm : null;
            }
            using var json = await System.Text.Json.JsonDocument.ParseAsync(request.Body, cancellationToken: ct);
            foreach (var name in new[] { "id_mail", "id" })
                if (json.RootElement.ValueKind == System.Text.Json.JsonValueKind.Object
                    && json.RootElement.TryGetProperty(name, out var v)
                    && v.ValueKind switch
                    {
                        System.Text.Json.JsonValueKind.Number => v.TryGetInt64(out var n) ? n : (long?)null,
                        System.Text.Json.JsonValueKind.String => long.TryParse(v.GetString(), out var n) ? n : null,
                        _ => null,
                    } is { } id)
                    return id;
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or InvalidDataException or IOException
            or BadHttpRequestException) { }
        return null;
    }

    private static bool IsAllowed(IPAddress? source, IReadOnlyList<string> allowList)
    {
        if (source is null) return false;
        if (source.IsIPv4MappedToIPv6) source = source.MapToIPv4();
        foreach (var entry in allowList)
        {
            if (entry.Contains('/') && IPNetwork.TryParse(entry, out var network)
                && network.Contains(source)) return true;
            if (IPAddress.TryParse(entry, out var single) && single.Equals(source)) return true;
        }
        return false;
    }
}
