using AddinHost.Dispatch.Ar24;
using AddinHost.Infrastructure.Audit;
using AddinHost.Infrastructure.Auth;
using AddinHost.Infrastructure.Data;
using AddinHost.Infrastructure.Problems;
using Microsoft.EntityFrameworkCore;
using AddinHost.Cases;
using AddinHost.Graph;

namespace AddinHost.Dispatch.Senders;

/// <summary>
/// Adding a firm's AR24 senders: an address becomes the firm's only once the code sent to it is entered, and never
/// while another firm holds it. The firm's and its lawyers' identities are completed here before the account is opened.
/// </summary>
public sealed class SenderOnboarding(DunningDbContext db, ITenantContext tenant, AuditTrail audit,
    CurrentActor actor, TimeProvider clock,
    GraphClients graph)
{
    public async Task<List<SenderDto>> ListAsync(CancellationToken ct)
    {
        var firmEmail = await db.Cabinets.Select(c => c.Email).FirstOrDefaultAsync(ct);
        // A firm has a handful of senders; ordered here, as SQLite cannot order by a date with its offset.
        var bound = (await db.Ar24SenderAccounts.AsNoTracking().ToListAsync(ct)).OrderBy(a => a.BoundAt).ToList();
        var pending = (await db.Ar24SenderClaims.AsNoTracking().ToListAsync(ct)).OrderBy(c => c.CreatedAt).ToList();
        return [.. bound.Select(a => ToDto(a, firmEmail)),
            .. pending.Where(p => bound.All(b => b.Email != p.Email)).Select(p => ToDto(p, firmEmail))];
    }

    /// <summary>Completes the identity of an address already the firm's, or sends a code to a new one.</summary>
    public async Task<(SenderDto Sender, bool CodeSent)> AddAsync(AddSenderRequest r, CancellationToken ct)
    {
        var email = ValidEmail(r.Email);
        var gender = ValidGender(r.Gender);
        var (first, last, userId) = (Text(r.Firstname, "firstname"), Text(r.Lastname, "lastname"),
            Text(r.UserId, "userId", 64));
        var owner = await db.Ar24SenderAccounts.IgnoreQueryFilters().Where(a => a.Email == email)
            .Select(a => a.TenantId).SingleOrDefaultAsync(ct);
        // Across firms on purpose: the one question asked of other firms' rows is whether the address is theirs.
        if (owner is not null && owner != tenant.TenantId) throw TakenByAnotherFirm();
        if (userId is not null && await db.Ar24SenderAccounts.AnyAsync(a => a.UserId == userId && a.Email != email, ct))
            throw DomainException.Conflict("Cet avocat a déjà une adresse d'expéditeur AR24 : un avocat n'envoie que "
                + "depuis une adresse.");

        var now = clock.GetUtcNow();
        // An address bound by a first send, before addresses were proven, is proven by a code before AR24 opens it.
        var unproven = owner is not null && await db.Ar24SenderAccounts.AnyAsync(a => a.Email == email
            && a.Origin == Ar24SenderOrigin.FirstSend && a.Ar24UserId == null, ct);
        if (owner is not null && !unproven)
        {
            var row = await db.Ar24SenderAccounts.SingleAsync(a => a.Email == email, ct);
            row.Gender = gender ?? row.Gender;
            row.Firstname = first ?? row.Firstname;
            row.Lastname = last ?? row.Lastname;
            row.UserId = userId ?? row.UserId;
            audit.Record("expediteur.modifie", nameof(Ar24SenderAccount), row.Id);
            await db.SaveChangesAsync(ct);
            return (ToDto(row, await FirmEmailAsync(ct)), false);
        }

        var claim = await db.Ar24SenderClaims.SingleOrDefaultAsync(c => c.Email == email, ct);
        if (claim is not null && claim.CreatedAt > now - SenderCodes.ResendDelay)
            throw DomainException.TooMany(
                "Un code vient d'être envoyé à cette adresse : attendez une minute avant d'en "
                + "demander un autre.");
        if (claim is null) db.Ar24SenderClaims.Add(claim = new Ar24SenderClaim { Email = email });
        var code = SenderCodes.NewCode();
        claim.CodeHash = SenderCodes.Hash(claim.Id, code);
        claim.ExpiresAt = now + SenderCodes.Lifetime;
        claim.Attempts = 0;
        claim.CreatedAt = now;
        claim.CreatedBy = actor.Id;
        (claim.Gender, claim.Firstname, claim.Lastname, claim.UserId) = (gender, first, last, userId);
        audit.Record("expediteur.code-envoye", nameof(Ar24SenderClaim), claim.Id);
        await db.SaveChangesAsync(ct);
        await SendCodeAsync(email, code, ct);
        return (ToDto(claim, await FirmEmailAsync(ct)), true);
    }

    /// <summary>The code received at the address binds it to the firm, unless another firm bound it first.</summary>
    public async Task<SenderDto> ConfirmAsync(ConfirmSenderRequest r, CancellationToken ct)
    {
        var email = ValidEmail(r.Email);
        if (string.IsNullOrWhiteSpace(r.Code)) throw Problem.Validation("code",
            "Saisissez le code reçu à cette adresse.");
        var claim = await db.Ar24SenderClaims.SingleOrDefaultAsync(c => c.Email == email, ct)
            ?? throw new DomainException("Aucun code n'est en attente pour cette adresse : ajoutez l'expéditeur "
                + "pour en recevoir un.", ErrorKind.NotFound);
        var now = clock.GetUtcNow();
        if (claim.ExpiresAt < now) throw Problem.Validation("code",
            "Ce code a expiré : demandez-en un nouveau en ajoutant à nouveau l'expéditeur.");
        if (claim.Attempts >= SenderCodes.MaxAttempts)
            throw Problem.Validation("code",
                "Trop d'essais pour ce code : demandez-en un nouveau en ajoutant à nouveau l'expéditeur.");
        if (!SenderCodes.Matches(claim.Id, r.Code, claim.CodeHash))
        {
            claim.Attempts++;
            audit.Record("expediteur.code-refuse", nameof(Ar24SenderClaim), claim.Id);
            await db.SaveChangesAsync(ct);
            throw Problem.Validation("code",
                $"Code incorrect : {SenderCodes.MaxAttempts - claim.Attempts} essai(s) restant(s).");
        }
        var legacy = await db.Ar24SenderAccounts.SingleOrDefaultAsync(a => a.Email == email
            && a.Origin == Ar24SenderOrigin.FirstSend && a.Ar24UserId == null, ct);
        if (legacy is null && await db.Ar24SenderAccounts.IgnoreQueryFilters().AnyAsync(a => a.Email == email,
            ct)) throw TakenByAnotherFirm();

        var row = legacy ?? new Ar24SenderAccount { Email = email, BoundAt = now, State = Ar24SenderState.ToCreate };
        row.Origin = Ar24SenderOrigin.Confirmed;
        (row.Gender, row.Firstname, row.Lastname, row.UserId) = (claim.Gender, claim.Firstname, claim.Lastname,
            claim.UserId);
        if (legacy is null) db.Ar24SenderAccounts.Add(row);
        db.Ar24SenderClaims.Remove(claim);
        audit.Record("expediteur.lie", nameof(Ar24SenderAccount), row.Id);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (DbConflicts.IsConflict(e))
        {
            // another firm confirmed the same address at the same moment: the first one holds it
            throw TakenByAnotherFirm();
        }
        return ToDto(row, await FirmEmailAsync(ct));
    }

    /// <summary>
    /// From the admin's own mailbox, and not kept in its Sent Items: only whoever reads the address sees the code.
    /// </summary>
    private async Task SendCodeAsync(string email, string code, CancellationToken ct)
    {
        var firm = await db.Cabinets.Select(c => c.Name).FirstOrDefaultAsync(ct) ?? "votre cabinet";
        var (subject, body) = SenderCodes.Message(firm, email, code);
        await Graph.GraphErrors.CallAsync(async () =>
        {
            await graph.ForUser(actor.Id).Me.SendMail.PostAsync(new Microsoft.Graph.Me.SendMail.SendMailPostRequestBody
            {
                Message = new Microsoft.Graph.Models.Message
                {
                    Subject = subject,
                    Body = new Microsoft.Graph.Models.ItemBody { ContentType = Microsoft.Graph.Models.BodyType.Text,
                        Content = body },
                    ToRecipients = [new Microsoft.Graph.Models.Recipient { EmailAddress =
                        new Microsoft.Graph.Models.EmailAddress { Address = email } }],
                },
                SaveToSentItems = false,
            }, cancellationToken: ct);
            return true;
        }, "Votre boîte aux lettres Microsoft 365 est introuvable : le code n'a pas pu être envoyé.");
    }

    public static SenderDto ToDto(Ar24SenderAccount a, string? firmEmail) => new(a.Id, a.Email, a.UserId, a.Gender,
        a.Firstname, a.Lastname,
        a.State, Ar24SenderStates.Label(a.State), a.StateDetail, a.Ar24UserId, false,
            a.Email == firmEmail?.ToLowerInvariant(),
        a.Origin == Ar24SenderOrigin.Configured);

    private static SenderDto ToDto(Ar24SenderClaim c, string? firmEmail) => new(c.Id, c.Email, c.UserId, c.Gender,
        c.Firstname, c.Lastname,
        null, "Adresse à confirmer", $"Un code a été envoyé à {c.Email} : saisissez-le pour confirmer l'adresse "
            + $"(valable jusqu'au "
        + $"{c.ExpiresAt.ToOffset(TimeSpan.Zero):dd/MM/yyyy HH:mm} UTC).", null, true,
            c.Email == firmEmail?.ToLowerInvariant(), false);

    private Task<string?> FirmEmailAsync(CancellationToken ct)
        => db.Cabinets.Select(c => c.Email).FirstOrDefaultAsync(ct);

    private static DomainException TakenByAnotherFirm() => new("Cette adresse est l'expéditeur AR24 d'un autre "
        + "cabinet : indiquez une adresse "
        + "propre au vôtre, ou contactez l'éditeur si elle vous appartient.", ErrorKind.Conflict);

    private static string ValidEmail(string? value)
    {
        var email = value?.Trim().ToLowerInvariant();
        if (string.IsNullOrEmpty(email)) throw Problem.Validation("email",
            "Indiquez l'adresse électronique de l'expéditeur.");
        if (email.Length > 254 || !(System.Net.Mail.MailAddress.TryCreate(email, out var parsed)
            && parsed.Address == email))
            throw Problem.Validation("email", "Adresse électronique invalide.");
        return email;
    }

    private static string? ValidGender(string? value) => value?.Trim().ToUpperInvariant() switch
    {
        null or "" => null,
        "M" or "MONSIEUR" => "M",
        "F" or "MME" or "MADAME" => "F",
        _ => throw Problem.Validation("gender", "La civilité est « M » (Monsieur) ou « F » (Madame)."),
    };

    private static string? Text(string? value, string field, int max = 100) =>
        string.IsNullOrWhiteSpace(value) ? null
        : value.Trim().Length > max ? throw Problem.Validation(field, $"{max} caractères au plus.") : value.Trim();
}
