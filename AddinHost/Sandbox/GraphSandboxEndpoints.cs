using System.Text.Json.Nodes;

namespace AddinHost.Sandbox;

/// <summary>
/// The demo's sample mailboxes, answering the Graph routes the product uses with Graph's documented JSON, under
/// <c>/sandbox/graph/v1.0/</c>: the user's own (<c>/me</c>) and the others they may open (<c>/users/{address}</c>, see
/// <see cref="SandboxMailboxes"/>). Their messages come from the demo firm's debtors; nothing touches Microsoft 365.
/// </summary>
public static class GraphSandboxEndpoints
{
    public const string Prefix = "/sandbox/graph/v1.0";

    public static IEndpointRouteBuilder MapGraphSandbox(this IEndpointRouteBuilder app)
    {
        // What the sample mailboxes sent, as their recipients read it (the demo shows a sender's confirmation code
        // here).
        app.MapGet("/sandbox/graph/_delivered",
            (GraphSandboxMail mail) => Results.Text(
                new JsonArray([.. mail.Delivered.Select(m => (JsonNode)new JsonObject
            {
                ["to"] = m["toRecipients"]?.DeepClone(), ["subject"] = m["subject"]?.DeepClone(),
                    ["body"] = m["body"]?["content"]?.DeepClone(),
                // Who it came from, and who sent it (they differ « de la part de » another mailbox).
                ["from"] = m["from"]?["emailAddress"]?["address"]?.DeepClone(),
                    ["sender"] = m["sender"]?["emailAddress"]?["address"]?.DeepClone(),
            })]).ToJsonString(), "application/json"))
            .ExcludeFromDescription().AllowAnonymous();
        foreach (var path in new[] { "/me", "/users/{mailbox}" })
        {
            var mailbox = app.MapGroup(Prefix + path).ExcludeFromDescription().AllowAnonymous().DisableAntiforgery();
            GraphSandboxCalendar.Map(mailbox);
            GraphSandboxMail.Map(mailbox);
            MapReceived(mailbox);
        }
        return app;
    }

    /// <summary>The messages the mailbox received: one read, its attachments, and the list by sender.</summary>
    private static void MapReceived(RouteGroupBuilder mailbox)
    {
        mailbox.MapGet("/messages/{id}", (string id, HttpContext http, TimeProvider clock) =>
        {
            if (GraphSandboxAccess.Refuse(http, SandboxNeed.ReadMail) is { } refused) return refused;
            var message = SandboxMailboxes.MessagesOf(GraphSandboxAccess.Mailbox(http), clock)
                .FirstOrDefault(m => m.Id == id);
            return message is null
                ? Error(404, "ErrorItemNotFound", "The specified object was not found in the store.")
                : Results.Text(ToGraphJson(message).ToJsonString(), "application/json");
        });
        // The sample payment notice carries its invoice as a PDF.
        mailbox.MapGet("/messages/{id}/attachments", (string id, HttpContext http, TimeProvider clock) =>
        {
            if (GraphSandboxAccess.Refuse(http, SandboxNeed.ReadMail) is { } refused) return refused;
            var message = SandboxMailboxes.MessagesOf(GraphSandboxAccess.Mailbox(http), clock)
                .FirstOrDefault(m => m.Id == id);
            if (message is null) return Error(404, "ErrorItemNotFound",
                "The specified object was not found in the store.");
            var files = message.Id == "demo-message-3"
                ? new JsonArray(new JsonObject
                {
                    ["@odata.type"] = "#microsoft.graph.fileAttachment", ["id"] = "piece-1",
                        ["name"] = $"F{clock.GetUtcNow().Year}-0041.pdf",
                    ["contentType"] = "application/pdf", ["isInline"] = false,
                    ["contentBytes"] = Convert.ToBase64String(
                        SimplePdf.Create(["FACTURE (exemple de demonstration)", $"F{clock.GetUtcNow().Year}-0041"])),
                })
                : [];
            return Results.Text(new JsonObject { ["value"] = files }.ToJsonString(), "application/json");
        });
        mailbox.MapGet("/messages", (HttpContext http, TimeProvider clock) =>
        {
            if (GraphSandboxAccess.Refuse(http, SandboxNeed.ReadMail) is { } refused) return refused;
            // Graph's $filter as the product writes it: the sender's addresses (and a date, which the samples always
            // pass).
            var senders = System.Text.RegularExpressions.Regex.Matches(http.Request.Query["$filter"].ToString(),
                "from/emailAddress/address eq '([^']*)'",
                    System.Text.RegularExpressions.RegexOptions.NonBacktracking)
                .Select(m => m.Groups[1].Value).ToHashSet(StringComparer.OrdinalIgnoreCase);
            var list = new JsonArray([.. SandboxMailboxes.MessagesOf(GraphSandboxAccess.Mailbox(http), clock)
                .Where(m => senders.Count == 0 || senders.Contains(m.FromAddress))
                .OrderByDescending(m => m.ReceivedAt).Select(m => (JsonNode)ToGraphJson(m))]);
            return Results.Text(new JsonObject { ["@odata.context"] =
                "https://graph.microsoft.com/v1.0/$metadata#users('me')/messages", ["value"] = list }.ToJsonString(),
                "application/json");
        });
    }

    public static IResult Error(int status, string code, string message) =>
        Results.Text(new JsonObject { ["error"] = new JsonObject { ["code"] = code,
            ["message"] = message } }.ToJsonString(), "application/json",
            statusCode: status);

    /// <summary>A message as Graph's <c>message</c> resource shows it (the fields the product reads).</summary>
    public static JsonObject ToGraphJson(SampleMessage m) => new()
    {
        ["@odata.context"] = "https://graph.microsoft.com/v1.0/$metadata#users('me')/messages/$entity",
        ["id"] = m.Id,
        ["receivedDateTime"] = m.ReceivedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'",
            System.Globalization.CultureInfo.InvariantCulture),
        ["subject"] = m.Subject,
        ["bodyPreview"] = m.Body.Length > 255 ? m.Body[..255] : m.Body,
        ["body"] = new JsonObject { ["contentType"] = "text", ["content"] = m.Body },
        ["from"] = new JsonObject { ["emailAddress"] =
            new JsonObject { ["name"] = m.FromName, ["address"] = m.FromAddress } },
        ["hasAttachments"] = false,
    };
}

public sealed record SampleMessage(string Id, string FromName, string FromAddress, string Subject, string Body,
    DateTimeOffset ReceivedAt);

/// <summary>Messages of the demo firm's debtors: one by address, one by domain, one by invoice number, one
/// unknown.</summary>
public static class SampleMailbox
{
    public static IReadOnlyList<SampleMessage> Messages(TimeProvider clock)
    {
        var now = clock.GetUtcNow();
        var year = now.Year;
        return
        [
            new("demo-message-1", "Service comptable", "compta@garage-fontaine-sarl.example",
                "Re: Relance — factures en retard",
                "Bonjour Maître,\nNous contestons le montant des pénalités. Pouvons-nous en discuter " +
                    "?\nCordialement,\nGarage Fontaine", now.AddHours(-3)),
            new("demo-message-2", "Direction", "direction@hotel-du-parc-sas.example", "Proposition d'échéancier",
                "Bonjour,\nNous vous proposons de régler le solde en trois mensualités à partir du mois " +
                    "prochain.\nLa direction", now.AddDays(-1)),
            new("demo-message-3", "Jean Roux", "jean.roux@courriel.example", $"Paiement de la facture F{year}-0041",
                $"Bonjour,\nJe vous informe que le virement pour la facture F{year}-0041 a été effectué ce " +
                    $"jour.\nBien à vous", now.AddDays(-2)),
            new("demo-message-4", "Nouveau client", "contact@entreprise-inconnue.example", "Demande de renseignements",
                "Bonjour,\nPourriez-vous me rappeler au sujet de votre courrier ?\nMerci", now.AddDays(-3)),
            // The demo's case at the judicial step: its mise en demeure accepted, its deadline passed.
            new("demo-message-5", "Comptabilité", "compta@electricite-marchand-sas.example", "Re: Mise en demeure",
                "Maître,\nNous avons bien reçu votre courrier mais notre trésorerie ne permet pas de régler pour le " +
                "moment.\nCordialement", now.AddDays(-4)),
            // A sender with no demo case: the pane's browser tests open a case of their own for it (small claims).
            new("demo-message-6", "Comptabilité", "compta@plomberie-arnaud.example", "Re: Mise en demeure",
                "Maître,\nNous ne contestons pas la somme mais ne pouvons pas la régler en une fois.\nCordialement",
                now.AddDays(-5)),
            // Another sender with no demo case: the hand-over's browser test opens an injunction case for it.
            new("demo-message-7", "Direction", "direction@serrurerie-lemaire.example",
                "Ordonnance d'injonction de payer",
                "Maître,\nNous avons appris qu'une ordonnance a été rendue. Pouvons-nous encore trouver un " +
                "arrangement ?\nLa direction", now.AddDays(-6)),
        ];
    }
}
