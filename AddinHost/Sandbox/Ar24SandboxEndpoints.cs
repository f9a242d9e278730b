using System.Globalization;
using System.Text.Json;
using AddinHost.Dispatch.Ar24;
using Microsoft.Extensions.Options;

namespace AddinHost.Sandbox;

/// <summary>
/// A simulator of AR24's documented API under <c>/sandbox/ar24/api/</c>: it checks the token, the date and the
/// signature as AR24 does, answers with the documented envelopes and slugs, and encrypts successful bodies.
/// </summary>
public static class Ar24SandboxEndpoints
{
    public const string Prefix = "/sandbox/ar24/api";
    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");
    private static readonly TimeSpan DateTolerance = TimeSpan.FromMinutes(10);
    public const int MaxContentLength = 10_000;

    public static IEndpointRouteBuilder MapAr24Sandbox(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup(Prefix).ExcludeFromDescription().AllowAnonymous().DisableAntiforgery();
        api.MapGet("/user", (HttpContext http, Ar24SandboxState state) => Handle(http, fields =>
        {
            var email = fields.GetValueOrDefault("email");
            var user = state.Users.Values.FirstOrDefault(u => string.Equals(u.Email, email, StringComparison.OrdinalIgnoreCase));
            return user is null ? Error("user_not_exist", "User does not exist") : Success(user);
        }));
        api.MapPost("/user", (HttpContext http, Ar24SandboxState state) => Handle(http, fields =>
        {
            if (EmailProblem(fields.GetValueOrDefault("email")) is { } problem) return problem;
            var user = new Ar24User(state.NextId(), fields["email"], fields.GetValueOrDefault("firstname"), fields.GetValueOrDefault("lastname"), fields.GetValueOrDefault("company"));
            state.Users[user.Id] = user;
            return Success(user);
        }));
        api.MapPost("/attachment", (HttpContext http, Ar24SandboxState state) => Handle(http, fields =>
        {
            if (!SenderExists(state, fields)) return Error("user_not_exist", "User does not exist");
            var file = http.Request.Form.Files.GetFile("file");
            if (file is null) return Error("missing_file", "No file");
            var id = state.NextId();
            state.Attachments[id] = (fields.GetValueOrDefault("file_name") ?? file.FileName, (int)file.Length);
            return Success(new { file_id = id.ToString(CultureInfo.InvariantCulture) });
        }));
        api.MapPost("/mail", (HttpContext http, Ar24SandboxState state, TimeProvider clock, IOptions<SandboxOptions> options) => Handle(http, fields =>
        {
            var fault = state.Faults.TryDequeue(out var f) ? f : null;
            if (fault == "maintenance") return new Reply(new { status = "maintenance", message = "Maintenance in progress" }, false);
            if (!SenderExists(state, fields)) return Error("user_not_exist", "User does not exist");
            if (EmailProblem(fields.GetValueOrDefault("to_email")) is { } problem) return problem;
            // A qualified LRE identifies its sender: the simulator takes any code of 4 to 12 letters or digits, except 000000.
            if (fields.GetValueOrDefault("eidas") == "1" && !ValidOtp(fields.GetValueOrDefault("otp")))
                return Error("authentication_otp_invalid", "OTP is invalid");
            if ((fields.GetValueOrDefault("content")?.Length ?? 0) > MaxContentLength) return Error("content_exceeds_limit", "Content exceeds limit");
            var id = state.NextId();
            var now = TimeZoneInfo.ConvertTime(clock.GetUtcNow(), Paris).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
            var mail = new Ar24Mail(id, "waiting", now, fields.GetValueOrDefault("ref_client"), fields.GetValueOrDefault("ref_dossier"),
                null, fields.GetValueOrDefault("eidas") == "1", 3.49m, null, null, null, null, null, null, null, null, null, null);
            var simulated = new SimulatedMail(mail, fields["to_email"], clock.GetUtcNow(), $"{http.Request.Scheme}://{http.Request.Host}{Prefix}/proof",
                options.Value.RecipientDelay, fields.GetValueOrDefault("webhook"));
            state.Mails[id] = simulated;
            state.MailSenders[id] = fields["id_user"];
            // Several attachment[] fields arrive joined by commas.
            state.MailAttachments[id] = (fields.GetValueOrDefault("attachment[]") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries)
                .Select(a => long.TryParse(a, CultureInfo.InvariantCulture, out var file) && state.Attachments.TryGetValue(file, out var f) ? f.Name : $"inconnu:{a}").ToList();
            // The mail exists, but its sender never hears so: only a look-up by ref_client can tell.
            return fault switch
            {
                "lost" => new Reply(null!, false, Lost: true),
                "timeout" => Success(simulated.At(clock.GetUtcNow())) with { Delay = TimeSpan.FromSeconds(options.Value.TimeoutFaultSeconds) },
                _ => Success(simulated.At(clock.GetUtcNow())),
            };
        }));
        api.MapGet("/mail", (HttpContext http, Ar24SandboxState state, TimeProvider clock) => Handle(http, fields =>
            long.TryParse(fields.GetValueOrDefault("id"), out var id) && state.Mails.TryGetValue(id, out var mail)
                ? Success(mail.At(clock.GetUtcNow())) : Error("mail_not_exist", "Mail does not exist")));
        api.MapGet("/user/mail", (HttpContext http, Ar24SandboxState state, TimeProvider clock) => Handle(http, fields =>
            SenderExists(state, fields)
                ? Success(state.Mails.Values.Where(m => state.MailSenders.GetValueOrDefault(m.Sent.Id) == fields["id_user"])
                    .OrderBy(m => m.Sent.Id).Select(m => m.At(clock.GetUtcNow())).ToList())
                : Error("user_not_exist", "User does not exist")));
        // Proofs are links AR24 hands out; the simulator's are real PDFs that say they are simulations.
        api.MapGet("/proof/{id:long}/{kind}.pdf", (long id, string kind, Ar24SandboxState state) =>
            state.Mails.TryGetValue(id, out var mail)
                ? Results.File(SimplePdf.Create(["AR24 - BAC A SABLE (simulation, sans valeur juridique)", $"Preuve : {kind}", $"Envoi no {id}",
                    $"Reference client : {mail.Sent.RefClient}", $"Destinataire : {mail.ToEmail}", $"Envoye le : {mail.Sent.Date}"]), "application/pdf")
                : Results.NotFound());

        // For tests and demos of failure: the next sends meet these faults, in order.
        app.MapPost("/sandbox/ar24/_faults", (string[] faults, Ar24SandboxState state) =>
            {
                var unknown = faults.Where(f => !Ar24SandboxState.KnownFaults.Contains(f)).ToList();
                if (unknown.Count > 0)
                    return Results.Problem(detail: $"Pannes inconnues : {string.Join(", ", unknown)} ({string.Join(", ", Ar24SandboxState.KnownFaults)}).", statusCode: 400);
                foreach (var f in faults) state.Faults.Enqueue(f);
                return Results.NoContent();
            })
            .ExcludeFromDescription().AllowAnonymous();

        app.MapGet("/sandbox/ar24/_state", (Ar24SandboxState state, TimeProvider clock) => TypedResults.Ok(new
            {
                simulation = "Bac à sable AR24 intégré : aucun courrier réel n'est envoyé.",
                mails = state.Mails.Values.OrderBy(m => m.Sent.Id).Select(m => m.At(clock.GetUtcNow())),
                attachments = state.MailAttachments.ToDictionary(m => m.Key.ToString(CultureInfo.InvariantCulture), m => m.Value),
            }))
            .ExcludeFromDescription().AllowAnonymous();
        return app;
    }

    private sealed record Reply(object Envelope, bool Encrypt, bool Lost = false, TimeSpan Delay = default);

    private static Reply Success(object result) => new(new { status = "SUCCESS", result }, true);
    private static Reply Error(string slug, string message) => new(new { status = "ERROR", slug, message }, false);

    private static Reply? EmailProblem(string? email) =>
        string.IsNullOrWhiteSpace(email) ? Error("missing_email", "Missing email")
        : !email.Contains('@') || email.EndsWith('@') ? Error("invalid_email", "Invalid email") : null;

    private static bool ValidOtp(string? otp) => Ar24Otp.IsWellFormed(otp) && otp != "000000";

    private static bool SenderExists(Ar24SandboxState state, Dictionary<string, string> fields) =>
        long.TryParse(fields.GetValueOrDefault("id_user"), out var id) && state.Users.ContainsKey(id);

    /// <summary>AR24 always answers HTTP 200: the outcome is in the envelope.</summary>
    private static async Task<IResult> Handle(HttpContext http, Func<Dictionary<string, string>, Reply> action)
    {
        var options = http.RequestServices.GetRequiredService<IOptions<SandboxOptions>>().Value;
        var clock = http.RequestServices.GetRequiredService<TimeProvider>();
        var fields = http.Request.Query.ToDictionary(q => q.Key, q => q.Value.ToString());
        if (http.Request.HasFormContentType)
            foreach (var (key, value) in await http.Request.ReadFormAsync())
                fields[key] = value.ToString();

        var date = fields.GetValueOrDefault("date");
        if (options.LatencyMs > 0) await Task.Delay(options.LatencyMs, http.RequestAborted);
        var reply = Authenticate(fields.GetValueOrDefault("token"), date, http.Request.Headers["signature"].ToString(), options, clock) ?? action(fields);
        if (reply.Lost) return Results.StatusCode(StatusCodes.Status502BadGateway);
        if (reply.Delay > TimeSpan.Zero) await Task.Delay(reply.Delay, clock, http.RequestAborted); // on the app's clock, as the client's time-out is
        var json = JsonSerializer.Serialize(reply.Envelope);
        return Results.Text(reply.Encrypt ? Ar24Crypto.EncryptResponse(json, date!, options.Ar24PrivateKey) : json,
            reply.Encrypt ? "text/plain" : "application/json");
    }

    private static Reply? Authenticate(string? token, string? date, string signature, SandboxOptions options, TimeProvider clock)
    {
        if (string.IsNullOrEmpty(token)) return Error("token_missing", "Token is missing");
        if (token != options.Ar24Token) return Error("token_invalid", "Token is invalid");
        if (string.IsNullOrEmpty(date)) return Error("empty_date", "Date is empty");
        if (!DateTime.TryParseExact(date, "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
            return Error("invalid_date", "Date is invalid");
        var sent = new DateTimeOffset(local, Paris.GetUtcOffset(local));
        var now = clock.GetUtcNow();
        if (sent < now - DateTolerance) return Error("expired_date", "Date is expired");
        if (sent > now + DateTolerance) return Error("date_in_future", "Date is in the future");
        try
        {
            if (Ar24Crypto.ReadSignature(signature, options.Ar24PrivateKey) != date) return Error("invalid_signature", "Signature is invalid");
        }
        catch (Exception e) when (e is FormatException or System.Security.Cryptography.CryptographicException)
        {
            return Error("invalid_signature", "Signature is invalid");
        }
        return null;
    }
}
