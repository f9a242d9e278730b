using AddinHost.Infrastructure.Problems;
using Microsoft.Graph.Models.ODataErrors;
using Microsoft.Identity.Client;
using Microsoft.Identity.Web;

namespace AddinHost.Graph;

/// <summary>Graph's and Entra's failures as the user should read them: what happened, and who can fix it.</summary>
public static class GraphErrors
{
    /// <summary>Runs a Graph call; its failure becomes a French refusal (<paramref name="notFound"/> for a 404), naming
    /// <paramref name="mailbox"/>, the shared or delegated mailbox the call is for (null for the user's own).</summary>
    public static async Task<T> CallAsync<T>(Func<Task<T>> call, string notFound, string? mailbox = null)
    {
        try
        {
            return await call();
        }
        catch (ODataError e) when (e.ResponseStatusCode == 404)
        {
            throw new DomainException(notFound, ErrorKind.NotFound);
        }
        catch (ODataError e) when (e.ResponseStatusCode == 401)
        {
            throw DomainException.Unauthenticated(
                "Votre session Microsoft 365 a expiré : reconnectez-vous dans Outlook.");
        }
        catch (ODataError e) when (e.ResponseStatusCode == 403)
        {
            throw Refused(e, mailbox);
        }
        catch (MsalClientException e) when (e.ErrorCode
            == "Client_Credentials_Required_In_Confidential_Client_Application")
        {
            // Refused at start-up outside Development (AzureAd:ClientSecret or ClientCredentials): a set-up fault.
            throw DomainException.Unavailable(
                "Le serveur n'a pas d'identifiant pour Microsoft 365 (AzureAd:ClientSecret ou "
                + "AzureAd:ClientCredentials) : prévenez l'administrateur.");
        }
        catch (Exception e) when (SessionProblem(e) is { } problem)
        {
            throw DomainException.Forbidden(problem);
        }
        catch (Exception e) when (e is ODataError or HttpRequestException or TaskCanceledException
            or Microsoft.Kiota.Abstractions.ApiException
            or AggregateException { InnerException: Microsoft.Kiota.Abstractions.ApiException })
        {
            // The SDK's retry handler gives up on a lasting 429/503 with an AggregateException of its attempts.
            throw DomainException.Unavailable(
                "La messagerie Microsoft 365 ne répond pas pour le moment : réessayez dans quelques minutes. " +
                "Le dossier reste consultable depuis la recherche.");
        }
    }

    /// <summary>Graph's 403, in French with its reason: no right to send for that mailbox, or no access to
    /// it.</summary>
    public static DomainException Refused(ODataError e, string? mailbox) =>
        new(RefusalReason(e, mailbox), ErrorKind.Forbidden)
    {
        Extensions = SharedMailbox.Refusal(mailbox, IsSendAsDenied(e) ? "envoi-non-autorise" : "acces-refuse"),
    };

    /// <summary>Exchange refused the sender: the user has neither Send As nor Send on Behalf for <c>from</c>.</summary>
    public static bool IsSendAsDenied(ODataError e) =>
        e.ResponseStatusCode == 403 && e.Error?.Code == "ErrorSendAsDenied";

    public static string RefusalReason(ODataError e, string? mailbox) => (IsSendAsDenied(e), mailbox) switch
    {
        (true, _)
            => $"Microsoft 365 refuse que vous envoyiez ce courriel de la part de {mailbox ?? "cette boîte"} : il " +
            $"vous faut le droit " +
                     "« Envoyer de la part de » ou « Envoyer en tant que » sur cette boîte, à demander à sa personne " +
                         "titulaire ou à " +
                     "l'administrateur Exchange du cabinet. Aucun courriel n'est parti.",
        (false, { } other)
            => $"Microsoft 365 refuse l'accès à la boîte {other} : vous n'y avez pas les droits nécessaires (à " +
            $"demander à sa " +
                              "personne titulaire ou à l'administrateur Exchange), ou l'application n'a pas encore " +
                                  "l'autorisation d'accéder " +
                              "aux boîtes partagées (un administrateur doit renouveler son consentement dans " +
                                  "Microsoft Entra ID).",
        _ => "Microsoft 365 refuse l'accès à votre boîte aux lettres : l'application n'a pas l'autorisation " +
            "nécessaire. Un administrateur " +
             "du cabinet doit donner (ou renouveler) son consentement à l'application dans Microsoft Entra ID.",
    };

    /// <summary>
    /// Entra gave no token for Graph: consent missing, a session to renew, or no background session for the outbox. The
    /// request never reached Graph, so nothing was read or sent.
    /// </summary>
    public static string? SessionProblem(Exception e) => e
        is MsalClientException { ErrorCode: MsalError.OboCacheKeyNotInCacheError }
        ? "La session Microsoft 365 de l'avocat n'est plus disponible pour les envois différés : reconnectez-vous en " +
            "rouvrant le volet " +
          "dans Outlook, puis relancez l'envoi."
        : Consent(e);

    /// <summary>AADSTS65001: nobody consented to the app's Graph permissions; otherwise the user must sign in
    /// again.</summary>
    private static string? Consent(Exception e)
    {
        var msal = e as MsalUiRequiredException ?? (
            e as MicrosoftIdentityWebChallengeUserException)?.MsalUiRequiredException;
        if (msal is null) return null;
        return msal.Message.Contains("AADSTS65001", StringComparison.Ordinal)
            ? "OutlookDunning n'a pas encore l'autorisation de lire votre messagerie et votre calendrier : un " +
                "administrateur du cabinet " +
              "doit donner son consentement à l'application dans Microsoft Entra ID (AADSTS65001)."
            : "Votre session Microsoft 365 doit être renouvelée : fermez et rouvrez le volet pour vous reconnecter.";
    }
}
