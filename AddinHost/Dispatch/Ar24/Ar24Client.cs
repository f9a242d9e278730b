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
    private static readonly JsonSerializerOptions Json = new() { NumberHandling = JsonNumberHandling.AllowReadingFromString };
    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");
    private Ar24Options O => options.Value;

    public Task<Ar24User> GetUserAsync(string email, CancellationToken ct) =>
        SendAsync<Ar24User>(HttpMethod.Get, "user", [("email", email)], ct);

    public Task<Ar24User> CreateUserAsync(NewAr24User user, CancellationToken ct) =>
        SendAsync<Ar24User>(HttpMethod.Post, "user",
        [
            ("firstname", user.Firstname), ("lastname", user.Lastname), ("email", user.Email), ("company", user.Company),
            ("address1", user.Address1), ("zipcode", user.Zipcode), ("city", user.City), ("country", user.Country),
            ("gender", user.Gender), ("statut", user.Statut), ("company_siret", user.CompanySiret),
        ], ct);

    public async Task<long> UploadAttachmentAsync(long senderId, string fileName, byte[] content, CancellationToken ct)
    {
        var result = await SendAsync<JsonElement>(HttpMethod.Post, "attachment", [("id_user", senderId.ToString(CultureInfo.InvariantCulture)), ("file_name", fileName)], ct,
            file: (fileName, content));
        return result.GetProperty("file_id") is { ValueKind: JsonValueKind.String } s ? long.Parse(s.GetString()!, CultureInfo.InvariantCulture) : result.GetProperty("file_id").GetInt64();
    }

    /// <summary>Sends a registered mail. Never retried automatically: a time-out may hide a mail that was sent.</summary>
    public Task<Ar24Mail> SendMailAsync(NewAr24Mail mail, CancellationToken ct) =>
        SendAsync<Ar24Mail>(HttpMethod.Post, "mail",
        [
            ("id_user", mail.SenderId.ToString(CultureInfo.InvariantCulture)), ("to_firstname", mail.ToFirstname), ("to_lastname", mail.ToLastname),
            ("to_company", mail.ToCompany), ("to_email", mail.ToEmail), ("dest_statut", mail.ToProfessional ? "professionnel" : "particulier"),
            ("content", mail.Content), ("ref_client", mail.RefClient), ("ref_dossier", mail.RefDossier), ("webhook", mail.Webhook),
            ("eidas", mail.Eidas ? "1" : null), ("otp", mail.Otp),
            .. mail.AttachmentIds.Select(id => ("attachment[]", (string?)id.ToString(CultureInfo.InvariantCulture))),
        ], ct);

    public Task<Ar24Mail> GetMailAsync(long id, CancellationToken ct) =>
        SendAsync<Ar24Mail>(HttpMethod.Get, "mail", [("id", id.ToString(CultureInfo.InvariantCulture))], ct);

    public async Task<IReadOnlyList<Ar24Mail>> ListMailsAsync(long senderId, CancellationToken ct)
    {
        var result = await SendAsync<JsonElement>(HttpMethod.Get, "user/mail", [("id_user", senderId.ToString(CultureInfo.InvariantCulture))], ct);
        var list = result.ValueKind == JsonValueKind.Array ? result
            : result.ValueKind == JsonValueKind.Object && result.TryGetProperty("mails", out var mails) ? mails : default;
        // An answer we cannot read is not "no such mail": the caller would send the letter a second time.
        return list.ValueKind == JsonValueKind.Array ? list.Deserialize<List<Ar24Mail>>(Json)!
            : throw new Ar24Exception(new Ar24Error("unreadable_list", "AR24 a répondu par une liste illisible : l'envoi sera vérifié plus tard.", true));
    }

    /// <summary>Downloads a proof from the link AR24 gave in the mail object.</summary>
    public async Task<byte[]> DownloadProofAsync(string url, CancellationToken ct)
    {
        var bytes = await http.GetByteArrayAsync(new Uri(url, UriKind.Absolute), ct);
        return PdfFile.LooksLikePdf(bytes)
            ? bytes
            : throw new Ar24Exception(new Ar24Error("preuve_illisible", "AR24 a renvoyé une preuve qui n'est pas un PDF : elle sera redemandée.", true));
    }

    /// <summary>The date AR24 expects: Paris wall-clock time.</summary>
    public string RequestDate() =>
        TimeZoneInfo.ConvertTime(clock.GetUtcNow(), Paris).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    private async Task<T> SendAsync<T>(HttpMethod method, string path, IEnumerable<(string Name, string? Value)> fields, CancellationToken ct,
        (string Name, byte[] Content)? file = null)
    {
        var date = RequestDate();
        List<(string Name, string? Value)> all = [.. fields.Where(f => f.Value is not null), ("token", O.Token), ("date", date)];
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
            else request.Content = new FormUrlEncodedContent(all.Select(x => new KeyValuePair<string, string>(x.Name, x.Value!)));
        }

        using var response = await http.SendAsync(request, ct);
        var body = await response.Content.ReadAsStringAsync(ct);
        var envelope = TryEnvelope(body) ?? TryEnvelope(Decrypt(body, date))
            ?? throw new Ar24Exception(new Ar24Error("reponse_illisible", "La réponse d'AR24 est illisible (ni JSON, ni chiffrée avec notre clé).", true));
        var status = Text(envelope, "status");
        if (status == "SUCCESS")
            return envelope.GetProperty("result").Deserialize<T>(Json)!;
        if (status is not ("ERROR" or "maintenance"))
            // Not AR24's envelope (a proxy's error page, a gateway time-out): the outcome is unknown.
            throw new Ar24Exception(new Ar24Error("reponse_illisible", $"Réponse inattendue entre le serveur et AR24 (HTTP {(int)response.StatusCode}) : l'envoi sera vérifié.", true));
        throw new Ar24Exception(Ar24Errors.For(status == "maintenance" ? "maintenance" : Text(envelope, "slug"), Text(envelope, "message")));
    }

    private string? Decrypt(string body, string date)
    {
        try { return Ar24Crypto.DecryptResponse(body, date, O.PrivateKey); }
        catch (Exception e) when (e is FormatException or System.Security.Cryptography.CryptographicException) { return null; }
    }

    private static JsonElement? TryEnvelope(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || text.TrimStart()[0] != '{') return null;
        try { return JsonDocument.Parse(text).RootElement; }
        catch (JsonException) { return null; }
    }

    private static string? Text(JsonElement e, string name) => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static string Query(IEnumerable<(string Name, string? Value)> fields) =>
        string.Join("&", fields.Select(f => $"{Uri.EscapeDataString(f.Name)}={Uri.EscapeDataString(f.Value!)}"));
}
