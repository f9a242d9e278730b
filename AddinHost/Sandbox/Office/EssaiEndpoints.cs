using Microsoft.AspNetCore.Hosting;
using System.Net;
using System.Text;
using System.Text.Json;

namespace AddinHost.Sandbox.Office;

/// <summary>
/// Try the panes without Office (Development only, with the simulators): <c>/app/essai.html</c> shows the Outlook pane
/// beside the sample mailbox and the Word pane beside a sample document, each pane loading the office.js stand-in
/// instead of Microsoft's, as the browser tests do.
/// </summary>
public static class EssaiEndpoints
{
    public const string Page = "/app/essai.html";
    private const string OfficeJs = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";

    public static IEndpointRouteBuilder MapEssai(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("").ExcludeFromDescription().AllowAnonymous();
        group.MapGet(Page, (string? volet, string? message, TimeProvider clock) =>
            Results.Content(EssaiPage.Render(volet == "word" ? "word" : "outlook", message, clock),
                "text/html; charset=utf-8"));
        group.MapGet("/sandbox/office/volet/{pane}",
            async (string pane, string? message, IWebHostEnvironment env, TimeProvider clock) =>
        {
            if (pane is not ("outlook" or "word")) return Results.NotFound();
            var file = env.WebRootFileProvider.GetFileInfo($"app/{pane}.html");
            if (!file.Exists) return Results.Problem(statusCode: 503,
                detail: "Les volets ne sont pas construits : lancez dotnet build.");
            await using var stream = file.CreateReadStream();
            var html = await new StreamReader(stream).ReadToEndAsync();
            var standIn = $"/sandbox/office/office.js?volet={pane}&message={Uri.EscapeDataString(message ?? "")}";
            return Results.Content(html.Replace(OfficeJs, standIn, StringComparison.Ordinal),
                "text/html; charset=utf-8");
        });
        group.MapGet("/sandbox/office/office.js", (string? volet, string? message, TimeProvider clock) =>
        {
            var config = volet == "word" ? (object)new { host = "Word" } : OutlookItem(message, clock);
            return Results.Content(
                $"window.__officeMock = {JsonSerializer.Serialize(config)};\n{Resource("office-stand-in.js")}",
                "text/javascript; charset=utf-8");
        });
        group.MapGet("/sandbox/office/essai.js", ()
            => Results.Content(Resource("essai.js"), "text/javascript; charset=utf-8"));
        return app;
    }

    /// <summary>
    /// The stand-in's item: one of the sample mailboxes' messages, as Outlook describes the open message; one of
    /// another mailbox carries its owner and the demo user's folder rights there, as getSharedPropertiesAsync gives.
    /// </summary>
    private static object OutlookItem(string? id, TimeProvider clock)
    {
        var m = SampleMailbox.Messages(clock).FirstOrDefault(s => s.Id == id);
        var other = m is null && id is not null ? SandboxMailboxes.Holding(id, clock) : null;
        m ??= other?.Messages(clock).First(s => s.Id == id) ?? SampleMailbox.Messages(clock)[0];
        return new
        {
            host = "Outlook",
            item = new
            {
                itemId = m.Id, fromAddress = m.FromAddress, fromName = m.FromName, subject = m.Subject,
                shared = other is null ? null : new { owner = other.Address, permissions = (int)other.Permissions },
            },
        };
    }

    /// <summary>The office.js stand-in (shared with the browser tests) and the page's script, embedded in the
    /// host.</summary>
    public static string Resource(string name)
    {
        using var stream = typeof(EssaiEndpoints).Assembly.GetManifestResourceStream($"AddinHost.Sandbox.Office.{name}")
            ?? throw new InvalidOperationException($"{name} is not embedded.");
        return new StreamReader(stream, Encoding.UTF8).ReadToEnd();
    }

    private static class EssaiPage
    {
        public static string Render(string volet, string? message, TimeProvider clock)
        {
            var messages = SampleMailbox.Messages(clock);
            var all = messages.Concat(SandboxMailboxes.Others.SelectMany(o => o.Messages(clock)));
            var open = all.FirstOrDefault(m => m.Id == message) ?? messages[0];
            var body = volet == "word" ? Word() : Outlook(messages, open, clock);
            return $$"""
                <!doctype html>
                <html lang="fr">
                <head>
                  <meta charset="utf-8" />
                  <title>Essai des volets sans Office — OutlookDunning</title>
                  <link rel="icon" href="/icons/icon-32.png" />
                  <style>
                    body { font-family: "Segoe UI", system-ui, sans-serif; margin: 0; background: #f3f2f1;
                      color: #201f1e; }
                    header { background: #0f6cbd; color: #fff; padding: 8px 16px; }
                    header p { margin: 4px 0 0; font-size: 13px; }
                    nav a { color: #fff; margin-right: 16px; font-weight: 600; }
                    nav a[aria-current=page] { text-decoration: underline; }
                    main { display: flex; gap: 16px; padding: 16px; align-items: flex-start; }
                    .colonne { background: #fff; border: 1px solid #d1d1d1; border-radius: 4px; padding: 12px; flex: 1;
                      min-width: 0; }
                    .colonne ul { list-style: none; padding: 0; margin: 0; }
                    .colonne li a { display: block; padding: 6px; border-bottom: 1px solid #edebe9; color: inherit;
                      text-decoration: none; }
                    .colonne li a[aria-current=true] { background: #deecf9; }
                    .message { white-space: pre-wrap; }
                    iframe { width: 360px; height: 860px; border: 1px solid #8a8886; background: #fff; flex: none; }
                    #document { white-space: pre-wrap; min-height: 600px; font-family: "Times New Roman", serif; }
                  </style>
                </head>
                <body>
                  <header>
                    <strong>Essai des volets sans Office</strong> · MODE DÉMONSTRATION : données fictives,
                    aucun courrier réel
                    <p>Un Office simulé (le même que celui des tests) entoure les volets réels : choisissez un message
                    pour le volet Outlook, ou passez au volet Word pour insérer un courrier.</p>
                    <nav aria-label="Volets">
                      <a href="{{Page}}?volet=outlook"{{(volet == "outlook"
                          ? " aria-current=\"page\"" : "")}}>Outlook : l'avocat</a>
                      <a href="{{Page}}?volet=word"{{(volet == "word"
                          ? " aria-current=\"page\"" : "")}}>Word : le secrétariat</a>
                    </nav>
                  </header>
                  <main>
                {{body}}
                  </main>
                  <script src="/sandbox/office/essai.js"></script>
                </body>
                </html>
                """;
        }

        private static string Outlook(IReadOnlyList<SampleMessage> messages, SampleMessage open, TimeProvider clock)
        {
            string Items(IEnumerable<SampleMessage> of) => string.Concat(of.Select(m =>
                $"""<li><a href="{Page}?volet=outlook&amp;message={E(m.Id)}"{Current(m)}>"""
                + $"""<strong>{E(m.FromName)}</strong> — {E(m.Subject)}</a></li>"""));
            string Current(SampleMessage m) => m.Id == open.Id ? " aria-current=\"true\"" : "";
            // The other mailboxes the demo user opens: a shared one, a delegated one, a read-only one.
            var others = string.Concat(SandboxMailboxes.Others.Select(o => $"""
                      <h3>{E(o.Address)}</h3>
                      <p>{E(o.Label)}</p>
                      <ul>{Items(o.Messages(clock))}</ul>
                """));
            return $"""
                    <section class="colonne" aria-label="Boîte de réception (exemple)">
                      <h2>Boîte de réception (exemple)</h2>
                      <ul>{Items(messages)}</ul>
                      <h2>Autres boîtes (partagée, déléguée)</h2>
                {others}
                      <h2>{E(open.Subject)}</h2>
                      <p>De : {E(open.FromName)} &lt;{E(open.FromAddress)}&gt;</p>
                      <div class="message">{E(open.Body)}</div>
                    </section>
                    <iframe id="volet-outlook" title="Volet Outlook « Recouvrement »"
                      src="/sandbox/office/volet/outlook?message={E(open.Id)}"></iframe>
                """;
        }

        private static string Word() => """
                    <section class="colonne" aria-label="Document Word (exemple)">
                      <h2>Document Word (exemple)</h2>
                      <div id="document" role="document"></div>
                    </section>
                    <iframe id="volet-word" title="Volet Word « Courriers »" src="/sandbox/office/volet/word"></iframe>
                """;

        private static string E(string text) => WebUtility.HtmlEncode(text);
    }
}
