using System.Text.Json;
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
        // printf '%s' "$json" | openssl enc -aes-256-cbc -K <hex(first 32 of hex(sha256(date+key)))> -iv <as above>
        // -base64 -A
        const string openssl = "snjthqKcZzXf7O1sfYrqiZ1JGarw0Dd+PCsE5GzUJZ2u6CrUqAqky7PSaZ7SPAAv";
        Assert.Equal(openssl, Ar24Crypto.EncryptResponse(json, Date, PrivateKey));
        Assert.Equal(json, Ar24Crypto.DecryptResponse(openssl, Date, PrivateKey));
        Assert.ThrowsAny<System.Security.Cryptography.CryptographicException>(
            () => Ar24Crypto.DecryptResponse(openssl, "2025-09-30 10:00:01", PrivateKey));
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
        // The slugs AR24 documents route by route (API reference, as the public clients copied them) and in its
        // knowledge base.
        string[] documented = ["missing_email", "invalid_email", "user_not_exist", "user_no_payment",
                "attachment_too_big", "content_exceeds_limit",
            "authentication_otp_invalid", "token_invalid", "token_missing", "empty_date", "invalid_date",
                "expired_date", "date_in_future",
            "user_unavailable", "user_already_exist", "missing_company_siret", "missing_company_tva",
                "error_company_siret",
            "user_account_not_confirmed", "user_eula_not_accepted", "user_name_empty", "authentication_missing",
                "authentication_otp_hash_invalid",
            "invalid_recipient", "same_sender_recipients_emails", "attachment_not_exists",
                "attachment_unavailable", "forbidden_html",
            "error_no_content_no_attachment", "missing_firstname", "missing_lastname", "email_wrong_format",
                "missing_address", "missing_city",
            "missing_zipcode", "missing_country", "error_country", "error_gender", "user_not_created",
                "attachment_empty_name",
            "attachment_missing_file", "missing_user_id", "missing_erm_id", "empty_signature",
                "group_not_exist", "unknown_error"];
        Assert.Superset(documented.ToHashSet(), Ar24Errors.Slugs.ToHashSet());
        foreach (var slug in documented)
        {
            var error = Ar24Errors.For(slug, "english text");
            Assert.DoesNotContain("english", error.Message);
            Assert.Matches("[éèàçùê]|AR24|OTP", error.Message);
        }
        Assert.True(Ar24Errors.For("expired_date", null).Retryable);
        Assert.True(Ar24Errors.For("maintenance", null).Retryable);
        Assert.True(Ar24Errors.For("attachment_not_exists",
            null).Retryable); // AR24 made no mail: verified, then planned again
        Assert.False(Ar24Errors.For("user_no_payment", null).Retryable);
        Assert.False(Ar24Errors.For("user_eula_not_accepted", null).Retryable);
        Assert.Equal(Ar24SenderState.TermsToAccept, Ar24Errors.SenderStateAfter("user_account_not_confirmed"));
        Assert.Equal(Ar24SenderState.AccessRequested, Ar24Errors.SenderStateAfter("user_unavailable"));
        var unknown = Ar24Errors.For("quota_exceeded", "Quota exceeded");
        Assert.Contains("quota_exceeded", unknown.Message);
        Assert.False(unknown.Retryable);
    }

    [Fact]
    public void A_mail_with_blank_proofs_unknown_fields_and_unusual_types_reads_without_failing()
    {
        // AR24 may send "" for an absent proof: it must not read as a bounce, nor as a link to download.
        const string json = """
            {"id": "42", "status": "waiting", "date": "2025-09-30 12:00:00", "ref_client": "abc",
                "price_ht": "3,49", "is_eidas": "0",
             "send_fail": 0, "proof_dp_url": "https://ar24.example/dp.pdf", "proof_ev_url": "",
                 "proof_ar_url": "", "view_date": "",
             "proof_rf_url": "", "proof_ng_url": null, "proof_bc_url": "   ", "bounced_date": "", "zip": 0,
             "attachments_details": [{"id": 1}], "update": [], "nouveau_champ": {"x": [1, 2]}}
            """;
        var mail = System.Text.Json.JsonSerializer.Deserialize<Ar24Mail>(json,
            new System.Text.Json.JsonSerializerOptions
            { NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowReadingFromString })!;
        Assert.Equal((42L, Ar24Outcome.Deposited, 3.49m, false),
            (mail.Id, mail.Outcome, mail.PriceHt!.Value, mail.IsEidas!.Value));
        Assert.Null(mail.BounceProofUrl);
        Assert.Equal(new[] { ("depot", "https://ar24.example/dp.pdf") }, mail.Proofs);
        Assert.Contains("nouveau_champ", mail.Extra!.Keys);

        var failed = System.Text.Json.JsonSerializer.Deserialize<Ar24Mail>(
            """
            {"id": 7, "send_fail": "1", "proof_dp_url": "https://x/dp.pdf", "send_fail_reason": "Adresse refusée"}
            """)!;
        Assert.Equal(Ar24Outcome.Failed, failed.Outcome);
        Assert.Equal("Adresse refusée", failed.FailureDetail);
        var accepted = System.Text.Json.JsonSerializer.Deserialize<Ar24Mail>(
            """{"id": 8, "send_fail": 0, "status": "AR", "proof_ar_url": "https://x/ar.pdf"}""")!;
        Assert.Equal(Ar24Outcome.Accepted, accepted.Outcome);
    }
}

/// <summary>The recipient's fields for AR24: a pure function of the recipient's description.</summary>
public sealed class Ar24RecipientsTests
{
    [Theory]
    [InlineData("Mme Claire Dubois", "Claire", "Dubois")]
    [InlineData("M. Jean-Pierre DUPONT", "Jean-Pierre", "DUPONT")]
    [InlineData("DUPONT Jean", "Jean", "DUPONT")]
    [InlineData("Jean de La Fontaine", "Jean", "de La Fontaine")]
    [InlineData("Monsieur Roux", "", "Roux")]
    [InlineData("  Marie   Curie ", "Marie", "Curie")]
    public void A_natural_persons_name_is_split_into_first_and_last_names(string full, string first, string last) =>
        Assert.Equal((first, last), Ar24Recipients.SplitPersonName(full));

    [Fact]
    public void A_natural_person_is_particulier_without_company()
    {
        var r = Ar24Recipients.Map(new RecipientDescription(RecipientKind.NaturalPerson, " claire@exemple.fr ",
            "Mme Claire Dubois"), qualified: false);
        Assert.Equal(new Ar24RecipientFields("Claire", "Dubois", null, "claire@exemple.fr", "particulier"), r.Fields);
    }

    [Fact]
    public void A_company_is_professionnel_with_its_name_and_the_person_named_to_receive_it()
    {
        var unnamed = Ar24Recipients.Map(new RecipientDescription(RecipientKind.Company, "compta@garage.fr",
            CompanyName: "Garage Fontaine SARL"), false);
        Assert.Equal(new Ar24RecipientFields("", "Garage Fontaine SARL", "Garage Fontaine SARL", "compta@garage.fr",
            "professionnel"), unnamed.Fields);
        var named = Ar24Recipients.Map(new RecipientDescription(RecipientKind.Company, "compta@garage.fr", null,
            "Jean", "Fontaine", "Garage Fontaine SARL"), true);
        Assert.Equal(new Ar24RecipientFields("Jean", "Fontaine", "Garage Fontaine SARL", "compta@garage.fr",
            "professionnel"), named.Fields);
    }

    [Fact]
    public void A_qualified_LRE_needs_the_identity_AR24_checks_and_the_refusal_says_so_in_french()
    {
        var company = Ar24Recipients.Map(new RecipientDescription(RecipientKind.Company, "compta@garage.fr",
            CompanyName: "Garage Fontaine SARL"), true);
        Assert.Null(company.Fields);
        Assert.Contains("représentant", company.Problem);
        var single = Ar24Recipients.Map(new RecipientDescription(RecipientKind.NaturalPerson, "roux@exemple.fr",
            "Monsieur Roux"), true);
        Assert.Contains("prénom", single.Problem);
        Assert.NotNull(Ar24Recipients.Map(new RecipientDescription(RecipientKind.NaturalPerson, "roux@exemple.fr",
            "Monsieur Roux"), false).Fields);
        Assert.Contains("adresse électronique",
            Ar24Recipients.Map(new RecipientDescription(RecipientKind.NaturalPerson, " ", "Jean Roux"), false).Problem);
    }
}

/// <summary>The real client against the built-in simulator of AR24's API, over HTTP.</summary>
public sealed class Ar24ClientTests : IAsyncLifetime
{
    private DunningApp _app = null!;

    public async Task InitializeAsync() => _app = await DunningApp.StartAsync(DbKind.Sqlite);
    public async Task DisposeAsync() => await _app.DisposeAsync();

    private Ar24Client Client(
        string token = "jeton-du-bac-a-sable", string key = "cle-du-bac-a-sable", TimeSpan? skew = null)
    {
        var http = _app.CreateClient();
        http.BaseAddress = new Uri(http.BaseAddress!, "/sandbox/ar24/api/");
        var clock = new FakeTimeProvider(_app.Clock.GetUtcNow() + (skew ?? TimeSpan.Zero));
        return new Ar24Client(http,
            Options.Create(new Ar24Options { BaseUrl = http.BaseAddress.ToString(), Token = token, PrivateKey = key }),
            clock);
    }

    private static NewAr24User Sender => new("Claire", "Delaunay", "c.delaunay@delaunay-avocats.example",
        "F", "professionnel",
        "12 rue de la République", "69002", "Lyon", "FR", "Cabinet Delaunay", NoticeScenario.Siret, null);

    private static Ar24RecipientFields Recipient(string email = "compta@garage-fontaine.example") =>
        new("Jean", "Fontaine", "Garage Fontaine SARL", email, "professionnel");

    /// <summary>A new sender, confirmed and with AR24's terms accepted by its holder.</summary>
    private async Task<Ar24User> ActiveSenderAsync(Ar24Client client, NewAr24User? user = null)
    {
        var sender = await client.CreateUserAsync(user ?? Sender, default);
        await Ar24Onboarding.HolderAsync(_app.CreateClient(), sender.Email!, "confirm");
        await Ar24Onboarding.HolderAsync(_app.CreateClient(), sender.Email!, "accept-terms");
        return sender;
    }

    [Fact]
    public async Task A_sender_an_attachment_and_a_mail_go_through_signed_and_come_back_decrypted()
    {
        var client = Client();
        var sender = await ActiveSenderAsync(client);
        var read = await client.GetUserAsync(Sender.Email, default);
        Assert.Equal((sender.Id, true, true), (read.Id, read.Confirmed, read.TermsAccepted));
        Assert.Equal(sender.Id, (await client.GetUserAsync(sender.Id, default)).Id);
        var file = await client.UploadAttachmentAsync(
            sender.Id, "mise-en-demeure.pdf", "%PDF-1.4 test"u8.ToArray(), default);

        var mail = await client.SendMailAsync(new NewAr24Mail(sender.Id, Recipient(), "Mise en demeure",
            "dispatch-123", "DR-2025-00001", [file], null), default);
        Assert.Equal(("dispatch-123", Ar24Outcome.Deposited), (mail.RefClient, mail.Outcome));
        Assert.Null(mail.ReceiptProofUrl); // "" at the simulator, as AR24 may send it
        Assert.NotNull(mail.Extra); // fields the product does not know are kept, never a failure
        Assert.Equal(mail.Id, (await client.GetMailAsync(mail.Id, default)).Id);
        Assert.Equal([mail.Id], (await client.ListMailsAsync(sender.Id, 0, 10, default)).Select(m => m.Id));
        Assert.Contains("dispatch-123",
            await (await _app.CreateClient().GetAsync("/sandbox/ar24/_state")).Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("wrong-token", null, 0, "token_invalid")]
    [InlineData("", null, 0, "token_missing")]
    [InlineData(null, null, 30, "date_in_future")]
    [InlineData(null, null, -30, "expired_date")]
    [InlineData(null, "wrong-key", 0, "invalid_signature")]
    public async Task Bad_authentication_is_refused_with_the_documented_slug(
        string? token, string? key, int skewMinutes, string slug)
    {
        var client = Client(
            token ?? "jeton-du-bac-a-sable", key ?? "cle-du-bac-a-sable", TimeSpan.FromMinutes(skewMinutes));
        var e = await Assert.ThrowsAsync<Ar24Exception>(() => client.GetUserAsync("x@example.com", default));
        Assert.Equal(slug, e.Error.Slug);
    }

    [Fact]
    public async Task Business_errors_come_back_as_french_messages()
    {
        var client = Client();
        Assert.Equal("user_not_exist", (await Assert.ThrowsAsync<Ar24Exception>(
            () => client.GetUserAsync("personne@example.com", default))).Error.Slug);
        var sender = await ActiveSenderAsync(client);
        var missing = await Assert.ThrowsAsync<Ar24Exception>(() => client.SendMailAsync(
            new NewAr24Mail(sender.Id, Recipient(""), "x", "d1", "DR-1", [], null), default));
        Assert.Equal("missing_email", missing.Error.Slug);
        Assert.Contains("adresse électronique", missing.Message);
        var tooLong = await Assert.ThrowsAsync<Ar24Exception>(() => client.SendMailAsync(
            new NewAr24Mail(sender.Id, Recipient("a@b.fr"), new string('x', 10_001), "d2", "DR-1", [], null), default));
        Assert.Equal("content_exceeds_limit", tooLong.Error.Slug);
        var self = await Assert.ThrowsAsync<Ar24Exception>(() => client.SendMailAsync(
            new NewAr24Mail(sender.Id, Recipient(Sender.Email), "x", "d3", "DR-1", [], null), default));
        Assert.Equal("same_sender_recipients_emails", self.Error.Slug);
        var empty = await Assert.ThrowsAsync<Ar24Exception>(() => client.SendMailAsync(
            new NewAr24Mail(sender.Id, Recipient("a@b.fr"), " ", "d4", "DR-1", [], null), default));
        Assert.Equal("error_no_content_no_attachment", empty.Error.Slug);
        var html = await Assert.ThrowsAsync<Ar24Exception>(() => client.SendMailAsync(
            new NewAr24Mail(sender.Id, Recipient("a@b.fr"), "<script>x</script>", "d5", "DR-1", [], null), default));
        Assert.Equal("forbidden_html", html.Error.Slug);
        var noFile = await Assert.ThrowsAsync<Ar24Exception>(() => client.SendMailAsync(
            new NewAr24Mail(sender.Id, Recipient("a@b.fr"), "x", "d6", "DR-1", [999_999], null), default));
        Assert.Equal("attachment_not_exists", noFile.Error.Slug);
        var eidas = await Assert.ThrowsAsync<Ar24Exception>(() => client.SendMailAsync(
            new NewAr24Mail(sender.Id, Recipient("a@b.fr"), "x", "d7", "DR-1", [], null, Eidas: true), default));
        Assert.Equal("authentication_missing", eidas.Error.Slug);
        Assert.DoesNotContain("\"d1\"",
            await (await _app.CreateClient().GetAsync("/sandbox/ar24/_state")).Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_sender_needs_every_required_field_and_a_french_professional_its_SIRET()
    {
        var client = Client();
        foreach (var (user, slug) in new (NewAr24User, string)[]
                 {
                     (Sender with { CompanySiret = null }, "missing_company_siret"),
                     (Sender with { CompanySiret = "12345678901234" }, "error_company_siret"),
                     (Sender with { Gender = "" }, "error_gender"),
                     (Sender with { Statut = "avocat" }, "error_statut"),
                     (Sender with { Address1 = "" }, "missing_address"),
                     (Sender with { Zipcode = "" }, "missing_zipcode"),
                     (Sender with { Country = "" }, "missing_country"),
                     (Sender with { Country = "BE", CompanySiret = null }, "missing_company_tva"),
                     (Sender with { Firstname = "" }, "missing_firstname"),
                 })
            Assert.Equal(slug, (await Assert.ThrowsAsync<Ar24Exception>(() => client.CreateUserAsync(user,
                default))).Error.Slug);
        Assert.Empty(JsonDocument.Parse(await _app.CreateClient().GetStringAsync("/sandbox/ar24/_state"))
            .RootElement.GetProperty("users").EnumerateArray());

        // A particulier needs no SIRET; an address that has an account answers user_already_exist.
        await client.CreateUserAsync(Sender with { Statut = "particulier", CompanySiret = null }, default);
        Assert.Equal("user_already_exist",
            (await Assert.ThrowsAsync<Ar24Exception>(() => client.CreateUserAsync(Sender, default))).Error.Slug);
    }

    [Fact]
    public async Task A_new_sender_sends_once_confirmed_with_terms_accepted_an_existing_account_with_its_holders_grant()
    {
        var client = Client();
        var sender = await client.CreateUserAsync(Sender, default);
        Assert.Equal((false, false), (sender.Confirmed, sender.TermsAccepted));
        var mail = new NewAr24Mail(sender.Id, Recipient(), "Mise en demeure", "d1", "DR-1", [], null);
        Assert.Equal("user_account_not_confirmed",
            (await Assert.ThrowsAsync<Ar24Exception>(() => client.SendMailAsync(mail, default))).Error.Slug);
        await Ar24Onboarding.HolderAsync(_app.CreateClient(), Sender.Email, "confirm");
        Assert.Equal("user_eula_not_accepted",
            (await Assert.ThrowsAsync<Ar24Exception>(() => client.SendMailAsync(mail, default))).Error.Slug);
        await Ar24Onboarding.HolderAsync(_app.CreateClient(), Sender.Email, "accept-terms");
        Assert.Equal(Ar24Outcome.Deposited, (await client.SendMailAsync(mail, default)).Outcome);

        // An account opened on AR24's site: unavailable to this API until its holder grants the access request.
        (await _app.CreateClient().PostJsonAsync("/sandbox/ar24/_accounts",
            new { email = "maitre.roux@roux-avocats.example", firstname = "Paul", lastname = "Roux" }))
            .EnsureSuccessStatusCode();
        Assert.Equal("user_unavailable",
            (await Assert.ThrowsAsync<Ar24Exception>(() => client.GetUserAsync("maitre.roux@roux-avocats.example",
                default))).Error.Slug);
        Assert.Equal("user_already_exist", (await Assert.ThrowsAsync<Ar24Exception>(() =>
            client.CreateUserAsync(Sender with { Email = "maitre.roux@roux-avocats.example" }, default))).Error.Slug);
        await client.RequestAccessAsync("maitre.roux@roux-avocats.example", default);
        await Ar24Onboarding.HolderAsync(_app.CreateClient(), "maitre.roux@roux-avocats.example", "grant-access");
        Assert.True((await client.GetUserAsync("maitre.roux@roux-avocats.example", default)).TermsAccepted);
    }

    [Fact]
    public async Task A_senders_list_comes_in_pages_newest_first_and_a_page_is_never_longer_than_the_simulator_allows()
    {
        var client = Client();
        var sender = await ActiveSenderAsync(client);
        var sent = new List<long>();
        for (var i = 0; i < 60; i++)
            sent.Add((await client.SendMailAsync(new NewAr24Mail(sender.Id, Recipient(), "x", $"d{i}", "DR-1", [],
                null), default)).Id);
        var first = await client.ListMailsAsync(sender.Id, 0, 10, default);
        Assert.Equal(sent.AsEnumerable().Reverse().Take(10), first.Select(m => m.Id));
        var capped = await client.ListMailsAsync(sender.Id, 0, 100, default);
        Assert.Equal(50, capped.Count); // shorter than asked: not the end of the list
        Assert.Equal(10, (await client.ListMailsAsync(sender.Id, 50, 100, default)).Count);
        Assert.Empty(await client.ListMailsAsync(sender.Id, 60, 100, default));
    }

    [Fact]
    public async Task A_proof_link_that_is_no_web_address_is_an_AR24_error_never_a_crash()
    {
        var client = Client();
        foreach (var link in new[] { "", "pas une adresse", "file:///etc/passwd", "/relative/preuve.pdf" })
            Assert.Equal("reponse_illisible",
                (await Assert.ThrowsAsync<Ar24Exception>(() => client.DownloadProofAsync(link, default))).Error.Slug);
    }
}
