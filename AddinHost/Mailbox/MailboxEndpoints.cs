using AddinHost.Infrastructure.Auth;
using AddinHost.Infrastructure.Problems;
using Microsoft.AspNetCore.Http.HttpResults;
using AddinHost.Graph;

namespace AddinHost.Mailbox;

/// <summary>The mailbox side: the open message's case, the debtor's messages, attachments, address links.
/// </summary>
public static class MailboxEndpoints
{
    public static IHostApplicationBuilder AddMailbox(this IHostApplicationBuilder builder)
    {
        builder.AddGraph(); // the Graph adapter, also used by Calendar and the e-mail dispatch
        builder.Services.AddScoped<MessageCaseFinder>();
        builder.Services.AddScoped<AttachmentImport>();
        builder.Services.AddScoped<DebtorMessages>();
        builder.Services.AddScoped<OpenMessage>();
        builder.Services.AddScoped<AddressLinks>();
        return builder;
    }

    public static IEndpointRouteBuilder MapMailbox(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/mailbox").WithTags("Messagerie");
        group.MapGet("/messages/{itemId}/case", FindMessageCase)
            .WithSummary("Le dossier du message ouvert dans Outlook (adresse, domaine, puis numéros de facture)")
            .RequireAuthorization(Policies.Lecture)
            .ProducesErrors(ErrorKind.Invalid, ErrorKind.Unauthenticated, ErrorKind.Forbidden, ErrorKind.NotFound,
                ErrorKind.Unavailable);

        app.MapGet("/api/cases/{id:guid}/messages", ListDebtorMessages)
            .WithTags("Messagerie")
            .WithSummary("Les messages du débiteur depuis la dernière étape, avec les réponses repérées (suggestions)")
            .RequireAuthorization(Policies.Lecture)
            .ProducesErrors(ErrorKind.Unauthenticated, ErrorKind.Forbidden, ErrorKind.NotFound, ErrorKind.Unavailable);

        group.MapPost("/messages/{itemId}/attachments", ImportAttachments)
            .WithSummary("Ranger au dossier les factures PDF jointes au message").RequireAuthorization(Policies.Saisie)
            .ProducesErrors(ErrorKind.Invalid, ErrorKind.Unauthenticated, ErrorKind.Forbidden, ErrorKind.NotFound,
                ErrorKind.Unavailable);

        group.MapPost("/links", LinkAddress)
            .WithSummary("Rattacher l'adresse d'un expéditeur à un débiteur").RequireAuthorization(Policies.Saisie)
            .ProducesErrors(ErrorKind.Invalid, ErrorKind.NotFound, ErrorKind.Conflict);
        return app;
    }

    public static async Task<Results<Ok<MessageCaseDto>, ProblemHttpResult>> FindMessageCase(
        string itemId, OpenMessage message, CancellationToken ct) =>
        TypedResults.Ok(await message.FindCaseAsync(itemId, ct));

    public static async Task<Results<Ok<DebtorMessagesDto>, ProblemHttpResult>> ListDebtorMessages(
        Guid id, DebtorMessages messages, CancellationToken ct) => TypedResults.Ok(await messages.ListAsync(id, ct));

    public static async Task<Results<Ok<IReadOnlyList<ImportedAttachmentDto>>, ProblemHttpResult>> ImportAttachments(
        string itemId, ImportAttachmentsRequest body, AttachmentImport import, CancellationToken ct) =>
        TypedResults.Ok(await import.ImportAsync(itemId, body, ct));

    public static async Task<Results<NoContent, ProblemHttpResult>> LinkAddress(
        LinkAddressRequest body, AddressLinks links, CancellationToken ct)
    {
        await links.LinkAsync(body, ct);
        return TypedResults.NoContent();
    }
}
