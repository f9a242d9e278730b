using AddinHost.Infrastructure.Problems;
using AddinHost.Mailbox;
using Microsoft.Identity.Client;
using AddinHost.Graph;

namespace AddinHost.Tests.Mailbox;

/// <summary>What the user reads when Entra or Graph refuses: who can fix it, and how.</summary>
public sealed class GraphErrorsTests
{
    private static async Task<DomainException> FailWith(Exception e) =>
        await Assert.ThrowsAsync<DomainException>(() => GraphErrors.CallAsync<int>(() => throw e, "introuvable"));

    [Fact]
    public async Task Missing_consent_sends_the_user_to_their_admin()
    {
        var e = await FailWith(new MsalUiRequiredException("invalid_grant",
            "AADSTS65001: The user or administrator has not consented to use the application with ID '…'."));
        Assert.Equal(ErrorKind.Forbidden, e.Kind);
        Assert.Contains("administrateur du cabinet doit donner son consentement", e.Message);
    }

    [Fact]
    public async Task An_expired_session_asks_the_user_to_sign_in_again()
    {
        var e = await FailWith(new MsalUiRequiredException("invalid_grant",
            "AADSTS700082: The refresh token has expired due to inactivity."));
        Assert.Equal(ErrorKind.Forbidden, e.Kind);
        Assert.Contains("reconnecter", e.Message);
    }

    [Fact]
    public async Task A_network_failure_is_an_outage_not_a_crash()
    {
        var e = await FailWith(new HttpRequestException("connection refused"));
        Assert.Equal(ErrorKind.Unavailable, e.Kind);
        Assert.Contains("ne répond pas", e.Message);
    }
}
