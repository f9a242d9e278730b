namespace AddinHost.Infrastructure.Protection;

/// <summary>
/// Every regular expression of the host is either <c>RegexOptions.NonBacktracking</c> (linear in its input, for
/// anything a
/// user, a template or a debtor's e-mail feeds) or bounded by this time-out (fixed, short inputs); a test keeps it so.
/// </summary>
public static class RegexBudget
{
    /// <summary>The longest one match may run before
    /// <see cref="System.Text.RegularExpressions.RegexMatchTimeoutException"/>.</summary>
    public const int Milliseconds = 200;
}
