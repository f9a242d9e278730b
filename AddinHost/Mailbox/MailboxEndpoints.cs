using AddinHost.Infrastructure.Configuration;
using AddinHost.Infrastructure.Audit;
using AddinHost.Infrastructure.Auth;
using AddinHost.Infrastructure.Data;
using AddinHost.Infrastructure.Problems;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using AddinHost.Cases;
using AddinHost.Graph;

namespace AddinHost.Mailbox;

public static class MailboxEndpoints
{
    public static IHostApplicationBuilder AddMailbox(this IHostApplicationBuilder builder)
    {
        builder.AddGraph(); // the Graph adapter, also used by Calendar and the e-mail dispatch
        builder.Services.AddScoped<MessageCaseFinder>();
        builder.Services.AddScoped<AttachmentImport>();
        builder.Services.AddScoped<DebtorMessages>();
        return builder;
    }

    public static IEndpointRouteBuilder MapMailbox(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/mailbox").WithTags("Messagerie");
        group.MapGet("/messages/{itemId}/case", async (string itemId, GraphClients graph, CurrentActor actor, SharedMailbox shared,
                MessageCaseFinder finder, AuditTrail audit, DunningDbContext db, CancellationToken ct) =>
            {
                if (itemId.Length is 0 or > 512) throw Problem.Validation("itemId", "Identifiant de message invalide : utilisez l'identifiant REST du message (convertToRestId).");
                shared.RequireRead("retrouver le dossier de ce message");
                var mailbox = graph.ForMailbox(actor.Id, shared.Owner);
                var request = mailbox.Client.Me.Messages[itemId].ToGetRequestInformation(r =>
                {
                    r.QueryParameters.Select = ["id", "subject", "from", "receivedDateTime", "body"];
                    r.Headers.Add("Prefer", "outlook.body-content-type=\"text\"");
                });
                var message = await GraphErrors.CallAsync(() => mailbox.SendAsync(request, Microsoft.Graph.Models.Message.CreateFromDiscriminatorValue, ct),
                    shared.Owner is null ? "Ce message est introuvable dans votre boîte aux lettres : il a peut-être été déplacé ou supprimé."
                        : $"Ce message est introuvable dans la boîte {shared.Owner} : il a peut-être été déplacé ou supprimé.", shared.Owner);
                var dto = new MessageDto(message!.Id ?? itemId, message.Subject, message.From?.EmailAddress?.Name, message.From?.EmailAddress?.Address,
                    message.ReceivedDateTime) { Mailbox = shared.Owner };
                var found = await finder.FindAsync(dto, message.Body?.Content, ct);
                // The message itself stays out of the log; a shared mailbox is named (it is the firm's, not a debtor's).
                audit.Record(shared.Owner is null ? "messagerie.dossier-du-message" : "messagerie.dossier-du-message-partage", "Message", (string?)null);
                await db.SaveChangesAsync(ct);
                return TypedResults.Ok(found);
            })
            .WithSummary("Le dossier du message ouvert dans Outlook (adresse, domaine, puis numéros de facture)").RequireAuthorization(Policies.Lecture);

        app.MapGet("/api/cases/{id:guid}/messages", async (Guid id, DebtorMessages messages, CancellationToken ct) =>
                TypedResults.Ok(await messages.ListAsync(id, ct)))
            .WithTags("Messagerie").WithSummary("Les messages du débiteur depuis la dernière étape, avec les réponses repérées (suggestions)")
            .RequireAuthorization(Policies.Lecture);

        group.MapPost("/messages/{itemId}/attachments", async (string itemId, ImportAttachmentsRequest body, AttachmentImport import, CancellationToken ct) =>
                TypedResults.Ok(await import.ImportAsync(itemId, body, ct)))
            .WithSummary("Ranger au dossier les factures PDF jointes au message").RequireAuthorization(Policies.Saisie);

        group.MapPost("/links", async (LinkAddressRequest body, DunningDbContext db, AuditTrail audit, CurrentActor actor, TimeProvider clock, CancellationToken ct) =>
            {
                var address = body.Address?.Trim().ToLowerInvariant();
                if (MessageClues.Domain(address) is null) throw Problem.Validation("address", "Adresse électronique invalide.");
                var debtorId = body.DebtorId ?? throw Problem.Validation("debtorId", "Indiquez le débiteur auquel rattacher l'adresse.");
                if (!await db.Debtors.AnyAsync(d => d.Id == debtorId, ct)) throw DomainException.NotFound("Débiteur");
                var existing = await db.DebtorAddresses.SingleOrDefaultAsync(a => a.Address == address, ct);
                if (existing is not null && existing.DebtorId != debtorId)
                    throw DomainException.Conflict("Cette adresse est déjà rattachée à un autre débiteur.");
                if (existing is null)
                {
                    var link = new DebtorAddress { DebtorId = debtorId, Address = address!, LinkedAt = clock.GetUtcNow(), LinkedBy = actor.Id };
                    db.DebtorAddresses.Add(link);
                    audit.Record("debiteur.adresse-rattachee", nameof(DebtorAddress), link.Id);
                    await db.SaveChangesAsync(ct);
                }
                return TypedResults.NoContent();
            })
            .WithSummary("Rattacher l'adresse d'un expéditeur à un débiteur").RequireAuthorization(Policies.Saisie);
        return app;
    }
}
