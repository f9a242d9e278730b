using System.Text.Json;
using System.Text.Json.Serialization;

namespace AddinHost.Dispatch.Ar24;

/// <summary>A sender account at AR24.</summary>
public sealed record Ar24User(
    [property: JsonPropertyName("id")] long Id,
    [property: JsonPropertyName("email")] string? Email,
    [property: JsonPropertyName("firstname")] string? Firstname,
    [property: JsonPropertyName("lastname")] string? Lastname,
    [property: JsonPropertyName("company")] string? Company);

public sealed record NewAr24User(string Firstname, string Lastname, string Email, string Company, string Address1, string Zipcode, string City,
    string Country = "FR", string Gender = "M", string Statut = "professionnel", string? CompanySiret = null);

/// <summary>A registered mail as AR24 returns it; its outcome is read from which proofs exist.</summary>
public sealed record Ar24Mail(
    [property: JsonPropertyName("id")] long Id,
    [property: JsonPropertyName("status")] string? Status,
    [property: JsonPropertyName("date")] string? Date,
    [property: JsonPropertyName("ref_client")] string? RefClient,
    [property: JsonPropertyName("ref_dossier")] string? RefDossier,
    [property: JsonPropertyName("full_hash_sha256")] string? FullHashSha256,
    [property: JsonPropertyName("is_eidas"), JsonConverter(typeof(LenientBoolConverter))] bool? IsEidas,
    [property: JsonPropertyName("price_ht")] decimal? PriceHt,
    [property: JsonPropertyName("proof_ev_url")] string? DepositProofUrl,
    [property: JsonPropertyName("proof_ar_url")] string? ReceiptProofUrl,
    [property: JsonPropertyName("view_date")] string? ViewDate,
    [property: JsonPropertyName("proof_rf_url")] string? RefusalProofUrl,
    [property: JsonPropertyName("refused_date")] string? RefusedDate,
    [property: JsonPropertyName("proof_ng_url")] string? NegligenceProofUrl,
    [property: JsonPropertyName("negligence_date")] string? NegligenceDate,
    [property: JsonPropertyName("proof_bc_url")] string? BounceProofUrl,
    [property: JsonPropertyName("bounced_date")] string? BouncedDate,
    [property: JsonPropertyName("zip")] string? Zip)
{
    /// <summary>What happened to the mail, from the proofs AR24 has issued (its status strings are not all documented).</summary>
    [JsonIgnore]
    public Ar24Outcome Outcome =>
        BounceProofUrl is not null ? Ar24Outcome.Bounced
        : RefusalProofUrl is not null ? Ar24Outcome.Refused
        : NegligenceProofUrl is not null ? Ar24Outcome.Negligence
        : ReceiptProofUrl is not null ? Ar24Outcome.Accepted
        : DepositProofUrl is not null ? Ar24Outcome.Deposited
        : Ar24Outcome.Pending;
}

public enum Ar24Outcome { Pending, Deposited, Accepted, Refused, Negligence, Bounced }

public sealed record NewAr24Mail(long SenderId, string ToFirstname, string ToLastname, string? ToCompany, string ToEmail, bool ToProfessional,
    string Content, string RefClient, string RefDossier, IReadOnlyList<long> AttachmentIds, string? Webhook, bool Eidas = false, string? Otp = null);

/// <summary>
/// AR24's flags are not documented as JSON booleans: other clients read them as 0/1. A flag we cannot read must not
/// make the mail unreadable, or a deposited letter would never be followed.
/// </summary>
public sealed class LenientBoolConverter : JsonConverter<bool?>
{
    public override bool? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
    {
        JsonTokenType.True => true,
        JsonTokenType.False => false,
        JsonTokenType.Number => reader.TryGetInt64(out var n) ? n != 0 : null,
        JsonTokenType.String => reader.GetString() switch { "1" or "true" => true, "0" or "false" or "" => false, _ => null },
        _ => null,
    };

    public override void Write(Utf8JsonWriter writer, bool? value, JsonSerializerOptions options)
    {
        if (value is { } v) writer.WriteBooleanValue(v);
        else writer.WriteNullValue();
    }
}
