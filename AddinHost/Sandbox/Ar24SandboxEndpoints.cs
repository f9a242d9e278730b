using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;

namespace AddinHost.Sandbox;

/// <summary>
/// A simulator of AR24's documented API under <c>/sandbox/ar24/api/</c>: it checks the token, the date and the
/// signature as AR24 does, answers with the documented envelopes and slugs, and encrypts successful bodies. It is at
/// least as strict as AR24's material says the service is (see <see cref="Ar24SandboxRules"/>); each rule is marked
/// « AR24 doc » or « GUESS ».
/// </summary>
public static class Ar24SandboxEndpoints
{
    public const string Prefix = "/sandbox/ar24/api";
    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    /// <summary>
    /// AR24 doc (the public clients' copy of its error list): a date more than 10 minutes ahead is date_in_future.
    /// GUESS: how old a date may be before expired_date; the simulator takes the same 10 minutes.
    /// </summary>
    private static readonly TimeSpan DateTolerance = TimeSpan.FromMinutes(10);

    /// <summary>GUESS: the page size of user/mail when max is absent, and the most one page gives (AR24 documents
    /// neither).</summary>
    public const int DefaultPageSize = 10;
    public const int MaxPageSize = 50;

    public static IEndpointRouteBuilder MapAr24Sandbox(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup(Prefix).ExcludeFromDescription().AllowAnonymous().DisableAntiforgery();
        Ar24SandboxUsers.Map(api, app);
        api.MapPost("/attachment", (HttpContext http, Ar24SandboxState state) => Handle(http, fields =>
        {
            if (LinkedSender(state, fields, out var sender) is { } refused) return refused;
            var file = http.Request.Form.Files.GetFile("file");
            if (file is null) return Error("attachment_missing_file", "You didn't fill the file parameter correctly");
            if (file.Length == 0) return Error("attachment_too_big", "File is empty (0B) or too big"); // AR24 doc
            var name = fields.GetValueOrDefault("file_name") is { Length: > 0 } given ? given : file.FileName;
            if (string.IsNullOrWhiteSpace(name)) return Error("attachment_empty_name",
                "We can't extract a file name for the uploaded file");
            var id = state.NextId();
            state.Attachments[id] = (name, (int)file.Length, sender!.Id.ToString(CultureInfo.InvariantCulture));
            state.Uploaded();
            return Success(new JsonObject { ["file_id"] = id.ToString(CultureInfo.InvariantCulture) });
        }));
        api.MapPost("/mail", (HttpContext http, Ar24SandboxState state, TimeProvider clock,
            IOptions<SandboxOptions> options) => Handle(http, fields =>
        {
            var fault = state.Faults.TryDequeue(out var f) ? f : null;
            if (fault == "maintenance") return new Reply(new JsonObject { ["status"] = "maintenance",
                ["message"] = "Maintenance in progress" }, false);
            if (LinkedSender(state, fields, out var sender) is { } refused) return refused;
            if (Ar24SandboxRules.NewMail(fields, sender!, state) is { } invalid) return invalid;
            var id = state.NextId();
            var files = Ar24SandboxRules.Attachments(fields).Select(a => a!.Value).ToList();
            var simulated = new SimulatedMail(id, sender!.Id, fields["to_email"].Trim(),
                fields.GetValueOrDefault("to_firstname") ?? "",
                fields.GetValueOrDefault("to_lastname") ?? "", fields.GetValueOrDefault("to_company") ?? "",
                    fields["dest_statut"],
                fields.GetValueOrDefault("ref_client") ?? "", fields.GetValueOrDefault("ref_dossier") ?? "",
                    fields.GetValueOrDefault("eidas") == "1",
                clock.GetUtcNow(), $"{http.Request.Scheme}://{http.Request.Host}{Prefix}/proof",
                    options.Value.RecipientDelay,
                fields.GetValueOrDefault("webhook"), files) { BadProofLink = fault == "bad-proof-link" };
            state.Mails[id] = simulated;
            state.MailSenders[id] = sender.Id.ToString(CultureInfo.InvariantCulture);
            state.MailAttachments[id] = files.Select(a => state.Attachments[a].Name).ToList();
            // The mail exists, but its sender never hears so: only a look-up by ref_client can tell.
            return fault switch
            {
                "lost" => new Reply(null!, false, Lost: true),
                "timeout" => Success(simulated.ToJson(clock.GetUtcNow())) with { Delay =
                    TimeSpan.FromSeconds(options.Value.TimeoutFaultSeconds) },
                _ => Success(simulated.ToJson(clock.GetUtcNow())),
            };
        }));
        api.MapGet("/mail", (HttpContext http, Ar24SandboxState state, TimeProvider clock) => Handle(http, fields =>
        {
            if (!long.TryParse(fields.GetValueOrDefault("id"), out var id)) return Error("missing_erm_id",
                "Please provide a valid mail ID");
            if (!state.Mails.TryGetValue(id, out var mail)) return Error("mail_not_exist",
                "Mail does not exist"); // GUESS: the slug
            return state.Users.TryGetValue(mail.SenderId, out var owner) && owner.LinkedToApi
                ? Success(mail.ToJson(clock.GetUtcNow()))
                : Error("user_unavailable", "You tried to access a resource that is not related to your API");
        }));
        // GUESS: paged like AR24's sibling lists (max, start, sort by id); a small default page so that a client
        // reading only the first page is caught.
        api.MapGet("/user/mail", (HttpContext http, Ar24SandboxState state, TimeProvider clock)
            => Handle(http, fields =>
        {
            if (LinkedSender(state, fields, out var sender) is { } refused) return refused;
            state.Listed();
            var max = Math.Clamp(int.TryParse(fields.GetValueOrDefault("max"), out var m) ? m
                : DefaultPageSize, 1, MaxPageSize);
            var start = Math.Max(0, int.TryParse(fields.GetValueOrDefault("start"), out var s) ? s : 0);
            var mine = state.Mails.Values.Where(x => x.SenderId == sender!.Id);
            mine = string.Equals(fields.GetValueOrDefault("sort"), "DESC", StringComparison.OrdinalIgnoreCase)
                ? mine.OrderByDescending(x => x.Id) : mine.OrderBy(x => x.Id);
            var all = mine.ToList();
            var page = all.Skip(start).Take(max).Select(x => (JsonNode)x.ToJson(clock.GetUtcNow())).ToArray();
            return Success(new JsonObject { ["total"] = all.Count, ["mails"] = new JsonArray(page) });
        }));
        // Proofs are links AR24 hands out; the simulator's are real PDFs that say they are simulations.
        api.MapGet("/proof/{id:long}/{kind}.pdf", (long id, string kind, Ar24SandboxState state) =>
            state.Mails.TryGetValue(id, out var mail)
                ? Results.File(SimplePdf.Create(["AR24 - BAC A SABLE (simulation, sans valeur juridique)",
                    $"Preuve : {kind}", $"Envoi no {id}",
                    $"Reference client : {mail.RefClient}", $"Destinataire : {mail.ToEmail}",
                        $"Envoye le : {mail.SentAt:yyyy-MM-dd HH:mm}"]), "application/pdf")
                : Results.NotFound());

        // For tests and demos of failure: the next sends meet these faults, in order.
        app.MapPost("/sandbox/ar24/_faults", (string[] faults, Ar24SandboxState state) =>
            {
                var unknown = faults.Where(f => !Ar24SandboxState.KnownFaults.Contains(f)).ToList();
                if (unknown.Count > 0)
                    return Results.Problem(
                        detail: $"Pannes inconnues : {string.Join(", ", unknown)} " +
                        $"({string.Join(", ", Ar24SandboxState.KnownFaults)}).", statusCode: 400);
                foreach (var f in faults) state.Faults.Enqueue(f);
                return Results.NoContent();
            })
            .ExcludeFromDescription().AllowAnonymous();

        app.MapGet("/sandbox/ar24/_state", (Ar24SandboxState state, TimeProvider clock) => Results.Text(new JsonObject
            {
                ["simulation"] = "Bac à sable AR24 intégré : aucun courrier réel n'est envoyé.",
                ["mails"] = new JsonArray([.. state.Mails.Values.OrderBy(m => m.Id)
                    .Select(m => (JsonNode)m.ToJson(clock.GetUtcNow()))]),
                ["attachments"] = new JsonObject(state.MailAttachments.Select(m
                    => KeyValuePair.Create(m.Key.ToString(CultureInfo.InvariantCulture),
                    (JsonNode?)new JsonArray([.. m.Value.Select(n => (JsonNode)n)])))),
                ["users"] = new JsonArray([.. state.Users.Values.OrderBy(u => u.Id).Select(u => (JsonNode)u.ToJson())]),
                ["uploads"] = state.Uploads, ["listCalls"] = state.ListCalls,
            }.ToJsonString(), "application/json"))
            .ExcludeFromDescription().AllowAnonymous();
        return app;
    }

    public sealed record Reply(JsonObject Envelope, bool Encrypt, bool Lost = false, TimeSpan Delay = default);

    public static Reply Success(JsonNode result) => new(new JsonObject { ["status"] = "SUCCESS",
        ["result"] = result }, true);
    public static Reply Error(string slug,
        string message) => new(new JsonObject { ["status"] = "ERROR", ["slug"] = slug, ["message"] = message }, false);

    /// <summary>
    /// The account <c>id_user</c> names, as a route needing one checks it: it must exist (user_not_exist) and be open
    /// to
    /// this API (user_unavailable: « user has not granted API access », AR24 doc).
    /// </summary>
    public static Reply? LinkedSender(Ar24SandboxState state, Dictionary<string, string> fields,
        out SimulatedUser? sender)
    {
        sender = null;
        if (!long.TryParse(fields.GetValueOrDefault("id_user"), out var id)) return Error("missing_user_id",
            "Please specify a valid user ID");
        if (!state.Users.TryGetValue(id, out sender)) return Error("user_not_exist",
            "There is no user with this address on AR24");
        return sender.LinkedToApi ? null
            : Error("user_unavailable", "You tried to access a resource that is not related to your API");
    }

    /// <summary>AR24 always answers HTTP 200: the outcome is in the envelope.</summary>
    public static async Task<IResult> Handle(HttpContext http, Func<Dictionary<string, string>, Reply> action)
    {
        var options = http.RequestServices.GetRequiredService<IOptions<SandboxOptions>>().Value;
        var clock = http.RequestServices.GetRequiredService<TimeProvider>();
        var fields = http.Request.Query.ToDictionary(q => q.Key, q => q.Value.ToString());
        if (http.Request.HasFormContentType)
            foreach (var (key, value) in await http.Request.ReadFormAsync())
                fields[key] = value.ToString();

        var date = fields.GetValueOrDefault("date");
        if (options.LatencyMs > 0) await Task.Delay(options.LatencyMs, http.RequestAborted);
        var reply = Authenticate(fields.GetValueOrDefault("token"), date, http.Request.Headers["signature"].ToString(),
            options, clock) ?? action(fields);
        if (reply.Lost) return Results.StatusCode(StatusCodes.Status502BadGateway);
        // on the app's clock, as the client's time-out is
        if (reply.Delay > TimeSpan.Zero) await Task.Delay(reply.Delay, clock, http.RequestAborted);
        var json = reply.Envelope.ToJsonString();
        return Results.Text(
            reply.Encrypt ? Ar24SandboxCrypto.EncryptResponse(json, date!, options.Ar24PrivateKey) : json,
            reply.Encrypt ? "text/plain" : "application/json");
    }

    private static Reply? Authenticate(string? token, string? date, string signature, SandboxOptions options,
        TimeProvider clock)
    {
        if (string.IsNullOrEmpty(token)) return Error("token_missing", "Token is missing");
        if (token != options.Ar24Token) return Error("token_invalid", "Token is invalid");
        if (string.IsNullOrEmpty(date)) return Error("empty_date", "Date is empty");
        if (!DateTime.TryParseExact(date, "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.None,
            out var local))
            return Error("invalid_date", "Date is invalid");
        var sent = new DateTimeOffset(local, Paris.GetUtcOffset(local));
        var now = clock.GetUtcNow();
        if (sent < now - DateTolerance) return Error("expired_date", "Date is expired");
        if (sent > now + DateTolerance) return Error("date_in_future", "Date is in the future");
        if (string.IsNullOrEmpty(signature)) return Error("empty_signature",
            "Signature is missing"); // AR24 doc: the slug exists
        try
        {
            // GUESS: the slug of a signature that does not decrypt to the date (AR24 documents empty_signature only).
            if (Ar24SandboxCrypto.ReadSignature(signature, options.Ar24PrivateKey) != date)
                return Error("invalid_signature", "Signature is invalid");
        }
        catch (Exception e) when (e is FormatException or System.Security.Cryptography.CryptographicException)
        {
            return Error("invalid_signature", "Signature is invalid");
        }
        return null;
    }
}
