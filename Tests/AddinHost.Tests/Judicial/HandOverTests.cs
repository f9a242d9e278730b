using AddinHost.Cases;
using AddinHost.Infrastructure.Data;
using AddinHost.Judicial.HandOver;
using AddinHost.Proofs;
using AddinHost.Tests.Fixtures;
using Microsoft.Extensions.DependencyInjection;

namespace AddinHost.Tests.Judicial;

/// <summary>
/// The order and the court file handed to a commissaire de justice: one e-mail from the lawyer's mailbox through the
/// real Graph SDK and a local Graph server, sent exactly once whatever crash comes in between, as the e-mail reminders.
/// Garage Fontaine's order was made on 22/09/2025 by the tribunal de commerce de Grenoble (today is 30/09/2025).
/// </summary>
public abstract class HandOverTests(DbKind kind) : GraphServerTestBase(kind)
{
    private HandOverProcessor Processor => App.Services.GetRequiredService<HandOverProcessor>();

    private async Task<(Guid CaseId, Guid CommissaireId, Guid OrderId)> OrderMadeAsync(byte[]? order = null)
    {
        var (_, company, _) = await SeedTypicalAsync();
        var id = company.Id;
        await NoticeScenario.TakeRemindersAsync(Client, id);
        (await Client.PostJsonAsync($"/api/cases/{id}/steps", new { level = 3, date = "2025-09-12" }))
            .EnsureSuccessStatusCode();
        (await Client.PostJsonAsync($"/api/cases/{id}/notice-receipt", new { level = 3, date = "2025-09-14" }))
            .EnsureSuccessStatusCode();
        var root = $"/api/cases/{id}/judiciaire";
        (await Client.PostJsonAsync($"{root}/route", new { route = "InjonctionDePayer" })).EnsureSuccessStatusCode();
        (await Client.PutJsonAsync($"{root}/court",
            new { kind = "TribunalDeCommerce", name = "tribunal de commerce de Grenoble" })).EnsureSuccessStatusCode();
        (await Client.PostJsonAsync($"{root}/events", new { kind = "Depot", on = "2025-09-15" }))
            .EnsureSuccessStatusCode();
        (await Client.PostJsonAsync($"{root}/events", new { kind = "Ordonnance", on = "2025-09-22", outcome = "Totale",
            caseNumber = "2025R01234" })).EnsureSuccessStatusCode();
        var commissaire = await (await Client.PostJsonAsync("/api/commissaires-de-justice",
                new
                {
                    name = "Maître Anne Martin", office = "SELARL Martin, Grenoble", email = "etude@martin-cj.example"
                }))
            .ReadAsync<CommissaireDto>();
        return (id, commissaire.Id,
            await AddOrderAsync(id, order ?? AddinHost.Sandbox.SimplePdf.Create(["Ordonnance"])));
    }

    private async Task<Guid> AddOrderAsync(Guid caseId, byte[] pdf)
    {
        await using var scope = App.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().Set(App.Tenant);
        var db = scope.ServiceProvider.GetRequiredService<DunningDbContext>();
        var doc = new CaseDocument
        {
            CaseId = caseId, FileName = "ordonnance-2025R01234.pdf", Content = pdf, Sha256 = ProofHash.Of(pdf),
            Source = "test", AddedAt = App.Clock.GetUtcNow(),
        };
        db.CaseDocuments.Add(doc);
        await db.SaveChangesAsync();
        return doc.Id;
    }

    private async Task<List<HandOverDto>> HandOversAsync(Guid caseId) =>
        await (await Client.GetAsync($"/api/cases/{caseId}/judiciaire/remises")).ReadAsync<List<HandOverDto>>();

    [Fact]
    public async Task The_firm_keeps_its_commissaires_de_justice()
    {
        await SeedTypicalAsync();
        const string root = "/api/commissaires-de-justice";
        var bad = await (await Client.PostJsonAsync(root,
                new { name = "Maître Anne Martin", email = "pas-une-adresse" }))
            .ProblemAsync(400);
        Assert.Contains("adresse électronique valide", bad.ToString());
        await (await Client.PostJsonAsync(root, new { email = "a@b.example" })).ProblemAsync(400);
        var created = await (await Client.PostJsonAsync(root,
            new { name = "Maître Anne Martin", office = "SELARL Martin", email = "Etude@Martin-CJ.example" }))
            .ReadAsync<CommissaireDto>();
        Assert.Equal("etude@martin-cj.example", created.Email);
        await (await Client.PostJsonAsync(root, new { name = "Autre", email = "etude@martin-cj.example" }))
            .ProblemAsync(409);
        var updated = await (await Client.PutJsonAsync($"{root}/{created.Id}",
            new
            {
                name = "Maître Anne Martin", office = "SELARL Martin & Associés", email = "etude@martin-cj.example"
            }))
            .ReadAsync<CommissaireDto>();
        Assert.Equal("SELARL Martin & Associés", updated.Office);
        Assert.Equal([updated], await (await Client.GetAsync(root)).ReadAsync<List<CommissaireDto>>());
        (await Client.DeleteAsync($"{root}/{created.Id}")).EnsureSuccessStatusCode();
        Assert.Empty(await (await Client.GetAsync(root)).ReadAsync<List<CommissaireDto>>());
        await (await Client.DeleteAsync($"{root}/{created.Id}")).ProblemAsync(404);
    }

    [Fact]
    public async Task The_order_and_the_court_file_leave_once_to_the_commissaire_and_the_history_says_so()
    {
        // A scanned order over 3 MB: it goes up to the draft in slices (upload session).
        var scan = new byte[3_500_000];
        new Random(7).NextBytes(scan);
        "%PDF-1.4"u8.CopyTo(scan);
        var (caseId, commissaireId, orderId) = await OrderMadeAsync(scan);
        var remise = $"/api/cases/{caseId}/judiciaire/remise";
        var candidates = await (await Client.GetAsync($"{remise}/documents")).ReadAsync<List<OrderCandidateDto>>();
        Assert.Equal(orderId, Assert.Single(candidates).Id); // the order, not the invoices
        await (await Client.PostJsonAsync(remise, new { commissaireId })).ProblemAsync(400); // the order is needed
        await (await Client.PostJsonAsync(remise, new { orderDocumentId = orderId })).ProblemAsync(400);
        var planned = await (await Client.PostJsonAsync(remise, new { commissaireId, orderDocumentId = orderId }))
            .ReadAsync<HandOverDto>();
        Assert.Equal(HandOverState.Planned, planned.State);
        await (await Client.PostJsonAsync(remise, new { commissaireId, orderDocumentId = orderId })).ProblemAsync(409);

        while (await Processor.ProcessNextAsync(default)) { }
        Assert.Equal(1, Graph.SentWithMark(planned.Id.ToString()));
        var message = Graph.InFolder("sentitems").Single();
        Assert.Contains("etude@martin-cj.example", message["toRecipients"]!.ToJsonString());
        Assert.Contains("Garage Fontaine", message["subject"]!.GetValue<string>());
        Assert.Contains("22/03/2026", message["body"]!.ToJsonString()); // to serve by (CPC 1411)
        var attachments = message["attachments"]!.AsArray().ToDictionary(a => a!["name"]!.GetValue<string>(),
            a => Convert.FromBase64String(a!["contentBytes"]!.GetValue<string>()));
        Assert.Equal(scan, attachments["ordonnance-2025R01234.pdf"]);
        Assert.Equal(planned.ZipSha256, Convert.ToHexStringLower(
            System.Security.Cryptography.SHA256.HashData(attachments[planned.ZipFileName])));
        Assert.Empty(Graph.InFolder("drafts"));

        var shown = Assert.Single(await HandOversAsync(caseId));
        Assert.Equal(HandOverState.Sent, shown.State);
        Assert.Contains((await GetCaseAsync(caseId)).History, h => h.Summary.Contains("Ordonnance et dossier remis à " +
            "Maître Anne Martin (etude@martin-cj.example) pour signification"));
        await (await Client.PostJsonAsync(remise, new { commissaireId, orderDocumentId = orderId })).ProblemAsync(409);
        Assert.Equal(1, Graph.SentWithMark(planned.Id.ToString()));
    }

    [Theory]
    [InlineData("after-sending-recorded")] // nothing made yet: the draft is made and sent
    [InlineData("after-draft")]            // a draft waits: it is sent, not made again
    [InlineData("after-mail-send")]        // sent, but the worker died before saying so: found in Sent Items
    [InlineData("after-lookup")]           // died while verifying: verified again
    public async Task A_crash_at_any_point_ends_with_exactly_one_hand_over_email(string point)
    {
        var (caseId, commissaireId, orderId) = await OrderMadeAsync();
        var planned = await (await Client.PostJsonAsync($"/api/cases/{caseId}/judiciaire/remise",
            new { commissaireId, orderDocumentId = orderId })).ReadAsync<HandOverDto>();
        var crashes = point == "after-lookup" ? 2 : 1;
        Processor.FaultInjector = p =>
        {
            if (p == point || (point == "after-lookup" && p == "after-mail-send")) throw new SimulatedCrash(p);
        };
        for (var i = 0; i < crashes; i++)
        {
            await Assert.ThrowsAsync<SimulatedCrash>(() => Processor.ProcessNextAsync(default));
            App.Clock.Advance(TimeSpan.FromMinutes(5)); // the dead worker's lease expires
        }
        Processor.FaultInjector = null;
        while (await Processor.ProcessNextAsync(default)) { }
        if (point is "after-sending-recorded" or "after-draft")
        {
            // Not in Outbox or Sent Items, but a send Exchange accepted may still be on its way: nothing is sent yet.
            Assert.Equal(HandOverState.ToVerify, Assert.Single(await HandOversAsync(caseId)).State);
            Assert.Equal(0, Graph.SentWithMark(planned.Id.ToString()));
            App.Clock.Advance(TimeSpan.FromMinutes(10)); // past the grace
            while (await Processor.ProcessNextAsync(default)) { }
        }

        Assert.Equal(HandOverState.Sent, Assert.Single(await HandOversAsync(caseId)).State);
        Assert.Equal(1, Graph.SentWithMark(planned.Id.ToString()));
        Assert.Empty(Graph.InFolder("drafts")); // no draft left behind
        Assert.Single((await GetCaseAsync(caseId)).History, h => h.Summary.StartsWith("Ordonnance et dossier remis",
            StringComparison.Ordinal));
    }
}

public sealed class HandOverOnSqlite() : HandOverTests(DbKind.Sqlite);
public sealed class HandOverOnPostgres() : HandOverTests(DbKind.Postgres);
