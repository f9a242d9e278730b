using System.Collections.Concurrent;
using System.Globalization;
using AddinHost.Dispatch.Ar24;

namespace AddinHost.Sandbox;

/// <summary>What the simulated AR24 has received, so that tests and the demo can count every mail.</summary>
public sealed class Ar24SandboxState
{
    private long _nextId = 1000;
    public ConcurrentDictionary<long, Ar24User> Users { get; } = new();
    public ConcurrentDictionary<long, (string Name, int Size)> Attachments { get; } = new();

    /// <summary>The names of the files each mail carries, in the order given.</summary>
    public ConcurrentDictionary<long, IReadOnlyList<string>> MailAttachments { get; } = new();

    /// <summary>Which sender account each mail went from: AR24 lists a sender's own mails only.</summary>
    public ConcurrentDictionary<long, string> MailSenders { get; } = new();
    public ConcurrentDictionary<long, SimulatedMail> Mails { get; } = new();

    public long NextId() => Interlocked.Increment(ref _nextId);

    /// <summary>Faults to play on the next mail sends, in order: "maintenance", "lost" (recorded, then the reply is lost), "timeout" (recorded, then no reply in time).</summary>
    public ConcurrentQueue<string> Faults { get; } = new();

    public static readonly string[] KnownFaults = ["maintenance", "lost", "timeout"];

    /// <summary>The last outcome each mail's webhook was told of.</summary>
    public ConcurrentDictionary<long, Ar24Outcome> Notified { get; } = new();
}

/// <summary>A mail as the simulator keeps it: what was sent, when, and how the recipient will react.</summary>
public sealed record SimulatedMail(Ar24Mail Sent, string ToEmail, DateTimeOffset SentAt, string ProofBaseUrl, TimeSpan RecipientDelay, string? Webhook)
{
    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    /// <summary>The recipient's reaction is chosen by the address: refus@…, negligence@…, npai@…; anyone else accepts.</summary>
    public (Ar24Outcome Outcome, TimeSpan After) Script => ToEmail.Split('@')[0].ToLowerInvariant() switch
    {
        var local when local.StartsWith("refus", StringComparison.Ordinal) => (Ar24Outcome.Refused, RecipientDelay),
        var local when local.StartsWith("negligence", StringComparison.Ordinal) => (Ar24Outcome.Negligence, RecipientDelay * 15), // CPCE R.53-3
        var local when local.StartsWith("npai", StringComparison.Ordinal) => (Ar24Outcome.Bounced, RecipientDelay / 24),
        _ => (Ar24Outcome.Accepted, RecipientDelay),
    };

    /// <summary>The mail as AR24 would show it at <paramref name="now"/>: proofs appear as the recipient acts.</summary>
    public Ar24Mail At(DateTimeOffset now)
    {
        var (outcome, after) = Script;
        var deposit = Sent with { DepositProofUrl = Proof("depot") };
        if (now < SentAt + after) return deposit;
        var date = TimeZoneInfo.ConvertTime(SentAt + after, Paris).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
        return outcome switch
        {
            Ar24Outcome.Accepted => deposit with { Status = "AR", ReceiptProofUrl = Proof("reception"), ViewDate = date },
            Ar24Outcome.Refused => deposit with { Status = "refused", RefusalProofUrl = Proof("refus"), RefusedDate = date },
            Ar24Outcome.Negligence => deposit with { Status = "negligence", NegligenceProofUrl = Proof("negligence"), NegligenceDate = date },
            _ => deposit with { Status = "bounced", BounceProofUrl = Proof("non-distribution"), BouncedDate = date },
        };
    }

    private string Proof(string kind) => $"{ProofBaseUrl}/{Sent.Id}/{kind}.pdf";
}
