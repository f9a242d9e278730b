
namespace AddinHost.Sandbox;

/// <summary>Exchange's rights of the demo user on another mailbox: what Graph lets them do there.</summary>
[Flags]
public enum SandboxRights { None = 0, Read = 1, FullAccess = 2, SendAs = 4, SendOnBehalf = 8, CalendarEditor = 16 }

/// <summary>A mailbox the demo user can open besides their own, with their rights there and its messages.</summary>
public sealed record SandboxMailbox(string Address, string Label, SandboxRights Rights,
    OfficeDelegatePermissions Permissions,
    Func<TimeProvider, IReadOnlyList<SampleMessage>> Messages);

/// <summary>
/// The demo's mailboxes: the user's own, the firm's shared recovery mailbox (full access, « envoyer en tant que »),
/// Maître Delaunay's, of which the user is a delegate (read, « envoyer de la part de »), and the accounts department's,
/// which the user may only read. Their messages come from demo debtors whose next step is an e-mail.
/// </summary>
public static class SandboxMailboxes
{
    public const string Me = "avocat.demo@cabinet-demo.example";

    public static readonly IReadOnlyList<SandboxMailbox> Others =
    [
        new("recouvrement@delaunay-avocats.example",
            "Boîte partagée du recouvrement (accès total, envoyer en tant que)",
            SandboxRights.Read | SandboxRights.FullAccess | SandboxRights.SendAs | SandboxRights.CalendarEditor,
            (OfficeDelegatePermissions)63, clock =>
            [
                new("partage-message-1", "Service comptable", "compta@transports-garnier-et-fils-sas.example",
                    "Votre facture arrive à échéance",
                    "Bonjour,\nNous avons bien reçu votre facture et la réglerons à son échéance.\nTransports " +
                        "Garnier et Fils", clock.GetUtcNow().AddHours(-5)),
            ]),
        new("c.delaunay@delaunay-avocats.example",
            "Boîte de Maître Delaunay, en délégation (lecture, envoyer de la part de)",
            SandboxRights.Read | SandboxRights.SendOnBehalf | SandboxRights.CalendarEditor,
            OfficeDelegatePermissions.Read | OfficeDelegatePermissions.Write | OfficeDelegatePermissions.EditOwn
                | OfficeDelegatePermissions.DeleteOwn, clock =>
            [
                new("delegue-message-1", "Comptabilité", "compta@boulangerie-lefevre-sarl.example",
                    "Question sur votre facture",
                    "Maître,\nPouvez-vous nous renvoyer le détail de la facture ? Nous la réglerons dès " +
                        "réception.\nBoulangerie Lefèvre", clock.GetUtcNow().AddHours(-7)),
            ]),
        new("comptabilite@delaunay-avocats.example", "Boîte de la comptabilité (lecture seule, aucun droit d'envoi)",
            SandboxRights.Read, OfficeDelegatePermissions.Read, clock =>
            [
                new("lecture-message-1", "Service financier", "compta@atelier-numerique-morel-sas.example",
                    "Relevé de compte",
                    "Bonjour,\nVeuillez trouver notre relevé ; nous revenons vers vous pour le solde.\nAtelier " +
                        "Numérique Morel", clock.GetUtcNow().AddHours(-9)),
            ]),
    ];

    public static SandboxMailbox? Find(string address) =>
        Others.FirstOrDefault(m => string.Equals(m.Address, address, StringComparison.OrdinalIgnoreCase));

    /// <summary>The messages of a mailbox (the user's own for null), with the mailbox each one is in.</summary>
    public static IReadOnlyList<SampleMessage> MessagesOf(string? mailbox, TimeProvider clock) =>
        mailbox is null ? SampleMailbox.Messages(clock) : Find(mailbox)?.Messages(clock) ?? [];

    /// <summary>Which mailbox holds a sample message: null for the user's own.</summary>
    public static SandboxMailbox? Holding(string messageId, TimeProvider clock) =>
        Others.FirstOrDefault(m => m.Messages(clock).Any(s => s.Id == messageId));
}
