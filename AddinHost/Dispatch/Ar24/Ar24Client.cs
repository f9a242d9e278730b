using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using AddinHost.Infrastructure;
using Microsoft.Extensions.Options;

namespace AddinHost.Dispatch.Ar24;

/// <summary>
/// AR24's API over HTTP: every call carries the token and a Paris-time date, signed in the <c>signature</c>
/// header; successful bodies come back encrypted with that date. Errors are plain JSON with a <c>slug</c>.
/// </summary>
public sealed class Ar24Client(HttpClient http, IOptions<Ar24Options> options, TimeProvider clock)
{
    private static readonly JsonSerializerOptions Json =
        new() { NumberHandling = JsonNumberHandling.AllowReadingFromString };
    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");
    private Ar24Options O => options.Value;

    /// <summary>A sender account by its address; <c>user_unavailable</c> when it exists but is not linked to this
    /// API.</summary>
    public Task<Ar24User> GetUserAsync(string email, CancellationToken ct) =>
        SendAsync<Ar24User>(HttpMethod.Get, "user", [("email", email)], ct);

    /// <summary>A sender account by its id (<c>id_user</c>, as the public clients call <c>GET user</c>).</summary>
    public Task<Ar24User> GetUserAsync(long id, CancellationToken ct) =>
        SendAsync<Ar24User>(HttpMethod.Get, "user", [("id_user", Id(id))], ct);

    /// <summary>Opens a sender account with every field AR24 requires (knowledge base « Créer un compte expéditeur via
    /// l'API »).</summary>
    public Task<Ar24User> CreateUserAsync(NewAr24User user, CancellationToken ct) =>
        SendAsync<Ar24User>(HttpMethod.Post, "user",
        [
            ("firstname", user.Firstname), ("lastname", user.Lastname), ("email", user.Email), ("gender", user.Gender),
            ("statut", user.Statut), ("address1", user.Address1), ("zipcode", user.Zipcode), ("city", user.City),
            ("country", user.Country), ("company", user.Company), ("company_siret", user.CompanySiret),
            ("company_tva", user.CompanyTva),
        ], ct);

    /// <summary>
    /// Asks the holder of an existing AR24 account to let this API use it: AR24 e-mails them (knowledge base,
    /// « Rattacher un compte AR24 existant à votre API », route <c>/user/request_access</c>). GUESS: the page is cut
    /// before its parameter list; the address is sent as <c>email</c>, as <c>GET user</c> takes it.
    /// </summary>
    public Task<JsonElement> RequestAccessAsync(string email, CancellationToken ct) =>
        SendAsync<JsonElement>(HttpMethod.Post, "user/request_access", [("email", email)], ct);

    /// <summary>
    /// Asks AR24 to e-mail a new sender the link to accept its terms (knowledge base: route <c>/user/request_cgu</c>).
    /// GUESS: the account is named by <c>id_user</c>, as on every other user route.
    /// </summary>
    public Task<JsonElement> RequestTermsAsync(long id, CancellationToken ct) =>
        SendAsync<JsonElement>(HttpMethod.Post, "user/request_cgu", [("id_user", Id(id))], ct);

    public async Task<long> UploadAttachmentAsync(long senderId, string fileName, byte[] content, CancellationToken ct)
    {
        var result = await SendAsync<JsonElement>(HttpMethod.Post, "attachment",
            [("id_user", Id(senderId)), ("file_name", fileName)], ct,
            file: (fileName, content));
        return result.ValueKind == JsonValueKind.Object && result.TryGetProperty("file_id", out var id)
               && (id.ValueKind == JsonValueKind.Number ? id.TryGetInt64(out var n)
                   : long.TryParse(id.GetString(), CultureInfo.InvariantCulture, out n))
            ? n
            : throw Unreadable("AR24 n'a pas donné l'identifiant de la pièce jointe déposée");
    }

    /// <summary>Sends a registered mail. Never retried automatically: a time-out may hide a mail that was
    /// sent.</summary>
    public Task<Ar24Mail> SendMailAsync(NewAr24Mail mail, CancellationToken ct) =>
        SendAsync<Ar24Mail>(HttpMethod.Post, "mail",
        [
            ("id_user", Id(mail.SenderId)), ("to_firstname", mail.Recipient.ToFirstname),
                ("to_lastname", mail.Recipient.ToLastname),
            ("to_company", mail.Recipient.ToCompany), ("to_email", mail.Recipient.ToEmail),
                ("dest_statut", mail.Recipient.DestStatut),
            ("content", mail.Content), ("ref_client", mail.RefClient), ("ref_dossier", mail.RefDossier),
            // Per mail: AR24's POST mail takes the URL to call back (API reference; the public PHP client sends it
            // too).
            ("webhook", mail.Webhook),
            ("eidas", mail.Eidas ? "1" : null), ("otp", mail.Otp),
            .. mail.AttachmentIds.Select(id => ("attachment[]", (string?)Id(id))),
        ], ct);

    public Task<Ar24Mail> GetMailAsync(long id, CancellationToken ct) =>
        SendAsync<Ar24Mail>(HttpMethod.Get, "mail", [("id", Id(id))], ct);

    /// <summary>
    /// One page of a sender's mails, newest first as asked (<c>sort=DESC</c>). GUESS: <c>max</c>, <c>start</c> and
    /// <c>sort</c> are how AR24's sibling lists page (<c>user/list</c>, <c>user/attachment</c>); a list that ignores
    /// them still reads right, as the caller never relies on the order it asked for.
    /// </summary>
    public async Task<IReadOnlyList<Ar24Mail>> ListMailsAsync(long senderId, int start, int max, CancellationToken ct)
    {
        var result = await SendAsync<JsonElement>(HttpMethod.Get, "user/mail",
            [("id_user", Id(senderId)), ("max", Id(max)), ("start", Id(start)), ("sort", "DESC")], ct);
        var list = result.ValueKind == JsonValueKind.Array ? result
            : result.ValueKind == JsonValueKind.Object
              && new[] { "mails", "mail", "list" }.Select(name => result.TryGetProperty(name, out var l) ? l : default)
                  .FirstOrDefault(l => l.ValueKind == JsonValueKind.Array) is { ValueKind: JsonValueKind.Array } found
                      ? found
            : default;
        // An answer we cannot read is not "no such mail": the caller would send the letter a second time.
        if (list.ValueKind != JsonValueKind.Array) throw Unreadable("AR24 a répondu par une liste illisible");
        return Read<List<Ar24Mail>>(list);
    }

    /// <summary>Downloads a proof from the link AR24 gave in the mail object; a link that is no web address is
    /// refused, not thrown.</summary>
    public async Task<byte[]> DownloadProofAsync(string url, CancellationToken ct)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http"))
            throw Unreadable("AR24 a donné un lien de preuve qui n'est pas une adresse web");
        var bytes = await http.GetByteArrayAsync(uri, ct);
        return PdfFile.LooksLikePdf(bytes)
            ? bytes
            : throw new Ar24Exception(new Ar24Error("preuve_illisible",
                "AR24 a renvoyé une preuve qui n'est pas un PDF : elle sera redemandée.", true));
    }

    /// <summary>The date AR24 expects: Paris wall-clock time.</summary>
    public string RequestDate() =>
        TimeZoneInfo.ConvertTime(clock.GetUtcNow(), Paris)
            .ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    private async Task<T> SendAsync<T>(HttpMethod method, string path, IEnumerable<(string Name, string? Value)> fields,
        CancellationToken ct,
        (string Name, byte[] Content)? file = null)
    {
        var date = RequestDate();
        List<(string Name, string? Value)> all = [.. fields.Where(f => f.Value is not null), ("token", O.Token),
            ("date", date)];
        using var request = new HttpRequestMessage(method, method == HttpMethod.Get ? path + "?" + Query(all) : path);
        request.Headers.Add("signature", Ar24Crypto.Sign(date, O.PrivateKey));
        if (method != HttpMethod.Get)
        {
            if (file is { } f)
            {
                var form = new MultipartFormDataContent();
                foreach (var (name, value) in all) form.Add(new StringContent(value!), name);
                form.Add(new ByteArrayContent(f.Content), "file", f.Name);
                request.Content = form;
            }
            else request.Content = new FormUrlEncodedContent(
                all.Select(x => new KeyValuePair<string, string>(x.Name, x.Value!)));
        }

        using var response = await http.SendAsync(request, ct);
        var body = await response.Content.ReadAsStringAsync(ct);
        var envelope = TryEnvelope(body) ?? TryEnvelope(Decrypt(body, date))
            ?? throw new Ar24Exception(new Ar24Error("reponse_illisible",
                "La réponse d'AR24 est illisible (ni JSON, ni chiffrée avec notre clé).", true));
        var status = Text(envelope, "status");
        if (status == "SUCCESS")
            return envelope.TryGetProperty("result", out var result) ? Read<T>(result)
                : throw Unreadable("AR24 a répondu sans résultat");
        if (status is not ("ERROR" or "maintenance"))
            // Not AR24's envelope (a proxy's error page, a gateway time-out): the outcome is unknown.
            throw new Ar24Exception(new Ar24Error("reponse_illisible",
                $"Réponse inattendue entre le serveur et AR24 (HTTP {(int)response.StatusCode}) : l'envoi sera " +
                $"vérifié.", true));
        throw new Ar24Exception(Ar24Errors.For(status == "maintenance" ? "maintenance" : Text(envelope, "slug"),
            Text(envelope, "message")));
    }

    /// <summary>A result whose shape we cannot read is an uncertain outcome (retryable), never a crash of the
    /// worker.</summary>
    private static T Read<T>(JsonElement result)
    {
        try { return result.Deserialize<T>(Json) ?? throw Unreadable("AR24 a répondu par un résultat vide"); }
        catch (Exception e) when (e is JsonException or NotSupportedException or InvalidOperationException
            or FormatException)
        {
            throw Unreadable("La réponse d'AR24 n'a pas la forme attendue");
        }
    }

    private static Ar24Exception Unreadable(string what) =>
        new(new Ar24Error("reponse_illisible", what + " : l'opération sera vérifiée puis reprise.", true));

    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);

    private string? Decrypt(string body, string date)
    {
        try { return Ar24Crypto.DecryptResponse(body, date, O.PrivateKey); }
        catch (Exception e) when (e is FormatException
            or System.Security.Cryptography.CryptographicException) { return null; }
    }

    private static JsonElement? TryEnvelope(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || text.TrimStart()[0] != '{') return null;
        try { return JsonDocument.Parse(text).RootElement; }
        catch (JsonException) { return null; }
    }

    private static string? Text(JsonElement e, string name) => e.TryGetProperty(name, out var v) && v.ValueKind
        == JsonValueKind.String ? v.GetString() : null;

    private static string Query(IEnumerable<(string Name, string? Value)> fields) =>
        string.Join("&", fields.Select(f => $"{Uri.EscapeDataString(f.Name)}={Uri.EscapeDataString(f.Value!)}"));
}
