using AddinHost.Infrastructure.Data;

namespace AddinHost.Dispatch.Ar24;

/// <summary>
/// An AR24 sender account a firm has sent from, by its address. All firms share the operator's AR24 key, so an
/// address must stay one firm's for good: otherwise a firm could send, and look up mails, as another.
/// </summary>
public sealed class Ar24SenderAccount : TenantEntity
{
    /// <summary>Lower case; unique across firms.</summary>
    public string Email { get; set; } = "";

    public DateTimeOffset BoundAt { get; set; }
}
