using AddinHost.Infrastructure.Problems;
using Microsoft.Graph.Models.ODataErrors;
using Microsoft.Identity.Client;
using Microsoft.Identity.Web;

namespace AddinHost.Mailbox;

/// <summary>Graph's and Entra's failures as the user should read them: what happened, and who can fix it.</summary>
public static class GraphErrors
{
    public static async Task<T> CallAsync<T>(Func<Task<T>> call, string notFound)
    {
        try
        {
            return await call();
        }
        catch (ODataError e) when (e.ResponseStatusCode == 404)
        {
            throw new DomainException(notFound, StatusCodes.Status404NotFound);
        }
        catch (ODataError e) when (e.ResponseStatusCode == 401)
        {
            throw new DomainException("Votre session Microsoft 365 a expiré : reconnectez-vous dans Outlook.", StatusCodes.Status401Unauthorized);
        }
        catch (ODataError e) when (e.ResponseStatusCode == 403)
        {
            throw new DomainException("Microsoft 365 refuse l'accès à cette boîte aux lettres : vérifiez que le message est dans votre propre boîte.",
                StatusCodes.Status403Forbidden);
        }
        catch (MsalClientException e) when (e.ErrorCode == "Client_Credentials_Required_In_Confidential_Client_Application")
        {
            // Refused at start-up outside Development (AzureAd:ClientSecret or ClientCredentials): a set-up fault.
            throw new DomainException("Le serveur n'a pas d'identifiant pour Microsoft 365 (AzureAd:ClientSecret ou "
                + "AzureAd:ClientCredentials) : prévenez l'administrateur.", StatusCodes.Status503ServiceUnavailable);
        }
        catch (Exception e) when (SessionProblem(e) is { } problem)
        {
            throw new DomainException(problem, StatusCodes.Status403Forbidden);
        }
        catch (Exception e) when (e is ODataError or HttpRequestException or TaskCanceledException or Microsoft.Kiota.Abstractions.ApiException
                                       or AggregateException { InnerException: Microsoft.Kiota.Abstractions.ApiException })
        {
            // The SDK's retry handler gives up on a lasting 429/503 with an AggregateException of its attempts.
            throw new DomainException("La messagerie Microsoft 365 ne répond pas pour le moment : réessayez dans quelques minutes. " +
                "Le dossier reste consultable depuis la recherche.", StatusCodes.Status503ServiceUnavailable);
        }
    }

    /// <summary>
    /// Entra gave no token for Graph: consent missing, a session to renew, or no background session for the outbox. The
    /// request never reached Graph, so nothing was read or sent.
    /// </summary>
    public static string? SessionProblem(Exception e) => e is MsalClientException { ErrorCode: MsalError.OboCacheKeyNotInCacheError }
        ? "La session Microsoft 365 de l'avocat n'est plus disponible pour les envois différés : reconnectez-vous en rouvrant le volet " +
          "dans Outlook, puis relancez l'envoi."
        : Consent(e);

    /// <summary>AADSTS65001: nobody consented to the app's Graph permissions; otherwise the user must sign in again.</summary>
    private static string? Consent(Exception e)
    {
        var msal = e as MsalUiRequiredException ?? (e as MicrosoftIdentityWebChallengeUserException)?.MsalUiRequiredException;
        if (msal is null) return null;
        return msal.Message.Contains("AADSTS65001", StringComparison.Ordinal)
            ? "OutlookDunning n'a pas encore l'autorisation de lire votre messagerie et votre calendrier : un administrateur du cabinet " +
              "doit donner son consentement à l'application dans Microsoft Entra ID (AADSTS65001)."
            : "Votre session Microsoft 365 doit être renouvelée : fermez et rouvrez le volet pour vous reconnecter.";
    }
}
