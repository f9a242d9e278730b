using AddinHost.Cases;
using AddinHost.Dispatch.Ar24;
using AddinHost.Infrastructure.Audit;
using AddinHost.Infrastructure.Data;
using AddinHost.Infrastructure.Problems;
using Microsoft.EntityFrameworkCore;

namespace AddinHost.Dispatch.Senders;

/// <summary>
/// Opens a bound sender's account at AR24, or checks where it stands, as AR24's knowledge base describes it
/// (« Créer un compte expéditeur via l'API »): create it with every required field; an address that already has an
/// account (<c>user_already_exist</c>, or <c>user_unavailable</c> on reading it) goes through the access request its
/// holder must accept; a new account's holder confirms the address and accepts AR24's terms. Only then is it active.
/// </summary>
public sealed class SenderProvisioning(DunningDbContext db, Ar24Client ar24, AuditTrail audit, TimeProvider clock,
    ILogger<SenderProvisioning> log)
{
    private static readonly HashSet<string> FranceAndOverseas = ["FR", "GP", "MQ", "GF", "RE", "YT", "PM", "BL",
        "MF", "WF", "PF", "NC"];
    private static readonly HashSet<string> OtherEu =
        ["AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "GR", "HR", "HU", "IE", "IT", "LT", "LU", "LV",
            "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK"];

    /// <summary>Moves the sender as far as AR24 allows now, and says where it stands.</summary>
    public async Task<SenderDto> ProvisionAsync(Guid id, CancellationToken ct)
    {
        var row = await db.Ar24SenderAccounts.SingleOrDefaultAsync(a => a.Id == id, ct)
            ?? throw DomainException.NotFound("Expéditeur AR24");
        var cabinet = await db.Cabinets.AsNoTracking().FirstOrDefaultAsync(ct);
        var before = row.State;
        if (row.Ar24UserId is null && row.Origin == Ar24SenderOrigin.FirstSend)
            throw DomainException.Conflict(
                "Cette adresse a été liée au cabinet par un envoi, avant que les adresses soient "
                + "vérifiées : ajoutez de nouveau l'expéditeur et saisissez le code reçu à cette adresse, puis ouvrez "
                + "le compte.");
        try
        {
            if (row.Ar24UserId is null) await OpenAsync(row, cabinet, ct);
            else await CheckAsync(row, ct);
        }
        catch (Ar24Exception e) when (!e.Error.Retryable)
        {
            row.StateDetail = e.Message;
            await SaveAsync(row, "expediteur.refuse-ar24", ct);
            throw DomainException.Conflict($"AR24 refuse : {e.Message}");
        }
        catch (Exception e) when (e is Ar24Exception or HttpRequestException or TaskCanceledException
            or Polly.ExecutionRejectedException
                                   && !ct.IsCancellationRequested)
        {
            log.LogWarning("AR24 did not answer while provisioning sender {SenderId}: {Error}",
                row.Id, e.GetType().Name);
            throw DomainException.Unavailable(
                "AR24 ne répond pas pour le moment : rien n'a changé, réessayez dans quelques "
                + "minutes.");
        }
        await SaveAsync(row, before == row.State ? "expediteur.verifie" : "expediteur.etat", ct);
        return SenderOnboarding.ToDto(row, cabinet?.Email);
    }

    private async Task OpenAsync(Ar24SenderAccount row, Cabinet? cabinet, CancellationToken ct)
    {
        var user = NewUser(row, cabinet); // every field AR24 requires, checked before anything is sent
        try
        {
            // The address is this firm's alone (bound once, proven or declared by the operator), so an account that
            // answers for it under our API key is one this firm opened or was granted: it may be reused.
            Adopt(row, await ar24.GetUserAsync(row.Email, ct));
        }
        catch (Ar24Exception e) when (e.Error.Slug == "user_not_exist")
        {
            try
            {
                var created = await ar24.CreateUserAsync(user, ct);
                Adopt(row, created);
                if (row.State != Ar24SenderState.Active) await AskForTermsAsync(created.Id, ct);
            }
            catch (Ar24Exception exists) when (exists.Error.Slug is "user_already_exist" or "user_unavailable")
            {
                await RequestAccessAsync(row, ct);
            }
        }
        catch (Ar24Exception e) when (e.Error.Slug == "user_unavailable")
        {
            // The account exists but was never opened to this API: its holder must accept the request AR24 sends them.
            if (row.State == Ar24SenderState.AccessRequested) row.StateDetail = AccessPending(row.Email);
            else await RequestAccessAsync(row, ct);
        }
    }

    private async Task CheckAsync(Ar24SenderAccount row, CancellationToken ct)
    {
        try
        {
            Adopt(row, await ar24.GetUserAsync(row.Ar24UserId!.Value, ct));
        }
        catch (Ar24Exception e) when (e.Error.Slug == "user_unavailable")
        {
            row.State = Ar24SenderState.AccessRequested;
            row.StateDetail = $"Le titulaire de {row.Email} a retiré l'accès de l'application à son compte AR24 : "
                + $"ouvrez le compte à nouveau.";
            row.Ar24UserId = null;
        }
        catch (Ar24Exception e) when (e.Error.Slug == "user_not_exist")
        {
            row.State = Ar24SenderState.ToCreate;
            row.StateDetail = "AR24 ne connaît plus ce compte : ouvrez-le à nouveau.";
            row.Ar24UserId = null;
        }
    }

    private async Task RequestAccessAsync(Ar24SenderAccount row, CancellationToken ct)
    {
        await ar24.RequestAccessAsync(row.Email, ct);
        row.State = Ar24SenderState.AccessRequested;
        row.StateDetail = AccessPending(row.Email);
    }

    /// <summary>GUESS (route named by the knowledge base, parameters not): a refusal here costs nothing, the holder
    /// can accept from AR24's site.</summary>
    private async Task AskForTermsAsync(long id, CancellationToken ct)
    {
        try { await ar24.RequestTermsAsync(id, ct); }
        catch (Ar24Exception e) { log.LogWarning("AR24 did not send the terms e-mail for account {Ar24UserId}: {Slug}",
            id, e.Error.Slug); }
    }

    /// <summary>
    /// The account's state from AR24's own flags: active once the address is confirmed and the terms accepted. A flag
    /// AR24 leaves out counts as not done (safe side: the sender stays blocked and the admin page says why).
    /// </summary>
    private static void Adopt(Ar24SenderAccount row, Ar24User user)
    {
        row.Ar24UserId = user.Id;
        var missing = new List<string>();
        if (user.Confirmed != true) missing.Add("confirmer son adresse (courriel de confirmation d'AR24)");
        if (user.TermsAccepted != true) missing.Add("accepter les conditions générales d'AR24");
        row.State = missing.Count == 0 ? Ar24SenderState.Active : Ar24SenderState.TermsToAccept;
        row.StateDetail = missing.Count == 0 ? null
            : $"Le titulaire de {row.Email} doit {string.Join(" et ", missing)}, puis vérifiez le compte ici.";
    }

    private static string AccessPending(string email) =>
        $"{email} a déjà un compte AR24 : AR24 a demandé à son titulaire d'accepter l'accès de l'application "
            + $"(courriel d'AR24). "
        + "Vérifiez le compte une fois la demande acceptée.";

    /// <summary>AR24's required fields, from the firm's identity and the sender's; every missing one is
    /// named.</summary>
    private static NewAr24User NewUser(Ar24SenderAccount row, Cabinet? cabinet)
    {
        var errors = new Dictionary<string, string[]>();
        void Need(bool ok, string field, string message) { if (!ok) errors[field] = [message]; }
        var country = string.IsNullOrWhiteSpace(cabinet?.Country) ? "FR" : cabinet.Country;
        Need(cabinet is not null && !string.IsNullOrWhiteSpace(cabinet.Name), "cabinet.name",
            "Le nom du cabinet manque.");
        Need(!string.IsNullOrWhiteSpace(cabinet?.Address), "cabinet.address", "L'adresse postale du cabinet manque.");
        Need(!string.IsNullOrWhiteSpace(cabinet?.PostalCode), "cabinet.postalCode",
            "Le code postal du cabinet manque.");
        Need(!string.IsNullOrWhiteSpace(cabinet?.City), "cabinet.city", "La ville du cabinet manque.");
        // AR24: company_siret for a professional in France or overseas France; company_tva for one elsewhere in the EU.
        if (FranceAndOverseas.Contains(country))
            Need(Siren.IsValidSiret(cabinet?.Siret), "cabinet.siret",
                "Le SIRET du cabinet manque ou est invalide : AR24 l'exige en France.");
        if (OtherEu.Contains(country))
            Need(!string.IsNullOrWhiteSpace(cabinet?.VatNumber), "cabinet.vatNumber",
                "Le numéro de TVA intracommunautaire du cabinet manque : AR24 l'exige dans l'Union européenne.");
        Need(row.Gender is "M" or "F", "gender", "La civilité de l'expéditeur manque (M ou F).");
        Need(!string.IsNullOrWhiteSpace(row.Firstname), "firstname", "Le prénom de l'expéditeur manque.");
        Need(!string.IsNullOrWhiteSpace(row.Lastname), "lastname", "Le nom de l'expéditeur manque.");
        if (errors.Count > 0)
            throw DomainException.Invalid("Le compte AR24 ne peut pas être ouvert : " + string.Join(" ",
                errors.Values.Select(v => v[0])), errors);
        return new NewAr24User(row.Firstname!, row.Lastname!, row.Email, row.Gender!, "professionnel",
            cabinet!.Address!, cabinet.PostalCode!,
            cabinet.City!, country, cabinet.Name, Siren.Normalize(cabinet.Siret), cabinet.VatNumber);
    }

    private async Task SaveAsync(Ar24SenderAccount row, string action, CancellationToken ct)
    {
        row.CheckedAt = clock.GetUtcNow();
        audit.Record(action, nameof(Ar24SenderAccount), row.Id);
        await db.SaveChangesAsync(ct);
    }
}
