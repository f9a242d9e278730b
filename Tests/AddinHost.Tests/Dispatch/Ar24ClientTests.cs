using AddinHost.Dispatch.Ar24;
using AddinHost.Tests.Fixtures;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace AddinHost.Tests.Dispatch;

public sealed class Ar24CryptoTests
{
    // Computed independently with the openssl command line:
    //   key = first 32 chars of hex(sha256(private key)), iv = first 16 chars of hex(sha256(that hex)), as bytes;
    //   printf '%s' "2025-09-30 10:00:00" | openssl enc -aes-256-cbc -K <hex(key)> -iv <hex(iv)> -base64
    private const string PrivateKey = "cle-privee-de-test";
    private const string Date = "2025-09-30 10:00:00";

    [Fact]
    public void The_signature_matches_an_openssl_vector_and_reads_back()
    {
        var signature = Ar24Crypto.Sign(Date, PrivateKey);
        Assert.Equal("QBIRWNCn8OnpJyM5n8CHHtDLUGw7Uewx7FMv5dZYqB0=", signature);
        Assert.Equal(Date, Ar24Crypto.ReadSignature(signature, PrivateKey));
        Assert.NotEqual(signature, Ar24Crypto.Sign(Date, PrivateKey + "x"));
    }

    [Fact]
    public void A_response_encrypted_with_the_date_matches_an_openssl_vector_and_decrypts()
    {
        const string json = """{"status":"SUCCESS","result":{"id":42}}""";
        // printf '%s' "$json" | openssl enc -aes-256-cbc -K <hex(first 32 of hex(sha256(date+key)))> -iv <as above> -base64 -A
        const string openssl = "snjthqKcZzXf7O1sfYrqiZ1JGarw0Dd+PCsE5GzUJZ2u6CrUqAqky7PSaZ7SPAAv";
        Assert.Equal(openssl, Ar24Crypto.EncryptResponse(json, Date, PrivateKey));
        Assert.Equal(json, Ar24Crypto.DecryptResponse(openssl, Date, PrivateKey));
        Assert.ThrowsAny<System.Security.Cryptography.CryptographicException>(() => Ar24Crypto.DecryptResponse(openssl, "2025-09-30 10:00:01", PrivateKey));
    }

    [Theory]
    [InlineData("true", true)]
    [InlineData("1", true)]
    [InlineData("\"1\"", true)]
    [InlineData("0", false)]
    [InlineData("false", false)]
    [InlineData("null", null)]
    [InlineData("\"oui\"", null)]
    public void The_eidas_flag_reads_as_a_boolean_or_as_zero_and_one(string json, bool? expected)
    {
        // A flag we could not read used to make the whole mail unreadable, and a deposited letter was never followed.
        var mail = System.Text.Json.JsonSerializer.Deserialize<Ar24Mail>($$"""{"id": 7, "is_eidas": {{json}}}""")!;
        Assert.Equal(7, mail.Id);
        Assert.Equal(expected, mail.IsEidas);
    }

    [Fact]
    public void Every_documented_slug_has_a_french_message_and_a_retry_decision()
    {
        string[] documented = ["missing_email", "invalid_email", "user_not_exist", "user_no_payment", "attachment_too_big", "content_exceeds_limit",
            "authentication_otp_invalid", "token_invalid", "token_missing", "empty_date", "invalid_date", "expired_date", "date_in_future"];
        Assert.Superset(documented.ToHashSet(), Ar24Errors.Slugs.ToHashSet());
        foreach (var slug in documented)
        {
            var error = Ar24Errors.For(slug, "english text");
            Assert.DoesNotContain("english", error.Message);
            Assert.Matches("[éèàçù]|AR24|OTP", error.Message);
        }
        Assert.True(Ar24Errors.For("expired_date", null).Retryable);
        Assert.True(Ar24Errors.For("maintenance", null).Retryable);
        Assert.False(Ar24Errors.For("user_no_payment", null).Retryable);
        var unknown = Ar24Errors.For("quota_exceeded", "Quota exceeded");
        Assert.Contains("quota_exceeded", unknown.Message);
        Assert.False(unknown.Retryable);
    }
}

/// <summary>The real client against the built-in simulator of AR24's API, over HTTP.</summary>
public sealed class Ar24ClientTests : IAsyncLifetime
{
    private DunningApp _app = null!;

    public async Task InitializeAsync() => _app = await DunningApp.StartAsync(DbKind.Sqlite);
    public async Task DisposeAsync() => await _app.DisposeAsync();

    private Ar24Client Client(string token = "jeton-du-bac-a-sable", string key = "cle-du-bac-a-sable", TimeSpan? skew = null)
    {
        var http = _app.CreateClient();
        http.BaseAddress = new Uri(http.BaseAddress!, "/sandbox/ar24/api/");
        var clock = new FakeTimeProvider(_app.Clock.GetUtcNow() + (skew ?? TimeSpan.Zero));
        return new Ar24Client(http, Options.Create(new Ar24Options { BaseUrl = http.BaseAddress.ToString(), Token = token, PrivateKey = key }), clock);
    }

    private static NewAr24User Sender => new("Claire", "Delaunay", "c.delaunay@delaunay-avocats.example", "Cabinet Delaunay", "12 rue de la République", "69002", "Lyon");

    [Fact]
    public async Task A_sender_an_attachment_and_a_mail_go_through_signed_and_come_back_decrypted()
    {
        var client = Client();
        var sender = await client.CreateUserAsync(Sender, default);
        Assert.Equal(sender.Id, (await client.GetUserAsync(Sender.Email, default)).Id);
        var file = await client.UploadAttachmentAsync(sender.Id, "mise-en-demeure.pdf", "%PDF-1.4 test"u8.ToArray(), default);

        var mail = await client.SendMailAsync(new NewAr24Mail(sender.Id, "Jean", "Fontaine", "Garage Fontaine SARL", "compta@garage-fontaine.example", true,
            "Mise en demeure", "dispatch-123", "DR-2025-00001", [file], null), default);
        Assert.Equal(("dispatch-123", Ar24Outcome.Deposited), (mail.RefClient, mail.Outcome));
        Assert.Equal(mail.Id, (await client.GetMailAsync(mail.Id, default)).Id);
        Assert.Equal([mail.Id], (await client.ListMailsAsync(sender.Id, default)).Select(m => m.Id));
        Assert.Contains("dispatch-123", await (await _app.CreateClient().GetAsync("/sandbox/ar24/_state")).Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("wrong-token", null, 0, "token_invalid")]
    [InlineData("", null, 0, "token_missing")]
    [InlineData(null, null, 30, "date_in_future")]
    [InlineData(null, null, -30, "expired_date")]
    [InlineData(null, "wrong-key", 0, "invalid_signature")]
    public async Task Bad_authentication_is_refused_with_the_documented_slug(string? token, string? key, int skewMinutes, string slug)
    {
        var client = Client(token ?? "jeton-du-bac-a-sable", key ?? "cle-du-bac-a-sable", TimeSpan.FromMinutes(skewMinutes));
        var e = await Assert.ThrowsAsync<Ar24Exception>(() => client.GetUserAsync("x@example.com", default));
        Assert.Equal(slug, e.Error.Slug);
    }

    [Fact]
    public async Task Business_errors_come_back_as_french_messages()
    {
        var client = Client();
        Assert.Equal("user_not_exist", (await Assert.ThrowsAsync<Ar24Exception>(() => client.GetUserAsync("personne@example.com", default))).Error.Slug);
        var sender = await client.CreateUserAsync(Sender, default);
        var missing = await Assert.ThrowsAsync<Ar24Exception>(() => client.SendMailAsync(
            new NewAr24Mail(sender.Id, "Jean", "Fontaine", null, "", true, "x", "d1", "DR-1", [], null), default));
        Assert.Equal("missing_email", missing.Error.Slug);
        Assert.Contains("adresse électronique", missing.Message);
        var tooLong = await Assert.ThrowsAsync<Ar24Exception>(() => client.SendMailAsync(
            new NewAr24Mail(sender.Id, "Jean", "Fontaine", null, "a@b.fr", true, new string('x', 10_001), "d2", "DR-1", [], null), default));
        Assert.Equal("content_exceeds_limit", tooLong.Error.Slug);
        Assert.DoesNotContain("\"d1\"", await (await _app.CreateClient().GetAsync("/sandbox/ar24/_state")).Content.ReadAsStringAsync());
    }
}
