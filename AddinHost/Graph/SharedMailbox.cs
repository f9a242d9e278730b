using AddinHost.Infrastructure.Problems;

namespace AddinHost.Graph;

/// <summary>Office's folder permissions of a delegate (MailboxEnums.DelegatePermissions): nothing on sending.</summary>
[Flags]
public enum DelegatePermissions
{
    None = 0, Read = 1, Write = 2, DeleteOwn = 4, DeleteAll = 8, EditOwn = 16, EditAll = 32,
}

/// <summary>
/// The mailbox of the message open in Outlook when it is not the user's own (a shared mailbox, or a colleague's as a
/// delegate): the pane reads its owner and the user's folder permissions with Office's getSharedPropertiesAsync and
/// sends them with every call, in two headers. Graph and Exchange still decide; this only aims the calls and says early
/// what the permissions already rule out.
/// </summary>
public sealed class SharedMailbox(IHttpContextAccessor http)
{
    public const string OwnerHeader = "X-Shared-Mailbox-Owner";
    public const string PermissionsHeader = "X-Shared-Mailbox-Permissions";

    private readonly Lazy<(string? Owner, DelegatePermissions? Permissions)> _read = new(() => Read(http.HttpContext));

    /// <summary>The other mailbox's address (lower case); null when the message is in the user's own.</summary>
    public string? Owner => _read.Value.Owner;

    /// <summary>The user's folder permissions there, when the pane could read them.</summary>
    public DelegatePermissions? Permissions => _read.Value.Permissions;

    /// <summary>How the case's history names the signed-in user when they act for another mailbox.</summary>
    public string UserLabel => http.HttpContext?.User is { } user
        ? (user.FindFirst("preferred_username") ?? user.FindFirst("name")
              ?? user.FindFirst(System.Security.Claims.ClaimTypes.Name))?.Value
          ?? "l'utilisateur"
        : "l'utilisateur";

    /// <summary>Reading the other mailbox's messages needs its Read permission: refused in French before
    /// Graph.</summary>
    public void RequireRead(string action)
    {
        if (Owner is not null && Permissions is { } p && !p.HasFlag(DelegatePermissions.Read))
            throw new DomainException($"Vos droits sur la boîte {Owner} ne permettent pas de lire ses messages : "
                + $"{action} est impossible. Demandez le droit de lecture à la personne titulaire de cette boîte, "
                + "ou à l'administrateur Exchange du cabinet.",
                ErrorKind.Forbidden) { Extensions = Refusal(Owner, "lecture-non-autorisee") };
    }

    public static IReadOnlyDictionary<string, object?> Refusal(string? mailbox, string reason) =>
        new Dictionary<string, object?> { ["boite"] = mailbox, ["raison"] = reason };

    private static (string?, DelegatePermissions?) Read(HttpContext? context)
    {
        var headers = context?.Request.Headers;
        var owner = headers?[OwnerHeader].ToString().Trim().ToLowerInvariant();
        if (string.IsNullOrEmpty(owner)) return (null, null);
        if (owner.Length > 254 || !System.Net.Mail.MailAddress.TryCreate(owner, out var address)
            || address.Address != owner || owner.Any(char.IsWhiteSpace))
            throw Problem.Validation(OwnerHeader,
                "Boîte aux lettres partagée invalide : indiquez l'adresse électronique de sa propriétaire (owner).");
        // The signed-in user's own address (Entra's preferred_username) is no other mailbox.
        var self = context!.User.FindFirst("preferred_username")?.Value;
        if (string.Equals(self, owner, StringComparison.OrdinalIgnoreCase)) return (null, null);
        var text = headers![PermissionsHeader].ToString();
        if (text.Length == 0) return (owner, null);
        if (!int.TryParse(text, System.Globalization.NumberStyles.None,
            System.Globalization.CultureInfo.InvariantCulture,
                out var bits) || bits > 63)
            throw Problem.Validation(PermissionsHeader,
                "Droits de délégation invalides : un nombre de 0 à 63 (delegatePermissions d'Outlook) est attendu.");
        return (owner, (DelegatePermissions)bits);
    }
}
