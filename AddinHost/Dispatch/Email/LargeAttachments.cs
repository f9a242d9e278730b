using AddinHost.Cases;
using Microsoft.Graph;
using Microsoft.Graph.Models;
using Microsoft.Graph.Me.Messages.Item.Attachments.CreateUploadSession;
using AddinHost.Graph;

namespace AddinHost.Dispatch.Email;

/// <summary>
/// Attachments over Graph's 3 MB request limit, added to a draft through upload sessions (the SDK's large-file task, in
/// slices). Completing is idempotent: what the draft already holds is not uploaded again, so a crash mid-way is mended
/// by the next attempt, and the message never leaves without its invoices.
/// </summary>
public sealed class LargeAttachments(GraphMailbox mailbox, Action<string> fault)
{
    /// <summary>Graph's limit for one attachment through an upload session.</summary>
    public const long MaxSize = 150L * 1024 * 1024;

    // A multiple of 320 KiB, as Graph requires, under its 4 MiB per slice.
    private const int SliceSize = 10 * 320 * 1024;

    public async Task CompleteAsync(string messageId, IReadOnlyList<CaseDocument> files, CancellationToken ct)
    {
        var draft = mailbox.Client.Me.Messages[messageId];
        var present = (await mailbox.SendAsync(draft.Attachments.ToGetRequestInformation(r
            => r.QueryParameters.Select = ["name", "size"]),
                AttachmentCollectionResponse.CreateFromDiscriminatorValue, ct))?.Value?
            .Select(a => a.Name).ToHashSet(StringComparer.Ordinal) ?? [];
        foreach (var file in files.Where(f => !present.Contains(f.FileName)))
        {
            var session = await mailbox.SendAsync(
                draft.Attachments.CreateUploadSession.ToPostRequestInformation(new CreateUploadSessionPostRequestBody
            {
                AttachmentItem = new AttachmentItem { AttachmentType = AttachmentType.File, Name = file.FileName,
                    Size = file.Content.LongLength, ContentType = file.ContentType },
            }), UploadSession.CreateFromDiscriminatorValue, ct);
            using var content = new MemoryStream(file.Content, writable: false);
            var upload = new LargeFileUploadTask<FileAttachment>(session, content, SliceSize,
                mailbox.Client.RequestAdapter);
            var result = await upload.UploadAsync(cancellationToken: ct);
            if (!result.UploadSucceeded)
                throw new InvalidOperationException("Graph did not confirm an attachment upload.");
            fault("after-attachment");
        }
    }
}
