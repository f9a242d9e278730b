using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;

namespace AddinHost.Sandbox;

/// <summary>What the simulated AR24 has received, so that tests and the demo can count every mail.</summary>
public sealed class Ar24SandboxState
{
    private long _nextId = 1000;

    /// <summary>Every AR24 account, opened through the API or directly on AR24's site (not linked to the API
    /// then).</summary>
    public ConcurrentDictionary<long, SimulatedUser> Users { get; } = new();
    public ConcurrentDictionary<long, (string Name, int Size, string Owner)> Attachments { get; } = new();

    /// <summary>The names of the files each mail carries, in the order given.</summary>
    public ConcurrentDictionary<long, IReadOnlyList<string>> MailAttachments { get; } = new();

    /// <summary>Which sender account each mail went from: AR24 lists a sender's own mails only.</summary>
    public ConcurrentDictionary<long, string> MailSenders { get; } = new();
    public ConcurrentDictionary<long, SimulatedMail> Mails { get; } = new();

    public long NextId() => Interlocked.Increment(ref _nextId);

    private int _uploads;
    private int _listCalls;

    /// <summary>How many files were deposited, and how many pages of user/mail were read: tests count calls with
    /// them.</summary>
    public int Uploads => _uploads;
    public int ListCalls => _listCalls;
    public void Uploaded() => Interlocked.Increment(ref _uploads);
    public void Listed() => Interlocked.Increment(ref _listCalls);

    /// <summary>
    /// Faults to play on the next mail sends, in order: "maintenance", "lost" (recorded, then the reply is lost),
    /// "timeout" (recorded, then no reply in time), "bad-proof-link" (recorded; its sending proof's link is no
    /// address).
    /// </summary>
    public ConcurrentQueue<string> Faults { get; } = new();

    public static readonly string[] KnownFaults = ["maintenance", "lost", "timeout", "bad-proof-link"];

    /// <summary>The last outcome each mail's webhook was told of.</summary>
    public ConcurrentDictionary<long, SimulatedOutcome> Notified { get; } = new();

    public SimulatedUser? UserByEmail(string? email) =>
        Users.Values.FirstOrDefault(u => string.Equals(u.Email, email?.Trim(), StringComparison.OrdinalIgnoreCase));
}

/// <summary>
/// An account at the simulated AR24. <see cref="LinkedToApi"/>: opened through our API key, or its holder accepted
/// our access request; <see cref="Confirmed"/> and <see cref="TermsAccepted"/>: what its holder does from AR24's
/// e-mails.
/// </summary>
public sealed class SimulatedUser
{
    public long Id { get; init; }
    public string Email { get; init; } = "";
    public string? Firstname { get; init; }
    public string? Lastname { get; init; }
    public string? Gender { get; init; }
    public string? Company { get; init; }
    public string? Statut { get; init; }
    public string? Country { get; init; }
    public string? CompanySiret { get; init; }
    public bool LinkedToApi { get; set; }
    public bool AccessRequested { get; set; }
    public bool Confirmed { get; set; }
    public bool TermsAccepted { get; set; }

    /// <summary>
    /// The user as GET user answers: flags as 0/1 (other clients read them so), blanks for absent values, and fields
    /// this product does not read (AR24: « new fields may appear in the API response »).
    /// </summary>
    public JsonObject ToJson() => new()
    {
        ["id"] = Id, ["email"] = Email, ["firstname"] = Firstname ?? "", ["lastname"] = Lastname ?? "",
            ["gender"] = Gender ?? "",
        ["company"] = Company ?? "", ["statut"] = Statut ?? "", ["country"] = Country ?? "",
            ["company_siret"] = CompanySiret ?? "",
        ["confirmed"] = Confirmed ? 1 : 0, ["cgu"] = TermsAccepted ? 1 : 0, ["is_payment_possible"] = 1,
            ["notify_ev"] = "1",
        ["creation"] = "2025-01-01 00:00:00", ["champ_ajoute_par_ar24"] = new JsonObject { ["simulation"] = true },
    };
}

/// <summary>A mail as the simulator keeps it: what was sent, when, and how the recipient will react.</summary>
public sealed record SimulatedMail(long Id, long SenderId, string ToEmail, string ToFirstname,
    string ToLastname, string ToCompany,
    string DestStatut, string RefClient, string RefDossier, bool Eidas, DateTimeOffset SentAt, string ProofBaseUrl,
        TimeSpan RecipientDelay,
    string? Webhook, IReadOnlyList<long> AttachmentIds)
{
    /// <summary>A fault for tests: the sending proof's link is not a web address.</summary>
    public bool BadProofLink { get; init; }

    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    /// <summary>The recipient's reaction is chosen by the address: refus@…, negligence@…, npai@…, echec@… (the send
    /// fails); anyone else accepts.</summary>
    public (SimulatedOutcome Outcome, TimeSpan After) Script => ToEmail.Split('@')[0].ToLowerInvariant() switch
    {
        var local when local.StartsWith("refus", StringComparison.Ordinal) =>
            (SimulatedOutcome.Refused, RecipientDelay),
        var local when local.StartsWith("negligence", StringComparison.Ordinal) =>
            (SimulatedOutcome.Negligence, RecipientDelay * 15), // CPCE R.53-3
        var local when local.StartsWith("npai", StringComparison.Ordinal) =>
            (SimulatedOutcome.Bounced, RecipientDelay / 24),
        var local when local.StartsWith("echec", StringComparison.Ordinal) => (SimulatedOutcome.Failed, TimeSpan.Zero),
        _ => (SimulatedOutcome.Accepted, RecipientDelay),
    };

    /// <summary>What happened by <paramref name="now"/>.</summary>
    public SimulatedOutcome OutcomeAt(DateTimeOffset now) => Script is var (outcome, after)
        && now >= SentAt + after ? outcome : SimulatedOutcome.Deposited;

    /// <summary>
    /// The mail as AR24 would show it at <paramref name="now"/>: proofs appear as the recipient acts. Absent proofs and
    /// dates are blank strings, not nulls (as the public PHP clients expect, testing them with <c>!empty()</c>); flags
    /// are 0/1; fields this product does not read come along. GUESS: the status strings and <c>send_fail</c>'s place.
    /// </summary>
    public JsonObject ToJson(DateTimeOffset now)
    {
        var outcome = OutcomeAt(now);
        var (_, after) = Script;
        var acted = Date(SentAt + after);
        string Proof(string kind) => $"{ProofBaseUrl}/{Id}/{kind}.pdf";
        string If(SimulatedOutcome o, string value) => outcome == o ? value : "";
        return new JsonObject
        {
            ["id"] = Id, ["type"] = Eidas ? "lre" : "ere",
            ["status"] = outcome switch
            {
                SimulatedOutcome.Accepted => "AR", SimulatedOutcome.Refused => "refused",
                SimulatedOutcome.Negligence => "negligence",
                SimulatedOutcome.Bounced => "bounced", SimulatedOutcome.Failed => "send_fail", _ => "waiting",
            },
            ["date"] = Date(SentAt), ["ref_client"] = RefClient, ["ref_dossier"] = RefDossier, ["ref_facturation"] = "",
            ["to_firstname"] = ToFirstname, ["to_lastname"] = ToLastname, ["to_company"] = ToCompany,
                ["to_email"] = ToEmail,
            ["dest_statut"] = DestStatut, ["id_sender"] = SenderId, ["full_hash_sha256"] = "",
            ["is_eidas"] = Eidas ? 1 : 0, ["send_fail"] = outcome == SimulatedOutcome.Failed ? 1 : 0,
                ["price_ht"] = Eidas ? "4.99" : "3.49",
            ["proof_dp_url"] = Proof("depot"),
            ["proof_ev_url"] = outcome == SimulatedOutcome.Failed ? "" : BadProofLink
                ? "lien de preuve illisible" : Proof("envoi"),
            ["ts_ev_date"] = outcome == SimulatedOutcome.Failed ? "" : Date(SentAt),
            ["proof_ar_url"] = If(SimulatedOutcome.Accepted, Proof("reception")),
                ["view_date"] = If(SimulatedOutcome.Accepted, acted),
            ["proof_rf_url"] = If(SimulatedOutcome.Refused, Proof("refus")),
                ["refused_date"] = If(SimulatedOutcome.Refused, acted),
            ["proof_ng_url"] = If(SimulatedOutcome.Negligence, Proof("negligence")),
                ["negligence_date"] = If(SimulatedOutcome.Negligence, acted),
            ["proof_bc_url"] = If(SimulatedOutcome.Bounced, Proof("non-distribution")),
                ["bounced_date"] = If(SimulatedOutcome.Bounced, acted),
            ["zip"] = "", ["pdf_content"] = "", ["update"] = new JsonArray(),
            ["attachments_details"] = new JsonArray(
                [.. AttachmentIds.Select(a => (JsonNode)new JsonObject { ["id"] = a })]),
            ["champ_ajoute_par_ar24"] = new JsonObject { ["simulation"] = true, ["note"] = "champ inconnu du produit" },
        };
    }

    private static string Date(DateTimeOffset at) =>
        TimeZoneInfo.ConvertTime(at, Paris).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
}
