using System.Text.Json;
using System.Text.Json.Serialization;

namespace AddinHost.Dispatch.Ar24;

/// <summary>
/// A sender account at AR24. <c>confirmed</c> (address confirmed) and <c>cgu</c> (terms accepted) are the flags the
/// public clients written from the API documentation read on <c>GET user</c> (fxmauricard/php-symfony-ar24-test-case,
/// User model). Any other field AR24 adds is kept in <see cref="Extra"/> and never fails the reading.
/// </summary>
public sealed record Ar24User
{
    [JsonPropertyName("id")] public long Id { get; init; }
    [JsonPropertyName("email"), JsonConverter(typeof(BlankAsNullConverter))] public string? Email { get; init; }
    [JsonPropertyName("firstname"), JsonConverter(typeof(BlankAsNullConverter))] public string? Firstname { get; init; }
    [JsonPropertyName("lastname"), JsonConverter(typeof(BlankAsNullConverter))] public string? Lastname { get; init; }
    [JsonPropertyName("company"), JsonConverter(typeof(BlankAsNullConverter))] public string? Company { get; init; }
    [JsonPropertyName("confirmed"), JsonConverter(typeof(LenientBoolConverter))] public bool? Confirmed { get; init; }
    [JsonPropertyName("cgu"), JsonConverter(typeof(LenientBoolConverter))] public bool? TermsAccepted { get; init; }
    [JsonExtensionData] public Dictionary<string, JsonElement>? Extra { get; init; }
}

/// <summary>
/// The fields of AR24's <c>POST user</c> (knowledge base « Créer un compte expéditeur via l'API »): all required but
/// <c>company</c>; <c>company_siret</c> for a French professional, <c>company_tva</c> for one elsewhere in the EU.
/// </summary>
public sealed record NewAr24User(string Firstname, string Lastname, string Email, string Gender, string Statut,
    string Address1, string Zipcode, string City, string Country, string? Company, string? CompanySiret,
        string? CompanyTva);

/// <summary>
/// A registered mail as AR24 returns it; its outcome is read from which proofs exist. A blank field is an absent
/// one, and fields this product does not know are kept in <see cref="Extra"/> (AR24: « new fields may appear »).
/// Field names: AR24's API reference for <c>GET mail</c>, and the public PHP clients (connected-company/php-ar24-client
/// reads <c>proof_dp_url</c> as the deposit proof, <c>proof_ev_url</c> as the sending proof, and <c>send_fail</c>).
/// </summary>
public sealed record Ar24Mail
{
    [JsonPropertyName("id")] public long Id { get; init; }
    [JsonPropertyName("status"), JsonConverter(typeof(BlankAsNullConverter))] public string? Status { get; init; }
    [JsonPropertyName("date"), JsonConverter(typeof(BlankAsNullConverter))] public string? Date { get; init; }
    [JsonPropertyName("ref_client"),
        JsonConverter(typeof(BlankAsNullConverter))] public string? RefClient { get; init; }
    [JsonPropertyName("ref_dossier"),
        JsonConverter(typeof(BlankAsNullConverter))] public string? RefDossier { get; init; }
    [JsonPropertyName("full_hash_sha256"),
        JsonConverter(typeof(BlankAsNullConverter))] public string? FullHashSha256 { get; init; }
    [JsonPropertyName("is_eidas"), JsonConverter(typeof(LenientBoolConverter))] public bool? IsEidas { get; init; }
    [JsonPropertyName("send_fail"), JsonConverter(typeof(LenientBoolConverter))] public bool? SendFail { get; init; }
    [JsonPropertyName("price_ht"), JsonConverter(typeof(
        LenientDecimalConverter))] public decimal? PriceHt { get; init; }
    [JsonPropertyName("proof_dp_url"),
        JsonConverter(typeof(BlankAsNullConverter))] public string? DepositProofUrl { get; init; }
    [JsonPropertyName("proof_ev_url"),
        JsonConverter(typeof(BlankAsNullConverter))] public string? SendingProofUrl { get; init; }
    [JsonPropertyName("proof_ar_url"),
        JsonConverter(typeof(BlankAsNullConverter))] public string? ReceiptProofUrl { get; init; }
    [JsonPropertyName("view_date"), JsonConverter(typeof(BlankAsNullConverter))] public string? ViewDate { get; init; }
    [JsonPropertyName("proof_rf_url"),
        JsonConverter(typeof(BlankAsNullConverter))] public string? RefusalProofUrl { get; init; }
    [JsonPropertyName("refused_date"),
        JsonConverter(typeof(BlankAsNullConverter))] public string? RefusedDate { get; init; }
    [JsonPropertyName("proof_ng_url"),
        JsonConverter(typeof(BlankAsNullConverter))] public string? NegligenceProofUrl { get; init; }
    [JsonPropertyName("negligence_date"),
        JsonConverter(typeof(BlankAsNullConverter))] public string? NegligenceDate { get; init; }
    [JsonPropertyName("proof_bc_url"),
        JsonConverter(typeof(BlankAsNullConverter))] public string? BounceProofUrl { get; init; }
    [JsonPropertyName("bounced_date"),
        JsonConverter(typeof(BlankAsNullConverter))] public string? BouncedDate { get; init; }
    [JsonPropertyName("zip"), JsonConverter(typeof(BlankAsNullConverter))] public string? Zip { get; init; }
    [JsonExtensionData] public Dictionary<string, JsonElement>? Extra { get; init; }

    /// <summary>
    /// What happened to the mail, from the proofs AR24 has issued (its status strings are not all documented). The
    /// recipient's outcome wins; then a failed send (<c>send_fail</c>, or a status naming a failure: a GUESS, as AR24
    /// lists no failure statuses); then the deposit.
    /// </summary>
    [JsonIgnore]
    public Ar24Outcome Outcome =>
        BounceProofUrl is not null ? Ar24Outcome.Bounced
        : RefusalProofUrl is not null ? Ar24Outcome.Refused
        : NegligenceProofUrl is not null ? Ar24Outcome.Negligence
        : ReceiptProofUrl is not null ? Ar24Outcome.Accepted
        : SendFail == true || Status is { } s && (s.Contains("fail", StringComparison.OrdinalIgnoreCase)
                                                  || s.Contains("error", StringComparison.OrdinalIgnoreCase))
                                                      ? Ar24Outcome.Failed
        : DepositProofUrl is not null || SendingProofUrl is not null ? Ar24Outcome.Deposited
        : Ar24Outcome.Pending;

    /// <summary>
    /// AR24's words on a failed send, if the mail carries any. GUESS: no reason field is documented; these are the
    /// names a reason would likely take, and the status is the fallback.
    /// </summary>
    [JsonIgnore]
    public string FailureDetail =>
        new[] { "send_fail_reason", "fail_reason", "error_message", "reason", "message" }
            .Select(name => Extra is not null && Extra.TryGetValue(name, out var v)
                && v.ValueKind == JsonValueKind.String ? v.GetString()?.Trim() : null)
            .FirstOrDefault(text => !string.IsNullOrEmpty(text))
        ?? (Status is { } status ? $"statut « {status} »" : "sans motif communiqué");

    /// <summary>Every proof this mail carries, by the kind it is filed under.</summary>
    [JsonIgnore]
    public IEnumerable<(string Kind, string Url)> Proofs =>
        new[]
        {
            ("depot", DepositProofUrl), ("envoi", SendingProofUrl), ("reception", ReceiptProofUrl),
                ("refus", RefusalProofUrl),
            ("negligence", NegligenceProofUrl), ("non-distribution", BounceProofUrl),
        }.Where(p => p.Item2 is not null).Select(p => (p.Item1, p.Item2!));
}

public enum Ar24Outcome { Pending, Deposited, Accepted, Refused, Negligence, Bounced, Failed }

/// <summary>The recipient as AR24's <c>POST mail</c> names them (see <see cref="Ar24Recipients"/>).</summary>
public sealed record Ar24RecipientFields(string ToFirstname, string ToLastname, string? ToCompany,
    string ToEmail, string DestStatut);

public sealed record NewAr24Mail(long SenderId, Ar24RecipientFields Recipient, string Content,
    string RefClient, string RefDossier,
    IReadOnlyList<long> AttachmentIds, string? Webhook, bool Eidas = false, string? Otp = null);
