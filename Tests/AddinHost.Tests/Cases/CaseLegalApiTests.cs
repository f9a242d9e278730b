using AddinHost.Cases;
using AddinHost.Cases.Money;
using AddinHost.Dispatch.Outbox;
using AddinHost.Sandbox;
using AddinHost.Tests.Fixtures;
using AddinHost.Tests.Letters;
using Microsoft.Extensions.DependencyInjection;

namespace AddinHost.Tests.Cases;

/// <summary>
/// A case's legal data through the real host, database and AR24 simulator. Today is 30/09/2025. The imported file
/// (SampleFiles.TypicalCsv): Garage Fontaine SARL owes F-001 (1 200,00 due 03/03/2025) and F-002 (2 400,50 due
/// 14/04/2025, 400,50 paid on it on 30/09); Mme Claire Dubois, a consumer, owes F-003 (960,00 issued 10/01, due 09/02).
/// </summary>
public abstract class CaseLegalApiTests(DbKind kind) : ApiTestBase(kind)
{
    private DispatchProcessor Processor => App.Services.GetRequiredService<DispatchProcessor>();

    private async Task<string> AuditAsync() => await (await Client.GetAsync("/api/audit")).Content.ReadAsStringAsync();

    [Fact]
    public async Task The_kinds_of_both_parties_decide_the_regime_and_a_bad_kind_is_refused_in_french()
    {
        var (_, company, consumer) = await SeedTypicalAsync();
        // An association without professional activity owes legal interest from a notice, not L.441-10 penalties.
        (await Client.PutJsonAsync($"/api/cases/{company.Id}/parties", new { debtorKind = "NonProfessionnel" }))
            .EnsureSuccessStatusCode();
        var c = await GetCaseAsync(company.Id);
        Assert.Equal((0m, 0m, LegalBasis.ConsumerRegime), (c.Amounts!.Interest, c.Amounts.Indemnity, c.Amounts.Regime));
        Assert.Equal(DebtorKind.NonProfessionnel, c.Legal!.DebtorKind);
        Assert.Equal("NonProfessionnel", c.Debtor.Quality);
        Assert.Contains(c.History,
            h => h.Kind == CaseEventKind.FicheJuridique && h.Summary.Contains("non-professionnel"));

        // A creditor who is not a professional: the consumer's two years of L.218-2 no longer apply (five years, 2224).
        (await Client.PutJsonAsync($"/api/cases/{consumer.Id}/parties", new { creditorKind = "NonProfessionnel" }))
            .EnsureSuccessStatusCode();
        Assert.Equal(new DateOnly(2030, 2, 9),
            (await GetCaseAsync(consumer.Id)).Prescription!.Deadline); // due 09/02/2025 + 5 y

        var empty = await (await Client.PutJsonAsync($"/api/cases/{company.Id}/parties", new { })).ProblemAsync(400);
        Assert.Contains("Professionnel, Consommateur ou NonProfessionnel",
            empty.GetProperty("errors").GetProperty("debtorKind")[0].GetString());
        await (await Client.PutJsonAsync($"/api/cases/{company.Id}/parties", new { debtorKind = "Societe" }))
            .ProblemAsync(400);
        var audit = await AuditAsync();
        Assert.Contains("debiteur.type", audit);
        Assert.Contains("creancier.type", audit);
    }

    [Fact]
    public async Task No_letter_leaves_for_a_clients_debtor_until_the_client_consents_to_the_contact()
    {
        await NoticeScenario.SetCabinetAsync(Client);
        var creditor = (await (await Client.PostJsonAsync("/api/creditors",
                new { name = "Client sans accord", kind = "Client" }))
            .ReadAsync<CreditorEndpoints.CreditorDto>()).Id;
        (await Client.PostAsync("/api/import/invoices",
            SampleFiles.Form(SampleFiles.TypicalCsv("N"), creditorId: creditor))).EnsureSuccessStatusCode();
        var company = (await ListCasesAsync()).Single(c => c.Debtor == "Garage Fontaine SARL");
        await NoticeScenario.TakeRemindersAsync(Client, company.Id);

        var refused = await (await Client.GetAsync($"/api/cases/{company.Id}/dispatches/next")).ProblemAsync(409);
        Assert.Contains("RIN art. 8.2", refused.GetProperty("detail").GetString());
        await (await Client.PostJsonAsync($"/api/cases/{company.Id}/dispatches", new { level = 3 })).ProblemAsync(409);
        Assert.Contains((await GetCaseAsync(company.Id)).Warnings, w => w.Code == "accord-client");

        await (await Client.PutJsonAsync($"/api/cases/{company.Id}/contact-consent", new { })).ProblemAsync(400);
        await (await Client.PutJsonAsync($"/api/cases/{company.Id}/contact-consent",
            new { consents = true, on = "2025-10-01" })).ProblemAsync(400);
        (await Client.PutJsonAsync($"/api/cases/{company.Id}/contact-consent",
                new { consents = true, on = "2025-09-29", evidence = "courriel du client" }))
            .EnsureSuccessStatusCode();
        var c = await GetCaseAsync(company.Id);
        Assert.Equal((new DateOnly(2025, 9, 29), false),
            (c.Legal!.ContactConsentOn, c.Legal.ContactConsentForAllDebtors));
        Assert.DoesNotContain(c.Warnings, w => w.Code == "accord-client");
        (await Client.GetAsync($"/api/cases/{company.Id}/dispatches/next")).EnsureSuccessStatusCode();
        Assert.Contains("dossier.accord-client", await AuditAsync());
    }

    [Fact]
    public async Task A_represented_debtor_receives_nothing_every_step_goes_to_its_counsel()
    {
        await NoticeScenario.SetCabinetAsync(Client);
        var (_, company, _) = await SeedTypicalAsync();
        await (await Client.PutJsonAsync($"/api/cases/{company.Id}/counsel",
            new { email = "p.girard@avocats.example" })).ProblemAsync(400);
        await (await Client.PutJsonAsync($"/api/cases/{company.Id}/counsel",
            new { name = "Maître Paul Girard", email = "pas une adresse" })).ProblemAsync(400);
        await (await Client.PutJsonAsync($"/api/cases/{company.Id}/counsel", new { name = "Maître Paul Girard" }))
            .ProblemAsync(400); // nowhere to write
        (await Client.PutJsonAsync($"/api/cases/{company.Id}/counsel",
            new { name = "Maître Paul Girard", email = "p.girard@avocats.example",
            address = "9 quai Jean Moulin", postalCode = "69001", city = "Lyon" })).EnsureSuccessStatusCode();
        await NoticeScenario.TakeRemindersAsync(Client, company.Id);

        var next = await (await Client.GetAsync($"/api/cases/{company.Id}/dispatches/next"))
            .ReadAsync<DispatchPreview>();
        Assert.Contains("Maître Paul Girard", next.Choice.Explanation);
        var dispatch = await (await Client.PostJsonAsync($"/api/cases/{company.Id}/dispatches", new { level = 3 }))
            .ReadAsync<DispatchDto>();
        while (await Processor.ProcessNextAsync(default)) { }
        Assert.Equal(DispatchState.Deposited, (await Client.DispatchAsync(dispatch.Id)).State);

        var mails = App.Services.GetRequiredService<Ar24SandboxState>().Mails.Values.ToList();
        Assert.Equal(["p.girard@avocats.example"], mails.Select(m => m.ToEmail));
        var letter = await PdfText.ReadAsync(
            await (await Client.GetAsync($"/api/dispatches/{dispatch.Id}/letter")).Content.ReadAsByteArrayAsync());
        Assert.Contains("OFFICIELLE", letter);
        Assert.Contains("Maître Paul Girard", letter);
        Assert.Contains("Mon cher Confrère", letter);
        Assert.DoesNotContain("faculté de consulter un avocat", letter);
        Assert.Contains((await GetCaseAsync(company.Id)).Warnings, w => w.Code == "conseil");
        var audit = await AuditAsync();
        Assert.Contains("dossier.conseil", audit);
        Assert.DoesNotContain("Girard", audit);

        Assert.Equal(System.Net.HttpStatusCode.NoContent,
            (await Client.DeleteAsync($"/api/cases/{company.Id}/counsel")).StatusCode);
        await (await Client.DeleteAsync($"/api/cases/{company.Id}/counsel")).ProblemAsync(409);
    }

    [Fact]
    public async Task A_letter_prepared_for_the_debtor_does_not_leave_once_a_counsel_is_recorded()
    {
        await NoticeScenario.SetCabinetAsync(Client);
        var (_, company, _) = await SeedTypicalAsync();
        await NoticeScenario.TakeRemindersAsync(Client, company.Id);
        var dispatch = await (await Client.PostJsonAsync($"/api/cases/{company.Id}/dispatches", new { level = 3 }))
            .ReadAsync<DispatchDto>();
        (await Client.PutJsonAsync($"/api/cases/{company.Id}/counsel",
                new { name = "Maître Paul Girard", email = "p.girard@avocats.example" }))
            .EnsureSuccessStatusCode();
        while (await Processor.ProcessNextAsync(default)) { }

        var failed = await Client.DispatchAsync(dispatch.Id);
        Assert.Equal(DispatchState.Failed, failed.State);
        Assert.Contains("représenté", failed.FailureReason);
        Assert.Empty(App.Services.GetRequiredService<Ar24SandboxState>().Mails);

        // Sent again, the step is written anew for the counsel, a professional named in person, and leaves once.
        var retried = await (await Client.PostJsonAsync($"/api/cases/{company.Id}/dispatches", new { level = 3 }))
            .ReadAsync<DispatchDto>();
        Assert.Equal((dispatch.Id, DispatchState.Planned), (retried.Id, retried.State));
        Assert.NotEqual(dispatch.LetterId, retried.LetterId);
        while (await Processor.ProcessNextAsync(default)) { }
        Assert.Equal(DispatchState.Deposited, (await Client.DispatchAsync(dispatch.Id)).State);
        var mail = Assert.Single(await SandboxMails.ForAsync(Client, dispatch.Id));
        Assert.Equal(("p.girard@avocats.example", "Paul", "Girard", "Maître Paul Girard", "professionnel"),
            (mail.GetProperty("to_email").GetString(), mail.GetProperty("to_firstname").GetString(),
                mail.GetProperty("to_lastname").GetString(), mail.GetProperty("to_company").GetString(),
                mail.GetProperty("dest_statut").GetString()));
    }

    [Fact]
    public async Task A_letter_to_print_for_the_debtor_is_not_posted_once_a_counsel_is_recorded_and_is_written_anew()
    {
        await NoticeScenario.SetCabinetAsync(Client);
        var (_, _, consumer) = await SeedTypicalAsync(); // Mme Dubois never consented to registered e-mail: the post
        await NoticeScenario.TakeRemindersAsync(Client, consumer.Id);
        var toPrint = await (await Client.PostJsonAsync($"/api/cases/{consumer.Id}/dispatches", new { level = 3 }))
            .ReadAsync<DispatchDto>();
        Assert.Equal(DispatchState.ToPrint, toPrint.State);
        (await Client.PutJsonAsync($"/api/cases/{consumer.Id}/counsel",
            new
            {
                name = "Maître Paul Girard", address = "3 quai Saint-Antoine", postalCode = "69002", city = "Lyon"
            }))
            .EnsureSuccessStatusCode();

        var refused = await (await Client.PostJsonAsync($"/api/dispatches/{toPrint.Id}/posting",
            new { trackingNumber = "1A01234567890" })).ProblemAsync(409);
        Assert.Contains("représenté", refused.GetProperty("detail").GetString());
        var failed = await Client.DispatchAsync(toPrint.Id);
        Assert.Equal((DispatchState.Failed, (string?)null), (failed.State, failed.TrackingNumber));

        var again = await (await Client.PostJsonAsync($"/api/cases/{consumer.Id}/dispatches", new { level = 3 }))
            .ReadAsync<DispatchDto>();
        Assert.Equal((toPrint.Id, DispatchState.ToPrint), (again.Id, again.State));
        Assert.NotEqual(toPrint.LetterId, again.LetterId);
        Assert.Equal(System.Net.HttpStatusCode.OK, (await Client.PostJsonAsync($"/api/dispatches/{toPrint.Id}/posting",
            new { trackingNumber = "1A01234567890" })).StatusCode);
    }

    [Fact]
    public async Task A_posted_notice_takes_effect_on_its_first_presentation_and_legal_interest_runs_from_the_next_day()
    {
        await NoticeScenario.SetCabinetAsync(Client);
        var (_, _, consumer) = await SeedTypicalAsync(); // Mme Dubois, a consumer who never consented: the post
        await NoticeScenario.TakeRemindersAsync(Client, consumer.Id);
        var letter = await (await Client.PostJsonAsync($"/api/cases/{consumer.Id}/dispatches", new { level = 3 }))
            .ReadAsync<DispatchDto>();
        (await Client.PostJsonAsync($"/api/dispatches/{letter.Id}/posting",
            new { trackingNumber = "1A01234567890", postedOn = "2025-09-30" })).EnsureSuccessStatusCode();
        var posted = await GetCaseAsync(consumer.Id);
        Assert.Null(posted.Legal!.NoticeReceivedOn); // posted is not received: no legal interest yet (C. civ. 1344-1)
        Assert.Equal(0m, posted.Amounts!.Interest);

        App.Clock.Advance(TimeSpan.FromDays(10)); // today 10/10/2025
        await (await Client.PostJsonAsync($"/api/dispatches/{letter.Id}/presentation",
            new { presentedOn = "2025-10-11" })).ProblemAsync(400); // not in the future
        await (await Client.PostJsonAsync($"/api/dispatches/{letter.Id}/presentation",
            new { presentedOn = "2025-09-29" })).ProblemAsync(400); // not before the posting
        (await Client.PostJsonAsync($"/api/dispatches/{letter.Id}/presentation",
            new { presentedOn = "2025-10-03" })).EnsureSuccessStatusCode();
        await (await Client.PostJsonAsync($"/api/dispatches/{letter.Id}/presentation",
            new { presentedOn = "2025-10-03" })).ProblemAsync(409); // recorded once

        // Presented 03/10 (the notice stands even if not collected): interest from 04/10 to 10/10 inclusive, 7 days,
        // on the 960,00 € of F-003.
        var received = await GetCaseAsync(consumer.Id);
        Assert.Equal(new DateOnly(2025, 10, 3), received.Legal!.NoticeReceivedOn);
        var periods = received.Invoices.Single(i => i.Number == "F-003").Periods;
        Assert.Equal((new DateOnly(2025, 10, 4), new DateOnly(2025, 10, 10), 7),
            (periods.First().From, periods.Last().To, periods.Sum(p => p.Days)));
        Assert.All(periods, p => Assert.Equal(960.00m, p.Principal));
        Assert.True(received.Amounts!.Interest > 0m);
    }

    [Fact]
    public async Task A_notice_lists_an_invoice_paid_late_with_what_is_left_of_it_and_its_40_euros_of_indemnity()
    {
        await NoticeScenario.PutIdentityAsync(Client);
        var creditor = await CreateCreditorAsync();
        const string garage = "Garage Fontaine SARL;732829320;compta@garage-fontaine.example;61 avenue Alsace-Lorraine;"
            + "38000;Grenoble";
        (await Client.PostAsync("/api/import/invoices", SampleFiles.Form(SampleFiles.Csv(
            $"{garage};P-001;01/02/2025;03/03/2025;1 200,00;0,00;professionnel",
            $"{garage};P-002;01/03/2025;31/03/2025;500,00;500,00;professionnel"), creditorId: creditor)))
            .EnsureSuccessStatusCode();
        var id = (await ListCasesAsync()).Single().Id;

        var response = await Client.PostJsonAsync($"/api/cases/{id}/letters/preview",
            new { template = "mise-en-demeure", format = "docx" });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        var docx = await response.Content.ReadAsByteArrayAsync();
        var rows = Docx.Parts(docx)["body"].Descendants(Docx.Wn + "tr")
            .Select(r => string.Join("|", r.Descendants(Docx.Wn + "p").Select(Docx.Text)).Replace('\u00a0', ' ')
                .Replace('\u202f', ' '))
            .ToList();
        // P-002: 500,00 € due 31/03/2025, 500,00 € paid on the import day (30/09/2025), 183 days late: the payment
        // goes to the penalties first (C. civ. 1343-1): 500 × 13,15 % × 91/365 = 16,39 (01/04–30/06) + 500 ×
        // 12,15 % × 92/365 = 15,31 (01/07–30/09) = 31,70 €, so 31,70 € of principal is left; and the 40 € indemnity
        // (D.441-5) is claimed: the invoice is in the table, not only in the totals.
        var paidLate = rows.First(r => r.StartsWith("P-002|01/03/2025|31/03/2025|", StringComparison.Ordinal));
        Assert.StartsWith("P-002|01/03/2025|31/03/2025|500,00 €|31,70 €|", paidLate);
        Assert.EndsWith("|40,00 €", paidLate);
    }

    [Fact]
    public async Task An_earlier_step_names_the_invoices_it_covered_and_not_one_imported_after_it()
    {
        await NoticeScenario.PutIdentityAsync(Client);
        var (creditor, company, _) = await SeedTypicalAsync();
        await NoticeScenario.TakeRemindersAsync(Client, company.Id); // steps of 01/09 and 10/09: F-001 and F-002
        (await Client.PostAsync("/api/import/invoices", SampleFiles.Form(SampleFiles.Csv(
            "Garage Fontaine SARL;732829320;compta@garage-fontaine.example;61 avenue Alsace-Lorraine;38000;Grenoble;"
            + "F-009;12/09/2025;26/09/2025;300,00;0,00;professionnel"), creditorId: creditor)))
            .EnsureSuccessStatusCode();

        var response = await Client.PostJsonAsync($"/api/cases/{company.Id}/letters/preview",
            new { template = "mise-en-demeure", format = "docx" });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        var lines = Docx.Paragraphs(await response.Content.ReadAsByteArrayAsync())
            .Select(p => p.Replace('\u00a0', ' ')).ToList();
        var steps = lines.Where(l => l.StartsWith("— ", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, steps.Count);
        Assert.All(steps, l => Assert.EndsWith("(factures visées : F-001, F-002)", l));
        Assert.Contains(lines, l => l.Contains("F-009", StringComparison.Ordinal)); // claimed, in the table
    }

    [Fact]
    public async Task An_acknowledgement_restarts_prescription_only_for_the_invoices_it_names()
    {
        var (_, company, _) = await SeedTypicalAsync();
        var before = await GetCaseAsync(company.Id);
        var f1 = before.Invoices.Single(i => i.Number == "F-001");
        // F-001: due 03/03/2025 + 5 y; F-002: the 400,50 paid on it on 30/09/2025 restarted it, to 30/09/2030.
        Assert.Equal((new DateOnly(2030, 3, 3), new DateOnly(2030, 9, 30)),
            (f1.PrescriptionDeadline, before.Invoices.Single(i => i.Number == "F-002").PrescriptionDeadline));
        Assert.Equal((new DateOnly(2030, 3, 3), "F-001"),
            (before.Prescription!.Deadline, before.Prescription.InvoiceNumber));

        await (await Client.PostJsonAsync($"/api/cases/{company.Id}/acknowledgements",
            new { date = "2025-06-01", invoiceIds = new[] { Guid.NewGuid() } })).ProblemAsync(400);
        // issued 15/03: it cannot be in an acknowledgement of 01/03
        var later = before.Invoices.Single(i => i.Number == "F-002").Id;
        await (await Client.PostJsonAsync($"/api/cases/{company.Id}/acknowledgements",
            new { date = "2025-03-01", invoiceIds = new[] { later } })).ProblemAsync(400);
        var ack = await (await Client.PostJsonAsync($"/api/cases/{company.Id}/acknowledgements",
                new { date = "2025-06-01", invoiceIds = new[] { f1.Id } }))
            .ReadAsync<AcknowledgementDto>();
        Assert.Equal(["F-001"], ack.InvoiceNumbers);

        var after = await GetCaseAsync(company.Id);
        Assert.Equal(new DateOnly(2030, 6, 1),
            after.Invoices.Single(i => i.Number == "F-001").PrescriptionDeadline); // restarted 01/06/2025
        Assert.Equal(new DateOnly(2030, 9, 30),
            after.Invoices.Single(i => i.Number == "F-002").PrescriptionDeadline); // untouched
        Assert.Contains(after.History,
            h => h.Kind == CaseEventKind.ReconnaissanceDeDette && h.Summary.Contains("pour la facture F-001"));
    }

    [Fact]
    public async Task The_completion_date_of_a_consumers_service_starts_prescription_and_clears_the_warning()
    {
        var (_, _, consumer) = await SeedTypicalAsync();
        var before = await GetCaseAsync(consumer.Id);
        var invoice = before.Invoices.Single();
        Assert.True(invoice.PrescriptionMayBeEarlier);

        await (await Client.PutJsonAsync($"/api/cases/{consumer.Id}/invoices/{invoice.Id}/completion", new { }))
            .ProblemAsync(400);
        await (await Client.PutJsonAsync($"/api/cases/{consumer.Id}/invoices/{invoice.Id}/completion",
            new { completedOn = "2025-10-01" })).ProblemAsync(400);
        await (await Client.PutJsonAsync($"/api/cases/{consumer.Id}/invoices/{Guid.NewGuid()}/completion",
            new { completedOn = "2025-01-05" })).ProblemAsync(404);
        (await Client.PutJsonAsync($"/api/cases/{consumer.Id}/invoices/{invoice.Id}/completion",
            new { completedOn = "2025-01-05" })).EnsureSuccessStatusCode();

        var after = await GetCaseAsync(consumer.Id);
        Assert.Equal((new DateOnly(2027, 1, 5), false),
            (after.Prescription!.Deadline, after.Prescription.MayBeEarlier)); // completed 05/01/2025 + 2 y
        Assert.Equal(new DateOnly(2025, 1, 5), after.Invoices.Single().CompletedOn);
        Assert.DoesNotContain(after.Warnings, w => w.Code == "date-achevement");
        Assert.Contains("facture.achevement", await AuditAsync());
    }

    [Fact]
    public async Task A_reminder_marked_as_an_interpellation_suffisante_starts_legal_interest_from_its_receipt()
    {
        var (_, _, consumer) = await SeedTypicalAsync();
        (await Client.PostJsonAsync($"/api/cases/{consumer.Id}/steps", new { level = 2, date = "2025-06-01" }))
            .EnsureSuccessStatusCode();
        await (await Client.PostJsonAsync($"/api/cases/{consumer.Id}/interpellations", new { level = 1 }))
            .ProblemAsync(400); // not taken
        await (await Client.PostJsonAsync($"/api/cases/{consumer.Id}/interpellations", new { level = 3 }))
            .ProblemAsync(400); // the notice itself
        await (await Client.PostJsonAsync($"/api/cases/{consumer.Id}/interpellations",
            new { level = 2, receivedOn = "2025-05-30" })).ProblemAsync(400); // before it was sent
        (await Client.PostJsonAsync($"/api/cases/{consumer.Id}/interpellations",
            new { level = 2, receivedOn = "2025-06-03" })).EnsureSuccessStatusCode();
        await (await Client.PostJsonAsync($"/api/cases/{consumer.Id}/interpellations", new { level = 2 }))
            .ProblemAsync(409);

        var c = await GetCaseAsync(consumer.Id);
        // From 04/06: 27 d × 3,71 % on 960 = 2,6346 ; 01/07–30/09: 92 d × 2,76 % = 6,6784.
        Assert.Equal((2.63m + 6.68m, new DateOnly(2025, 6, 3)), (c.Amounts!.Interest, c.Legal!.NoticeReceivedOn));
        Assert.Equal([2], c.Legal.InterpellationLevels);
        Assert.Null(c.Amounts.Note);
    }

    [Fact]
    public async Task
        An_accepted_reminder_does_not_start_legal_interest_unless_the_lawyer_marks_it_as_an_interpellation()
    {
        await NoticeScenario.SetCabinetAsync(Client);
        var (_, _, consumer) = await SeedTypicalAsync();
        var policy = System.Text.Json.Nodes.JsonNode.Parse(
            await (await Client.GetAsync("/api/policies")).Content.ReadAsStringAsync())!;
        policy["levels"]![2]!["channel"] = "Ere"; // relance 2 by ERE
        (await Client.PutAsync("/api/policies",
            new StringContent(policy.ToJsonString(), System.Text.Encoding.UTF8, "application/json")))
            .EnsureSuccessStatusCode();
        (await Client.PutJsonAsync($"/api/cases/{consumer.Id}/debtor/consent", new { consents = true }))
            .EnsureSuccessStatusCode();
        (await Client.PostJsonAsync($"/api/cases/{consumer.Id}/steps", new { level = 1, date = "2025-09-01" }))
            .EnsureSuccessStatusCode();
        var dispatch = await (await Client.PostJsonAsync($"/api/cases/{consumer.Id}/dispatches", new { level = 2 }))
            .ReadAsync<DispatchDto>();
        while (await Processor.ProcessNextAsync(default)) { }
        App.Clock.Advance(TimeSpan.FromDays(2)); // accepted on 01/10/2025
        while (await Processor.ProcessNextAsync(default)) { }
        Assert.Equal(DispatchState.Accepted, (await Client.DispatchAsync(dispatch.Id)).State);

        var accepted = await GetCaseAsync(consumer.Id);
        Assert.Contains(accepted.History,
            h => h.Kind == CaseEventKind.CourrierRecu && h.Level == 2 && h.EffectiveOn == new DateOnly(2025, 10, 1));
        Assert.DoesNotContain(accepted.History, h => h.Kind == CaseEventKind.MiseEnDemeureRecue);
        Assert.Equal(0m, accepted.Amounts!.Interest); // a reminder is not a mise en demeure
        Assert.NotNull(accepted.Amounts.Note);

        (await Client.PostJsonAsync($"/api/cases/{consumer.Id}/interpellations", new { level = 2 }))
            .EnsureSuccessStatusCode();
        var marked = await GetCaseAsync(consumer.Id);
        // From 02/10 to today 02/10/2025: 1 d × 2,76 % on 960 = 0,0726.
        Assert.Equal((0.07m, new DateOnly(2025, 10, 1)), (marked.Amounts!.Interest, marked.Legal!.NoticeReceivedOn));
    }

    [Fact]
    public async Task The_fee_agreement_is_recorded_for_the_firms_own_fees_only_and_its_absence_is_flagged()
    {
        var (_, clientCase, _) = await SeedTypicalAsync(); // a client's invoices: no fee agreement of the firm's
        var firm = (await (await Client.PostJsonAsync("/api/creditors",
                new { name = "Cabinet Delaunay", kind = "Cabinet" }))
            .ReadAsync<CreditorEndpoints.CreditorDto>()).Id;
        (await Client.PostAsync("/api/import/invoices",
            SampleFiles.Form(SampleFiles.TypicalCsv("HON"), creditorId: firm))).EnsureSuccessStatusCode();
        var fees = (await ListCasesAsync())
            .Single(c => c.Creditor == "Cabinet Delaunay" && c.Debtor == "Garage Fontaine SARL");
        Assert.Contains((await GetCaseAsync(fees.Id)).Warnings, w => w.Code == "convention-honoraires");
        Assert.DoesNotContain((await GetCaseAsync(fees.Id)).Warnings,
            w => w.Code == "accord-client"); // the firm's own client

        await (await Client.PutJsonAsync($"/api/cases/{fees.Id}/fee-agreement", new { })).ProblemAsync(400);
        await (await Client.PutJsonAsync($"/api/cases/{fees.Id}/fee-agreement",
            new { signedOn = "2025-01-10", exemption = "Urgence" })).ProblemAsync(400);
        (await Client.PutJsonAsync($"/api/cases/{fees.Id}/fee-agreement",
            new { signedOn = "2025-01-10", reference = "CH-2025-001" })).EnsureSuccessStatusCode();
        var c = await GetCaseAsync(fees.Id);
        Assert.Equal((new DateOnly(2025, 1, 10), "CH-2025-001"),
            (c.Legal!.FeeAgreement.SignedOn, c.Legal.FeeAgreement.Reference));
        Assert.DoesNotContain(c.Warnings, w => w.Code == "convention-honoraires");

        await (await Client.PutJsonAsync($"/api/cases/{clientCase.Id}/fee-agreement", new { signedOn = "2025-01-10" }))
            .ProblemAsync(409);
        Assert.Contains("dossier.convention-honoraires", await AuditAsync());
    }

    [Fact]
    public async Task The_court_named_for_the_referee_follows_the_lawyers_choice_and_the_experimental_courts()
    {
        var (_, company, _) = await SeedTypicalAsync();
        Assert.Equal(("tribunal de commerce compétent", "873"),
            ((await GetCaseAsync(company.Id)).Legal!.Court.Name,
                (await GetCaseAsync(company.Id)).Legal!.Court.RefereArticle));
        (await Client.PutJsonAsync($"/api/cases/{company.Id}/court", new { city = "Lyon" })).EnsureSuccessStatusCode();
        Assert.Equal("tribunal des activités économiques de Lyon",
            (await GetCaseAsync(company.Id)).Legal!.Court.Name); // a TAE since 1 January 2025
        (await Client.PutJsonAsync($"/api/cases/{company.Id}/court",
            new { kind = "TribunalJudiciaire", city = "Grenoble" })).EnsureSuccessStatusCode();
        var preview = await Client.PostJsonAsync($"/api/cases/{company.Id}/letters/preview",
            new { template = "mise-en-demeure" });
        var body = string.Join("\n", Docx.Paragraphs(await preview.Content.ReadAsByteArrayAsync()))
            .Replace('\u00a0', ' ');
        Assert.Contains("président du tribunal judiciaire de Grenoble (article 835 du même code)", body);
        await (await Client.PutJsonAsync($"/api/cases/{company.Id}/court", new { city = new string('x', 101) }))
            .ProblemAsync(400);
    }
}

public sealed class CaseLegalApiOnSqlite() : CaseLegalApiTests(DbKind.Sqlite);
public sealed class CaseLegalApiOnPostgres() : CaseLegalApiTests(DbKind.Postgres);
