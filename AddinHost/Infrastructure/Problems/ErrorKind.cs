namespace AddinHost.Infrastructure.Problems;

/// <summary>Why a request is refused, in the domain's terms; only the HTTP edge turns a kind into a status.</summary>
public enum ErrorKind
{
    /// <summary>The input is wrong (a field, a parameter): the user can correct it.</summary>
    Invalid,
    /// <summary>No user is signed in, or the sign-in has expired.</summary>
    Unauthenticated,
    /// <summary>The user, or the mailbox they act for, has no right to do this.</summary>
    Forbidden,
    /// <summary>What the request names does not exist (or is not this firm's).</summary>
    NotFound,
    /// <summary>The case's or the item's current state refuses the request.</summary>
    Conflict,
    /// <summary>The input is well formed but cannot be processed (a refused file, a template with errors).</summary>
    Unprocessable,
    /// <summary>This user asks too often or holds too much at once: try again later.</summary>
    TooMany,
    /// <summary>A service the request needs (LibreOffice, AR24, Microsoft 365) is missing or busy.</summary>
    Unavailable,
}
