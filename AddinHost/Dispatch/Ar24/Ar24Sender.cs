using System.ComponentModel.DataAnnotations;

namespace AddinHost.Dispatch.Ar24;

/// <summary>
/// A lawyer's own sender account at AR24 (<c>Ar24:Senders</c>): a qualified LRE must name the lawyer who sends it.
/// <see cref="User"/> is the lawyer's user id as signed in (Entra object id), within <see cref="Tenant"/>. Each is
/// bound to its firm at start-up: the operator's configuration vouches for the address.
/// </summary>
public sealed class Ar24Sender
{
    [Required(ErrorMessage = "Ar24:Senders : chaque expéditeur doit préciser son cabinet (Tenant).")]
    public string Tenant { get; set; } = "";

    [Required(ErrorMessage = "Ar24:Senders : chaque expéditeur doit préciser l'identifiant de l'avocat (User).")]
    public string User { get; set; } = "";

    [Required, EmailAddress(ErrorMessage = "Ar24:Senders : l'adresse électronique d'un expéditeur est invalide.")]
    public string Email { get; set; } = "";

    [Required(ErrorMessage = "Ar24:Senders : le prénom de l'expéditeur est obligatoire.")]
    public string Firstname { get; set; } = "";

    [Required(ErrorMessage = "Ar24:Senders : le nom de l'expéditeur est obligatoire.")]
    public string Lastname { get; set; } = "";

    /// <summary>AR24's <c>gender</c> (« M » or « F »), required to open the account; the admin page can set it
    /// too.</summary>
    [RegularExpression("^[MF]$", ErrorMessage = "Ar24:Senders : la civilité (Gender) est « M » ou « F ».")]
    public string? Gender { get; set; }
}
