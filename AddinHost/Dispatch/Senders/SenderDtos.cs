using AddinHost.Dispatch.Ar24;

namespace AddinHost.Dispatch.Senders;

/// <summary>
/// A firm's AR24 sender as the admin page shows it: a bound address with its account's state, or an address whose
/// confirmation code is awaited (<see cref="Pending"/>, no state).
/// </summary>
public sealed record SenderDto(Guid Id, string Email, string? UserId, string? Gender,
    string? Firstname, string? Lastname,
    Ar24SenderState? State, string StateLabel, string? Detail, long? Ar24UserId, bool Pending,
        bool IsFirmAddress, bool Configured);

/// <summary>A sender to add (a code goes to the address) or, for an address already the firm's, its identity to
/// complete.</summary>
public sealed record AddSenderRequest(string? Email, string? Gender, string? Firstname,
    string? Lastname, string? UserId);

/// <summary>The code received at the address, which binds it to the firm.</summary>
public sealed record ConfirmSenderRequest(string? Email, string? Code);
