using System.Net;
using System.Text.Json;
using AddinHost.Cases;
using AddinHost.Dispatch.Outbox;
using AddinHost.Tests.Fixtures;
using Microsoft.Extensions.DependencyInjection;

namespace AddinHost.Tests.Dispatch;

/// <summary>
/// The outbox through the real host, database and AR24 simulator: a mise en demeure is sent once, and a crash at
/// any point of the path ends with exactly one mail at AR24.
/// </summary>
public abstract class DispatchOutboxTests(DbKind kind) : ApiTestBase(kind)
{
    private DispatchProcessor Processor => App.Services.GetRequiredService<DispatchProcessor>();

    /// <summary>A company case whose next step, the mise en demeure by ERE, is due today (30/09/2025).</summary>
    private async Task<Guid> CaseReadyForNoticeAsync()
    {
        await NoticeScenario.SetCabinetAsync(Client);
        var (_, company, _) = await SeedTypicalAsync();
        await NoticeScenario.TakeRemindersAsync(Client, company.Id);
        return company.Id;
    }

    private Task<int> MailsAtAr24Async(Guid dispatchId) => Client.MailsAtAr24Async(dispatchId);

    private Task<DispatchDto> DispatchAsync(Guid id) => Client.DispatchAsync(id);

    [Fact]
    public async Task A_notice_is_sent_once_and_asking_again_returns_the_same_dispatch()
    {
        var caseId = await CaseReadyForNoticeAsync();
        var response = await Client.PostJsonAsync($"/api/cases/{caseId}/dispatches", new { level = 3 });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var planned = await response.ReadAsync<DispatchDto>();
        Assert.Equal((DispatchState.Planned, "Planifié"), (planned.State, planned.StateLabel));

        Assert.True(await Processor.ProcessNextAsync(default));  // sent
        Assert.True(await Processor.ProcessNextAsync(default));  // followed once: the deposit proof is filed
        Assert.False(await Processor.ProcessNextAsync(default)); // then it waits for the next look-up
        var sent = await DispatchAsync(planned.Id);
        Assert.Equal(DispatchState.Deposited, sent.State);
        Assert.NotNull(sent.ProviderMailId);
        Assert.Equal(1, await MailsAtAr24Async(planned.Id));

        var again = await Client.PostJsonAsync($"/api/cases/{caseId}/dispatches", new { level = 3 });
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(planned.Id, (await again.ReadAsync<DispatchDto>()).Id);
        Assert.False(await Processor.ProcessNextAsync(default));
        Assert.Equal(1, await MailsAtAr24Async(planned.Id));

        var c = await GetCaseAsync(caseId);
        Assert.Equal("Mise en demeure", c.Ladder.LastLevelName); // the ladder moved on
        Assert.Contains(c.History,
            h => h.Kind == CaseEventKind.EtapeEffectuee && h.Summary.Contains("déposée chez AR24"));
    }

    [Fact]
    public async Task Two_clicks_at_once_plan_one_dispatch_and_leave_one_letter()
    {
        var caseId = await CaseReadyForNoticeAsync();
        // Both requests find no dispatch and render their PDF; one PDF at a time per user (Pdf:PerUser), so the
        // second commits after the first and meets the unique step index: its letter must go with its refusal.
        var clicks = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ =>
            Client.PostJsonAsync($"/api/cases/{caseId}/dispatches", new { level = 3 })));
        var dispatches = await Task.WhenAll(clicks.Select(r => r.ReadAsync<DispatchDto>()));
        Assert.Single(dispatches.Select(d => d.Id).Distinct());
        Assert.Single(clicks, r => r.StatusCode == HttpStatusCode.Created);
        var letters = await (await Client.GetAsync($"/api/cases/{caseId}/letters"))
            .ReadAsync<List<AddinHost.Letters.LetterService.GeneratedLetterDto>>();
        Assert.Equal(dispatches[0].LetterId, Assert.Single(letters).Id);
        var history = (await GetCaseAsync(caseId)).History;
        Assert.Single(history, h => h.Kind == CaseEventKind.CourrierGenere);
        Assert.Single(history, h => h.Kind == CaseEventKind.EnvoiPlanifie);
    }

    [Fact]
    public async Task The_evidence_bundle_holds_the_letter_as_sent_and_a_manifest_of_matching_hashes()
    {
        var caseId = await CaseReadyForNoticeAsync();
        var dispatch = await (await Client.PostJsonAsync($"/api/cases/{caseId}/dispatches", new { level = 3 }))
            .ReadAsync<DispatchDto>();
        while (await Processor.ProcessNextAsync(default)) { }

        var response = await Client.GetAsync($"/api/cases/{caseId}/evidence");
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        using var zip = new System.IO.Compression.ZipArchive(await response.Content.ReadAsStreamAsync());
        var root = JsonDocument.Parse(zip.GetEntry("manifest.json")!.Open()).RootElement;
        Assert.Contains("SIMULATION",
            root.GetProperty("simulation").GetString()); // the simulator's proofs never pass for real ones
        var manifest = root.GetProperty("pieces").EnumerateArray().ToList();
        // One convention for courts and opponents: French camelCase keys, the manifest's and each piece's.
        Assert.Equal(["dossier", "genereLe", "pieces", "simulation"],
            root.EnumerateObject().Select(p => p.Name).Order());
        Assert.Equal(["chemin", "classeLe", "envoi", "nature", "octets", "sha256"],
            manifest[0].EnumerateObject().Select(p => p.Name).Order());
        Assert.Equal(["depot", "envoi", "lettre"], manifest.Select(p => p.GetProperty("nature").GetString()).Order());
        var letter = manifest.Single(p => p.GetProperty("nature").GetString() == "lettre");
        Assert.Equal(dispatch.LetterSha256,
            letter.GetProperty("sha256").GetString()); // the exact bytes generated are the ones filed
        using var bytes = new MemoryStream();
        await zip.GetEntry(letter.GetProperty("chemin").GetString()!)!.Open().CopyToAsync(bytes);
        Assert.Equal(letter.GetProperty("sha256").GetString(), AddinHost.Proofs.ProofHash.Of(bytes.ToArray()));
        Assert.StartsWith("%PDF", System.Text.Encoding.ASCII.GetString(bytes.ToArray(), 0, 4));
        foreach (var piece in manifest)
        {
            using var content = new MemoryStream();
            await zip.GetEntry(piece.GetProperty("chemin").GetString()!)!.Open().CopyToAsync(content);
            Assert.Equal(piece.GetProperty("sha256").GetString(), AddinHost.Proofs.ProofHash.Of(content.ToArray()));
        }
    }

    /// <summary>Two invoice PDFs in the case, as the debtor's messages bring them.</summary>
    private async Task<Dictionary<string, byte[]>> AddInvoiceFilesAsync(Guid caseId)
    {
        var files = new Dictionary<string, byte[]>
        {
            ["F-001.pdf"] = AddinHost.Sandbox.SimplePdf.Create(["Facture F-001"]),
            ["F-002.pdf"] = AddinHost.Sandbox.SimplePdf.Create(["Facture F-002"]),
        };
        await CaseFiles.AddAsync(App, caseId, files);
        return files;
    }

    private async Task<List<string>> AttachmentsAtAr24Async(Guid dispatchId)
    {
        var state = JsonDocument.Parse(
            await (await Client.GetAsync("/sandbox/ar24/_state")).Content.ReadAsStringAsync()).RootElement;
        var mail = state.GetProperty("mails").EnumerateArray()
            .Single(m => m.GetProperty("ref_client").GetString() == dispatchId.ToString());
        return state.GetProperty("attachments").GetProperty(mail.GetProperty("id").GetInt64().ToString())
            .EnumerateArray().Select(a => a.GetString()!).ToList();
    }

    [Theory]
    [InlineData(null)]
    // the mail left with its invoices and the worker died: found again at AR24, the same annexes are filed
    [InlineData("after-send")]
    public async Task The_mise_en_demeure_carries_the_invoices_and_the_evidence_keeps_them_as_sent(string? crashAt)
    {
        var caseId = await CaseReadyForNoticeAsync();
        var invoices = await AddInvoiceFilesAsync(caseId);
        var dispatch = await (await Client.PostJsonAsync($"/api/cases/{caseId}/dispatches", new { level = 3 }))
            .ReadAsync<DispatchDto>();
        if (crashAt is not null)
        {
            Processor.FaultInjector = p => { if (p == crashAt) throw new SimulatedCrash(p); };
            await Assert.ThrowsAsync<SimulatedCrash>(() => Processor.ProcessNextAsync(default));
            Processor.FaultInjector = null;
            App.Clock.Advance(TimeSpan.FromMinutes(5));
            // Meanwhile another invoice reaches the case: it was not sent, so it is no annex of this letter.
            await CaseFiles.AddAsync(App, caseId, new Dictionary<string, byte[]>
            {
                ["F-000-avoir.pdf"] = AddinHost.Sandbox.SimplePdf.Create(["Avoir F-000"])
            });
        }
        while (await Processor.ProcessNextAsync(default)) { }

        Assert.Equal(DispatchState.Deposited, (await DispatchAsync(dispatch.Id)).State);
        Assert.Equal(1, await MailsAtAr24Async(dispatch.Id));
        var sent = await AttachmentsAtAr24Async(dispatch.Id);
        Assert.Equal(3, sent.Count); // the letter, then each invoice
        Assert.Equal(["F-001.pdf", "F-002.pdf"], sent.Skip(1));

        using var zip = new System.IO.Compression.ZipArchive(
            await (await Client.GetAsync($"/api/cases/{caseId}/evidence")).Content.ReadAsStreamAsync());
        var pieces = JsonDocument.Parse(zip.GetEntry("manifest.json")!.Open()).RootElement.GetProperty("pieces")
            .EnumerateArray().ToList();
        Assert.Equal(["annexe-1", "annexe-2", "depot", "envoi", "lettre"],
            pieces.Select(p => p.GetProperty("nature").GetString()).Order());
        Assert.Equal(AddinHost.Proofs.ProofHash.Of(invoices["F-001.pdf"]),
            pieces.Single(p => p.GetProperty("nature").GetString() == "annexe-1").GetProperty("sha256").GetString());
        Assert.Equal(AddinHost.Proofs.ProofHash.Of(invoices["F-002.pdf"]),
            pieces.Single(p => p.GetProperty("nature").GetString() == "annexe-2").GetProperty("sha256").GetString());
    }

    [Fact]
    public async Task A_step_whose_policy_does_not_join_the_invoices_sends_the_letter_alone()
    {
        var caseId = await CaseReadyForNoticeAsync();
        await AddInvoiceFilesAsync(caseId);
        var policy = System.Text.Json.Nodes.JsonNode.Parse(
            await (await Client.GetAsync("/api/policies")).Content.ReadAsStringAsync())!;
        policy["levels"]![3]!["attachInvoices"] = false;
        (await Client.PutAsync("/api/policies",
            new StringContent(policy.ToJsonString(), System.Text.Encoding.UTF8, "application/json")))
            .EnsureSuccessStatusCode();

        var dispatch = await (await Client.PostJsonAsync($"/api/cases/{caseId}/dispatches", new { level = 3 }))
            .ReadAsync<DispatchDto>();
        while (await Processor.ProcessNextAsync(default)) { }

        Assert.Single(await AttachmentsAtAr24Async(dispatch.Id));
        using var zip = new System.IO.Compression.ZipArchive(
            await (await Client.GetAsync($"/api/cases/{caseId}/evidence")).Content.ReadAsStreamAsync());
        Assert.DoesNotContain(zip.Entries, e => e.FullName.Contains("annexe", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("compta@garage.example", DispatchState.Accepted, "reception", 2)]
    [InlineData("refus@garage.example", DispatchState.Refused, "refus", 2)]
    [InlineData("negligence@garage.example", DispatchState.Negligence, "negligence", 16)]
    [InlineData("npai@garage.example", DispatchState.Bounced, "non-distribution", 1)]
    public async Task The_recipients_reaction_is_followed_and_its_proof_filed(
        string email, DispatchState outcome, string proof, int days)
    {
        await NoticeScenario.SetCabinetAsync(Client);
        var creditor = await CreateCreditorAsync();
        (await Client.PostAsync("/api/import/invoices", SampleFiles.Form(SampleFiles.Csv(
            $"Garage Fontaine SARL;732829320;{email};;;;F-9;01/02/2025;03/03/2025;1 000,00;0;professionnel"),
            creditorId: creditor))).EnsureSuccessStatusCode();
        var caseId = (await ListCasesAsync()).Single().Id;
        await NoticeScenario.TakeRemindersAsync(Client, caseId);
        var dispatch = await (await Client.PostJsonAsync($"/api/cases/{caseId}/dispatches", new { level = 3 }))
            .ReadAsync<DispatchDto>();
        while (await Processor.ProcessNextAsync(default)) { }
        Assert.Equal(DispatchState.Deposited, (await DispatchAsync(dispatch.Id)).State);

        App.Clock.Advance(TimeSpan.FromDays(days)); // the recipient acts; no webhook: the poller finds out
        while (await Processor.ProcessNextAsync(default)) { }
        Assert.Equal(outcome, (await DispatchAsync(dispatch.Id)).State);

        using var zip = new System.IO.Compression.ZipArchive(
            await (await Client.GetAsync($"/api/cases/{caseId}/evidence")).Content.ReadAsStreamAsync());
        Assert.Contains(zip.Entries, e => e.FullName.EndsWith($"/{proof}.pdf"));
        var history = (await GetCaseAsync(caseId)).History;
        Assert.Contains(history, h => h.Kind == CaseEventKind.EnvoiSuivi);
        // Accepted, refused or neglected, a mise en demeure has reached its debtor in law (Cass. 1re civ., 20 janv.
        // 2021, n° 19-20.680): it starts interest and its deadline on that day; a bounce reaches nobody.
        var receipt = history.SingleOrDefault(h => h.Kind == CaseEventKind.MiseEnDemeureRecue);
        Assert.Equal(outcome != DispatchState.Bounced, receipt is not null);
        if (receipt is not null)
            Assert.Equal(new DateOnly(2025, 9, 30).AddDays(outcome == DispatchState.Negligence ? 15 : 1),
                receipt.EffectiveOn);
        Assert.Equal(1, await MailsAtAr24Async(dispatch.Id));
    }

    [Theory]
    [InlineData("after-sending-recorded", 1)]
    [InlineData("before-send", 1)]
    [InlineData("after-send", 1)]
    public async Task A_crash_at_any_point_ends_with_exactly_one_mail(string point, int expectedMails)
    {
        var caseId = await CaseReadyForNoticeAsync();
        var dispatch = await (await Client.PostJsonAsync($"/api/cases/{caseId}/dispatches", new { level = 3 }))
            .ReadAsync<DispatchDto>();

        Processor.FaultInjector = p => { if (p == point) throw new SimulatedCrash(p); };
        await Assert.ThrowsAsync<SimulatedCrash>(() => Processor.ProcessNextAsync(default));
        Processor.FaultInjector = null;
        Assert.Equal(DispatchState.Sending, (await DispatchAsync(dispatch.Id)).State);
        Assert.False(await Processor.ProcessNextAsync(default)); // the dead worker's lease still holds

        App.Clock.Advance(TimeSpan.FromMinutes(5)); // the lease expires: another worker takes over
        while (await Processor.ProcessNextAsync(default)) { }
        if (point != "after-send")
        {
            // AR24 does not list it, but a cut-off request may still be turning into a mail there: nothing is sent yet.
            Assert.Equal(DispatchState.ToVerify, (await DispatchAsync(dispatch.Id)).State);
            Assert.Equal(0, await MailsAtAr24Async(dispatch.Id));
            App.Clock.Advance(TimeSpan.FromMinutes(10)); // past the grace: "not found" is believed, and the letter goes
            while (await Processor.ProcessNextAsync(default)) { }
        }
        Assert.Equal(DispatchState.Deposited, (await DispatchAsync(dispatch.Id)).State);
        Assert.Equal(expectedMails, await MailsAtAr24Async(dispatch.Id));
    }

    [Theory]
    [InlineData("maintenance")]   // AR24 says so: nothing was recorded
    [InlineData("lost")]          // AR24 recorded the mail, but its reply never arrived
    [InlineData("lost,maintenance")]
    public async Task A_provider_fault_during_the_send_ends_with_exactly_one_mail(string faults)
    {
        var caseId = await CaseReadyForNoticeAsync();
        Assert.Equal(HttpStatusCode.NoContent,
            (await Client.PostJsonAsync("/sandbox/ar24/_faults", faults.Split(','))).StatusCode);
        var dispatch = await (await Client.PostJsonAsync($"/api/cases/{caseId}/dispatches", new { level = 3 }))
            .ReadAsync<DispatchDto>();

        for (var round = 0; round < 20 && (await DispatchAsync(dispatch.Id)).State != DispatchState.Deposited; round++)
        {
            while (await Processor.ProcessNextAsync(default)) { }
            // past the back-off of "À vérifier", and in the end past the grace before "not found"
            App.Clock.Advance(TimeSpan.FromMinutes(1));
        }
        Assert.Equal(DispatchState.Deposited, (await DispatchAsync(dispatch.Id)).State);
        Assert.Equal(1, await MailsAtAr24Async(dispatch.Id));
        await (await Client.PostJsonAsync("/sandbox/ar24/_faults", new[] { "coupure" })).ProblemAsync(400);
    }

    [Fact]
    public async Task Only_the_due_registered_step_of_a_case_can_be_sent()
    {
        var caseId = await CaseReadyForNoticeAsync();
        await (await Client.PostJsonAsync($"/api/cases/{caseId}/dispatches", new { level = 4 })).ProblemAsync(409);
        await (await Client.PostJsonAsync($"/api/cases/{caseId}/dispatches", new { })).ProblemAsync(400);
        await (await Client.PostJsonAsync($"/api/cases/{Guid.NewGuid()}/dispatches", new { level = 3 }))
            .ProblemAsync(404);
        var consumer = (await ListCasesAsync()).Single(c => c.Debtor == "Mme Claire Dubois");
        var relance = await (await Client.PostJsonAsync($"/api/cases/{consumer.Id}/dispatches", new { level = 1 }))
            .ReadAsync<DispatchDto>();
        // an e-mail step goes from the mailbox, not through AR24
        Assert.Equal(AddinHost.Cases.Planning.StepChannel.Email, relance.Channel);
        await (await Client.GetAsync($"/api/dispatches/{Guid.NewGuid()}")).ProblemAsync(404);
    }
}

public sealed class DispatchOutboxOnSqlite() : DispatchOutboxTests(DbKind.Sqlite);
public sealed class DispatchOutboxOnPostgres() : DispatchOutboxTests(DbKind.Postgres);
