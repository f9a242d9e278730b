using System.Net;
using AddinHost.Cases;
using AddinHost.Cases.Planning;
using AddinHost.Dispatch.Outbox;
using AddinHost.Tests.Fixtures;
using Microsoft.Extensions.DependencyInjection;

namespace AddinHost.Tests.Dispatch;

/// <summary>
/// E-mail reminders leave from the lawyer's mailbox through the real Graph SDK and a local Graph server, once, whatever
/// crash or throttling comes in between.
/// </summary>
public abstract class EmailDispatchTests(DbKind kind) : GraphServerTestBase(kind)
{
    private DispatchProcessor Processor => App.Services.GetRequiredService<DispatchProcessor>();

    private Task<DispatchDto> DispatchAsync(Guid id) => Client.DispatchAsync(id);

    /// <summary>The company's first reminder (by e-mail) is due on 30/09/2025.</summary>
    private async Task<(Guid CaseId, DispatchDto Dispatch)> PlanReminderAsync()
    {
        var (_, company, _) = await SeedTypicalAsync();
        var response = await Client.PostJsonAsync($"/api/cases/{company.Id}/dispatches", new { level = 1 });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (company.Id, await response.ReadAsync<DispatchDto>());
    }

    [Fact]
    public async Task A_reminder_leaves_the_lawyers_mailbox_once_and_moves_the_ladder()
    {
        var (caseId, planned) = await PlanReminderAsync();
        Assert.Equal((StepChannel.Email, DispatchState.Planned), (planned.Channel, planned.State));
        // Graph is busy when the draft is made
        Graph.Throttle("POST", "^/v1.0/me/messages$");
        // and again when it is sent: the SDK waits and retries
        Graph.Throttle("POST", "^/v1.0/me/messages/[^/]+/send$");
        while (await Processor.ProcessNextAsync(default)) { }

        var sent = await DispatchAsync(planned.Id);
        Assert.Equal((DispatchState.EmailSent, "Courriel envoyé"), (sent.State, sent.StateLabel));
        Assert.Equal(1, Graph.SentWithMark(planned.Id.ToString()));
        Assert.Equal(2, Graph.Hits("(429)"));
        Assert.Empty(Graph.InFolder("drafts"));
        var message = Graph.InFolder("sentitems").Single();
        Assert.Equal("compta@garage-fontaine.example",
            message["toRecipients"]![0]!["emailAddress"]!["address"]!.GetValue<string>());
        Assert.StartsWith("<p>", message["body"]!["content"]!.GetValue<string>());
        var c = await GetCaseAsync(caseId);
        Assert.Equal("Relance 1", c.Ladder.LastLevelName);
        Assert.Contains(c.History, h => h.Kind == CaseEventKind.EtapeEffectuee && h.Summary.Contains("courriel"));

        Assert.Equal(HttpStatusCode.OK,
            (await Client.PostJsonAsync($"/api/cases/{caseId}/dispatches", new { level = 1 })).StatusCode);
        while (await Processor.ProcessNextAsync(default)) { }
        Assert.Equal(1, Graph.SentWithMark(planned.Id.ToString()));
    }

    [Fact]
    public async Task A_reminder_for_a_represented_debtor_is_mailed_to_its_counsel_with_the_confrere_text()
    {
        var (_, company, _) = await SeedTypicalAsync();
        (await Client.PutJsonAsync($"/api/cases/{company.Id}/counsel",
                new { name = "Maître Paul Girard", email = "p.girard@avocats.example" }))
            .EnsureSuccessStatusCode();
        var planned = await (await Client.PostJsonAsync($"/api/cases/{company.Id}/dispatches", new { level = 1 }))
            .ReadAsync<DispatchDto>();
        while (await Processor.ProcessNextAsync(default)) { }

        Assert.Equal(DispatchState.EmailSent, (await DispatchAsync(planned.Id)).State);
        var message = Graph.InFolder("sentitems").Single();
        Assert.Equal("p.girard@avocats.example",
            message["toRecipients"]![0]!["emailAddress"]!["address"]!.GetValue<string>());
        var body = System.Net.WebUtility.HtmlDecode(message["body"]!["content"]!.GetValue<string>());
        Assert.Contains("Mon cher Confrère", body);
        Assert.DoesNotContain("faculté de consulter un avocat", body);
        Assert.DoesNotContain(Graph.InFolder("sentitems"),
            m => m.ToJsonString().Contains("compta@garage-fontaine.example"));
    }

    [Theory]
    [InlineData("after-sending-recorded")] // nothing made yet: the draft is made and sent
    [InlineData("after-draft")]            // a draft waits: it is sent, not made again
    [InlineData("after-mail-send")]        // sent, but the worker died before saying so: found in Sent Items
    [InlineData("after-lookup")]           // died while verifying: verified again
    public async Task A_crash_at_any_point_of_sendMail_ends_with_exactly_one_message(string point)
    {
        var (_, planned) = await PlanReminderAsync();
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
            Assert.Equal(DispatchState.ToVerify, (await DispatchAsync(planned.Id)).State);
            Assert.Equal(0, Graph.SentWithMark(planned.Id.ToString()));
            App.Clock.Advance(TimeSpan.FromMinutes(10)); // past the grace
            while (await Processor.ProcessNextAsync(default)) { }
        }

        Assert.Equal(DispatchState.EmailSent, (await DispatchAsync(planned.Id)).State);
        Assert.Equal(1, Graph.SentWithMark(planned.Id.ToString()));
        Assert.Empty(Graph.InFolder("drafts")); // no draft left behind
    }

    [Fact]
    public async Task The_reminder_carries_the_invoices_taken_from_the_debtors_messages()
    {
        var (_, company, _) = await SeedTypicalAsync();
        var pdf = AddinHost.Sandbox.SimplePdf.Create(["Facture F-001"]);
        await CaseFiles.AddAsync(App, company.Id, new Dictionary<string, byte[]> { ["F-001.pdf"] = pdf });
        var planned = await (await Client.PostJsonAsync($"/api/cases/{company.Id}/dispatches", new { level = 1 }))
            .ReadAsync<DispatchDto>();
        while (await Processor.ProcessNextAsync(default)) { }
        var message = Graph.InFolder("sentitems").Single();
        var attachment = message["attachments"]![0]!;
        Assert.Equal("F-001.pdf", attachment["name"]!.GetValue<string>());
        Assert.Equal(pdf, Convert.FromBase64String(attachment["contentBytes"]!.GetValue<string>()));
        Assert.Equal(DispatchState.EmailSent, (await DispatchAsync(planned.Id)).State);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("after-draft")]      // the draft is made, its big invoices not yet
    [InlineData("after-attachment")] // one big invoice is on the draft, the other not
    public async Task Invoices_over_3_MB_go_up_in_slices_and_the_message_never_leaves_without_them(string? crashAt)
    {
        var (_, company, _) = await SeedTypicalAsync();
        var files = new Dictionary<string, byte[]>
        {
            ["F-001.pdf"] = AddinHost.Sandbox.SimplePdf.Create(["Facture F-001"]),
            ["F-002-scan.pdf"] = Scan(5_300_000), // over the 3 MB a request may carry: uploaded in two slices
            ["F-003-scan.pdf"] = Scan(3_500_000),
        };
        await CaseFiles.AddAsync(App, company.Id, files);
        var planned = await (await Client.PostJsonAsync($"/api/cases/{company.Id}/dispatches", new { level = 1 }))
            .ReadAsync<DispatchDto>();

        if (crashAt is not null)
        {
            Processor.FaultInjector = p => { if (p == crashAt) throw new SimulatedCrash(p); };
            await Assert.ThrowsAsync<SimulatedCrash>(() => Processor.ProcessNextAsync(default));
            Processor.FaultInjector = null;
            Assert.Empty(Graph.InFolder("sentitems")); // nothing left with an invoice missing
            // past the lease, and the grace before an unsent draft is believed unsent
            App.Clock.Advance(TimeSpan.FromMinutes(15));
        }
        while (await Processor.ProcessNextAsync(default)) { }

        Assert.Equal(DispatchState.EmailSent, (await DispatchAsync(planned.Id)).State);
        var attachments = Graph.InFolder("sentitems").Single()["attachments"]!.AsArray();
        Assert.Equal(files.Keys.Order(), attachments.Select(a => a!["name"]!.GetValue<string>()).Order()); // each once
        foreach (var a in attachments)
            Assert.Equal(files[a!["name"]!.GetValue<string>()],
                Convert.FromBase64String(a["contentBytes"]!.GetValue<string>()));
        Assert.True(Graph.UploadSlices >= 4, $"{Graph.UploadSlices} slices");
        Assert.Equal(0, Graph.UploadsWithAuthorization); // the lawyer's token never goes to the upload URL
        Assert.Empty(Graph.InFolder("drafts"));
    }

    /// <summary>A scanned invoice: a PDF header, then bytes that do not compress.</summary>
    private static byte[] Scan(int size)
    {
        var bytes = new byte[size];
        new Random(size).NextBytes(bytes);
        "%PDF-1.4"u8.CopyTo(bytes);
        return bytes;
    }

    [Fact]
    public async Task A_debtor_without_an_address_cannot_be_sent_an_email()
    {
        var creditor = await CreateCreditorAsync();
        (await Client.PostAsync("/api/import/invoices", SampleFiles.Form(SampleFiles.Csv(
            "Garage Sans Courriel SARL;732829320;;;;;G-1;01/02/2025;03/03/2025;1 000,00;0;professionnel"),
            creditorId: creditor))).EnsureSuccessStatusCode();
        var caseId = (await ListCasesAsync()).Single().Id;
        var problem = await (await Client.PostJsonAsync($"/api/cases/{caseId}/dispatches", new { level = 1 }))
            .ProblemAsync(409);
        Assert.Contains("adresse électronique", problem.GetProperty("detail").GetString());
    }
}

public sealed class EmailDispatchOnSqlite() : EmailDispatchTests(DbKind.Sqlite);
public sealed class EmailDispatchOnPostgres() : EmailDispatchTests(DbKind.Postgres);
