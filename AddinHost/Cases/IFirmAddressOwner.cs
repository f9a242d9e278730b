namespace AddinHost.Cases;

/// <summary>
/// A feature that holds e-mail addresses on a firm's behalf (Dispatch: its AR24 senders). Every firm sends through the
/// operator's AR24 key, so an address one firm holds may never become another firm's.
/// </summary>
public interface IFirmAddressOwner
{
    Task<bool> UsedByAnotherFirmAsync(string email, string tenantId, CancellationToken ct);
}
