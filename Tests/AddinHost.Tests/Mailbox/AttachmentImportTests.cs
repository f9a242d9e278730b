using AddinHost.Mailbox;
using AddinHost.Tests.Fixtures;

namespace AddinHost.Tests.Mailbox;

/// <summary>Invoice PDFs attached to a message are taken into the case once, through the real Graph SDK.</summary>
public abstract class AttachmentImportTests(DbKind kind) : GraphServerTestBase(kind)
{
    [Fact]
    public async Task The_invoice_pdfs_of_a_message_join_the_case_once_and_other_files_are_explained()
    {
        var (_, company, _) = await SeedTypicalAsync();
        var pdf = AddinHost.Sandbox.SimplePdf.Create(["Facture F-001"]);
        Graph.AddMessage("m-pj", "compta@garage-fontaine.example", "Nos factures", "Ci-joint.");
        Graph.Attachments["m-pj"] =
            [("F-001.pdf", "application/pdf", pdf), ("photo.png", "image/png", [0x89, 0x50, 0x4E, 0x47, 1, 2, 3])];

        await (await Client.PostJsonAsync("/api/mailbox/messages/m-pj/attachments", new { })).ProblemAsync(400);
        var first = await (await Client.PostJsonAsync("/api/mailbox/messages/m-pj/attachments",
                new { caseId = company.Id }))
            .ReadAsync<List<ImportedAttachmentDto>>();
        var invoice = first.Single(a => a.FileName == "F-001.pdf");
        Assert.True(invoice.Imported);
        Assert.Equal("F-001", invoice.InvoiceNumber);
        Assert.Equal(AddinHost.Proofs.ProofHash.Of(pdf), invoice.Sha256);
        Assert.Contains("PDF", first.Single(a => a.FileName == "photo.png").Reason);

        var again = await (await Client.PostJsonAsync("/api/mailbox/messages/m-pj/attachments",
                new { caseId = company.Id }))
            .ReadAsync<List<ImportedAttachmentDto>>();
        Assert.Equal("Déjà au dossier.", again.Single(a => a.FileName == "F-001.pdf").Reason);
        await (await Client.PostJsonAsync("/api/mailbox/messages/absent/attachments", new { caseId = company.Id }))
            .ProblemAsync(404);
    }
}

public sealed class AttachmentImportOnSqlite() : AttachmentImportTests(DbKind.Sqlite);
public sealed class AttachmentImportOnPostgres() : AttachmentImportTests(DbKind.Postgres);
