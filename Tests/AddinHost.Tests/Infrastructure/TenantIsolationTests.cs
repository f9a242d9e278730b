using System.Net;
using System.Net.Http.Json;
using AddinHost.Cases;
using AddinHost.Tests.Fixtures;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace AddinHost.Tests.Infrastructure;

/// <summary>
/// Two firms on one database: firm A tries every endpoint on firm B's ids and must neither see nor change
/// anything. The endpoint list is read from the running host, so a new endpoint fails this test until covered.
/// </summary>
public abstract class TenantIsolationTests(DbKind kind) : ApiTestBase(kind)
{
    private DunningApp _appB = null!;
    private HttpClient _b = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _appB = App.ForTenant("cabinet-b");
        _b = _appB.CreateClient();
    }

    public override async Task DisposeAsync()
    {
        await _appB.DisposeAsync();
        await base.DisposeAsync();
    }

    [Fact]
    public async Task A_user_of_firm_A_can_neither_read_nor_change_anything_of_firm_B()
    {
        var (creditorB, caseB, _) = await SeedTypicalAsync("B", _b);
        var detailsB = await GetCaseAsync(caseB.Id, client: _b);
        var invoiceB = detailsB.Invoices[0].Id;
        await NoticeScenario.SetCabinetAsync(_b, "b@cabinet-b.example"); // B's identity and its active AR24 sender
        var senderB = (await (await _b.GetAsync("/api/ar24/senders"))
            .ReadAsync<List<AddinHost.Dispatch.Senders.SenderDto>>()).Single().Id;
        await NoticeScenario.TakeRemindersAsync(_b, caseB.Id);
        var dispatchB = (await (await _b.PostJsonAsync($"/api/cases/{caseB.Id}/dispatches", new { level = 3 }))
            .ReadAsync<AddinHost.Dispatch.Outbox.DispatchDto>()).Id;
        var batchB = (await (await _b.PostJsonAsync("/api/batches",
                new { items = new[] { new { caseId = caseB.Id, level = 3 } } }))
            .ReadAsync<AddinHost.Dispatch.Batches.BatchDto>()).Id;
        var pauseB = (await (await _b.PostJsonAsync($"/api/cases/{caseB.Id}/pauses",
                new { kind = "Litige", reason = "contestation" }))
            .ReadAsync<PauseDto>()).Id;
        (await _b.PutJsonAsync("/api/rates",
                new { kind = "LegalAutre", year = 2026, half = 2, ratePercent = 9.99m, source = "B" }))
            .EnsureSuccessStatusCode();
        var policyB = await (await _b.GetAsync("/api/policies")).Content.ReadAsStringAsync();
        var letterB = (await (await _b.PostJsonAsync($"/api/cases/{caseB.Id}/letters", new { template = "relance-2" }))
            .ReadAsync<AddinHost.Letters.LetterService.GeneratedLetterDto>()).Id;
        (await _b.PutJsonAsync("/api/shared-mailboxes/recouvrement@cabinet-b.example",
                new { calendar = "Proprietaire" }))
            .EnsureSuccessStatusCode();
        var commissaireB = (await (await _b.PostJsonAsync("/api/commissaires-de-justice",
                new { name = "Maître Huissier B", office = "Étude B", email = "etude@commissaire-b.example" }))
            .ReadAsync<AddinHost.Judicial.HandOver.CommissaireDto>()).Id;
        var beforeB = await Snapshot(caseB.Id);

        var a = Client;
        var covered = new HashSet<string>();
        async Task<HttpResponseMessage> Call(string method, string pattern, string url, HttpContent? body = null)
        {
            covered.Add($"{method} {pattern}");
            return await a.SendAsync(new HttpRequestMessage(new HttpMethod(method), url) { Content = body });
        }
        HttpContent Json(object o) => JsonContent.Create(o, options: DunningApp.Json);

        // A case typed by A can never land under B's creditor.
        var typed = await (await Call("POST", "/api/cases", "/api/cases", Json(new
        {
            creditorId = creditorB, debtor = new { name = "Débiteur saisi SARL", kind = "Professionnel" },
            invoices = new[]
            {
                new { number = "S-1", issueDate = "2025-06-01", dueDate = "2025-07-01", amountTtc = 100m }
            },
        }))).ProblemAsync(400);
        Assert.Contains("Créancier inconnu", typed.GetProperty("errors").GetProperty("creditorId")[0].GetString());

        // Reads of B's ids are 404; lists and reports of A never mention B.
        Assert.Equal(HttpStatusCode.NotFound,
            (await Call("GET", "/api/cases/{id:guid}", $"/api/cases/{caseB.Id}")).StatusCode);
        var lists = new[]
        {
            await Call("GET", "/api/cases", "/api/cases"),
            await Call("GET", "/api/creditors", "/api/creditors"),
            await Call("GET", "/api/reports/aging", "/api/reports/aging"),
            await Call("GET", "/api/reports/dso", "/api/reports/dso"),
            await Call("GET", "/api/audit", "/api/audit"),
            await Call("GET", "/api/rates", "/api/rates"),
            await Call("GET", "/api/policies", "/api/policies"),
            await Call("GET", "/api/batches/due", "/api/batches/due"),
        };
        foreach (var response in lists)
        {
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(response.IsSuccessStatusCode, text);
            Assert.DoesNotContain(caseB.Id.ToString(), text);
            Assert.DoesNotContain(caseB.Reference, text);
            Assert.DoesNotContain(creditorB.ToString(), text);
            Assert.DoesNotContain("Garage Fontaine", text);
            Assert.DoesNotContain("9.99", text);
        }

        // A batch naming B's case is refused: the case is unknown to A.
        var foreignBatch = await Call("POST", "/api/batches", "/api/batches",
            Json(new { items = new[] { new { caseId = caseB.Id, level = 3 } } }));
        Assert.Contains("Dossier inconnu", (await foreignBatch.ProblemAsync(400)).GetProperty("errors").ToString());
        // Nor can A read or change anything of B's by its id: payments, pauses, steps, letters, dispatches and their
        // proofs, batches; B's legal file (parties, consent, counsel, fee agreement, court, completion,
        // interpellation, presentation); the judicial phase.
        foreach (var (method, pattern, url, body) in new (string, string, string, object?)[]
                 {
                     ("POST", "/api/cases/{id:guid}/payments", $"/api/cases/{caseB.Id}/payments",
                         new { amount = 10m, invoiceId = invoiceB }),
                     ("POST", "/api/cases/{id:guid}/pauses", $"/api/cases/{caseB.Id}/pauses",
                         new { kind = "Suspension" }),
                     ("DELETE", "/api/cases/{id:guid}/pauses/{pauseId:guid}", $"/api/cases/{caseB.Id}/pauses/{pauseB}",
                         null),
                     ("POST", "/api/cases/{id:guid}/acknowledgements", $"/api/cases/{caseB.Id}/acknowledgements",
                         new { date = "2025-06-01" }),
                     ("POST", "/api/cases/{id:guid}/steps", $"/api/cases/{caseB.Id}/steps", new { level = 1 }),
                     ("POST", "/api/cases/{id:guid}/notice-receipt", $"/api/cases/{caseB.Id}/notice-receipt",
                         new { date = "2025-06-01" }),
                     ("PUT", "/api/cases/{id:guid}/debtor/consent", $"/api/cases/{caseB.Id}/debtor/consent",
                         new { consents = true }),
                     ("POST", "/api/cases/{id:guid}/letters/preview", $"/api/cases/{caseB.Id}/letters/preview",
                         new { template = "relance-1" }),
                     ("POST", "/api/cases/{id:guid}/letters", $"/api/cases/{caseB.Id}/letters",
                         new { template = "relance-1" }),
                     ("POST", "/api/cases/{id:guid}/dispatches", $"/api/cases/{caseB.Id}/dispatches",
                         new { level = 3 }),
                     ("GET", "/api/dispatches/{id:guid}", $"/api/dispatches/{dispatchB}", null),
                     ("GET", "/api/batches/{id:guid}", $"/api/batches/{batchB}", null),
                     ("GET", "/api/batches/{id:guid}/events", $"/api/batches/{batchB}/events", null),
                     ("GET", "/api/cases/{id:guid}/dispatches/next", $"/api/cases/{caseB.Id}/dispatches/next", null),
                     ("GET", "/api/cases/{id:guid}/dispatches", $"/api/cases/{caseB.Id}/dispatches", null),
                     ("GET", "/api/dispatches/{id:guid}/letter", $"/api/dispatches/{dispatchB}/letter", null),
                     ("GET", "/api/dispatches/{id:guid}/proofs/{kind}", $"/api/dispatches/{dispatchB}/proofs/lettre",
                         null),
                     ("POST", "/api/dispatches/{id:guid}/posting", $"/api/dispatches/{dispatchB}/posting",
                         new { trackingNumber = "RR123456785FR" }),
                     ("GET", "/api/cases/{id:guid}/evidence", $"/api/cases/{caseB.Id}/evidence", null),
                     ("PUT", "/api/cases/{id:guid}/parties", $"/api/cases/{caseB.Id}/parties",
                         new { debtorKind = "Consommateur" }),
                     ("PUT", "/api/cases/{id:guid}/contact-consent", $"/api/cases/{caseB.Id}/contact-consent",
                         new { consents = false }),
                     ("PUT", "/api/cases/{id:guid}/counsel", $"/api/cases/{caseB.Id}/counsel",
                         new { name = "Maître A", email = "a@cabinet-a.example" }),
                     ("DELETE", "/api/cases/{id:guid}/counsel", $"/api/cases/{caseB.Id}/counsel", null),
                     ("PUT", "/api/cases/{id:guid}/fee-agreement", $"/api/cases/{caseB.Id}/fee-agreement",
                         new { signedOn = "2025-01-01" }),
                     ("PUT", "/api/cases/{id:guid}/court", $"/api/cases/{caseB.Id}/court", new { city = "Lyon" }),
                     ("PUT", "/api/cases/{id:guid}/invoices/{invoiceId:guid}/completion",
                         $"/api/cases/{caseB.Id}/invoices/{invoiceB}/completion",
                         new { completedOn = "2025-01-01" }),
                     ("POST", "/api/cases/{id:guid}/interpellations", $"/api/cases/{caseB.Id}/interpellations",
                         new { level = 1 }),
                     ("POST", "/api/dispatches/{id:guid}/presentation", $"/api/dispatches/{dispatchB}/presentation",
                         new { presentedOn = "2025-10-01" }),
                     // The judicial phase (AddinHost/Judicial).
                     ("GET", "/api/cases/{id:guid}/judiciaire", $"/api/cases/{caseB.Id}/judiciaire", null),
                     ("POST", "/api/cases/{id:guid}/judiciaire/route", $"/api/cases/{caseB.Id}/judiciaire/route",
                         new { route = "InjonctionDePayer" }),
                     ("PUT", "/api/cases/{id:guid}/judiciaire/situation", $"/api/cases/{caseB.Id}/judiciaire/situation",
                         new { nature = "Civile" }),
                     ("PUT", "/api/cases/{id:guid}/judiciaire/court", $"/api/cases/{caseB.Id}/judiciaire/court",
                         new { kind = "TribunalJudiciaire", name = "tribunal judiciaire de Lyon" }),
                     ("POST", "/api/cases/{id:guid}/judiciaire/events", $"/api/cases/{caseB.Id}/judiciaire/events",
                         new { kind = "Depot", on = "2025-09-15" }),
                     ("POST", "/api/cases/{id:guid}/judiciaire/requete", $"/api/cases/{caseB.Id}/judiciaire/requete",
                         new { format = "docx" }),
                     ("GET", "/api/cases/{id:guid}/judiciaire/dossier", $"/api/cases/{caseB.Id}/judiciaire/dossier",
                         null),
                     ("POST", "/api/cases/{id:guid}/judiciaire/remise", $"/api/cases/{caseB.Id}/judiciaire/remise",
                         new { commissaireId = commissaireB, orderDocumentId = Guid.NewGuid() }),
                     ("GET", "/api/cases/{id:guid}/judiciaire/remises", $"/api/cases/{caseB.Id}/judiciaire/remises",
                         null),
                     ("GET", "/api/cases/{id:guid}/judiciaire/remise/documents",
                         $"/api/cases/{caseB.Id}/judiciaire/remise/documents", null),
                     ("POST", "/api/cases/{id:guid}/judiciaire/petites-creances",
                         $"/api/cases/{caseB.Id}/judiciaire/petites-creances",
                         new { kind = "Invitation", on = "2025-09-15" }),
                     ("POST", "/api/cases/{id:guid}/judiciaire/petites-creances/invitation",
                         $"/api/cases/{caseB.Id}/judiciaire/petites-creances/invitation",
                         new { commissaireId = commissaireB }),
                     // B's commissaires de justice are B's alone.
                     ("PUT", "/api/commissaires-de-justice/{id:guid}",
                         $"/api/commissaires-de-justice/{commissaireB}",
                         new { name = "Maître A", office = "Étude A", email = "etude@commissaire-a.example" }),
                     ("DELETE", "/api/commissaires-de-justice/{id:guid}",
                         $"/api/commissaires-de-justice/{commissaireB}", null),
                 })
            Assert.Equal(HttpStatusCode.NotFound,
                (await Call(method, pattern, url, body is null ? null : Json(body))).StatusCode);
        Assert.DoesNotContain("commissaire-b", await (await Call("GET", "/api/commissaires-de-justice",
            "/api/commissaires-de-justice")).Content.ReadAsStringAsync());
        (await Call("POST", "/api/commissaires-de-justice", "/api/commissaires-de-justice", Json(new
            { name = "Maître Huissier A", office = "Étude A", email = "etude@commissaire-a.example" })))
            .EnsureSuccessStatusCode();
        // AR24's callback is anonymous by design: it reads nothing and only makes B's letters due for a re-read.
        var hook = await Call("POST", "/api/webhooks/ar24/{tenantKey}",
            $"/api/webhooks/ar24/{App.Services.GetRequiredService<AddinHost.Dispatch.WebhookKeys>().For("cabinet-b")}",
            Json(new { status = "refused" }));
        Assert.Equal(HttpStatusCode.OK, hook.StatusCode);
        Assert.Equal("", await hook.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound,
            (await Call("GET", "/api/cases/{id:guid}/letters", $"/api/cases/{caseB.Id}/letters")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound,
            (await Call("GET", "/api/cases/{id:guid}/letters/{letterId:guid}",
                $"/api/cases/{caseB.Id}/letters/{letterB}"))
                .StatusCode);
        var upload = new MultipartFormDataContent
        {
            {
                new ByteArrayContent(AddinHost.Tests.Letters.Docx.Build(
                    AddinHost.Tests.Letters.Docx.P(AddinHost.Tests.Letters.Docx.R("A seulement")))),
                "file", "a.docx"
            }
        };
        // A template of A's own (not a shipped name, so not held to a shipped template's mandatory mentions).
        (await Call("PUT", "/api/templates/{name}", "/api/templates/lettre-a", upload)).EnsureSuccessStatusCode();
        Assert.Single(await (await Call("GET", "/api/templates/{name}/versions", "/api/templates/lettre-a/versions"))
            .ReadAsync<List<AddinHost.Letters.TemplateStore.VersionInfo>>());
        var import = await Call("POST", "/api/import/invoices", "/api/import/invoices",
            SampleFiles.Form(SampleFiles.TypicalCsv("X"), creditorId: creditorB));
        await import.ProblemAsync(400);

        // Writes that only touch A's own rows must stay in A.
        (await Call("PUT", "/api/policies", "/api/policies", Json(new
        {
            name = "A", toleranceAmount = 1m,
            levels = new[]
            {
                new
                {
                    name = "Relance", delayDays = 5, channel = "Email", template = "relance-1", attachInvoices = true,
                    minGapDays = 0
                }
            }
        }))).EnsureSuccessStatusCode();
        (await Call("PUT", "/api/rates", "/api/rates",
                Json(new { kind = "LegalAutre", year = 2026, half = 2, ratePercent = 1.11m })))
            .EnsureSuccessStatusCode();
        (await Call("POST", "/api/creditors", "/api/creditors",
                Json(new { name = "Menuiserie Bressan SAS", kind = "Client" })))
            .EnsureSuccessStatusCode();
        // The mailbox finds cases of A only; B's case has no messages to show A; an address cannot be linked to
        // B's debtor.
        Assert.Equal(HttpStatusCode.NotFound,
            (await Call("GET", "/api/cases/{id:guid}/messages", $"/api/cases/{caseB.Id}/messages")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound,
            (await Call("POST", "/api/mailbox/messages/{itemId}/attachments",
                "/api/mailbox/messages/demo-message-3/attachments", Json(new { caseId = caseB.Id }))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound,
            (await Call("POST", "/api/cases/{id:guid}/calendar", $"/api/cases/{caseB.Id}/calendar")).StatusCode);
        Assert.DoesNotContain(caseB.Reference,
            await (await Call("GET", "/api/calendar/upcoming", "/api/calendar/upcoming")).Content.ReadAsStringAsync());
        var mailbox = await Call("GET", "/api/mailbox/messages/{itemId}/case",
            "/api/mailbox/messages/demo-message-1/case");
        Assert.True(mailbox.IsSuccessStatusCode, await mailbox.Content.ReadAsStringAsync());
        Assert.DoesNotContain(caseB.Reference, await mailbox.Content.ReadAsStringAsync());
        Guid debtorB;
        await using (var scopeB = _appB.Services.CreateAsyncScope())
        {
            scopeB.ServiceProvider.GetRequiredService<AddinHost.Infrastructure.Data.TenantContext>().Set(_appB.Tenant);
            debtorB = scopeB.ServiceProvider.GetRequiredService<AddinHost.Infrastructure.Data.DunningDbContext>().Cases
                .Where(c => c.Id == caseB.Id).Select(c => c.DebtorId).Single();
        }
        Assert.Equal(HttpStatusCode.NotFound,
            (await Call("POST", "/api/mailbox/links", "/api/mailbox/links",
                Json(new { address = "x@garage.example", debtorId = debtorB }))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound,
            (await Call("GET", "/api/debtors/{id:guid}/export", $"/api/debtors/{debtorB}/export")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound,
            (await Call("GET", "/api/debtors/{id:guid}/erasure", $"/api/debtors/{debtorB}/erasure")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound,
            (await Call("POST", "/api/debtors/{id:guid}/erasure", $"/api/debtors/{debtorB}/erasure"))
                .StatusCode); // B's case stays (checked below)
        // A firm's choices for its shared mailboxes are its own: A neither sees nor removes B's, and its own stays
        // in A.
        Assert.DoesNotContain("cabinet-b",
            await (await Call("GET", "/api/shared-mailboxes", "/api/shared-mailboxes")).Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound,
            (await Call("DELETE", "/api/shared-mailboxes/{address}",
                "/api/shared-mailboxes/recouvrement@cabinet-b.example")).StatusCode);
        (await Call("PUT", "/api/shared-mailboxes/{address}", "/api/shared-mailboxes/recouvrement@cabinet-b.example",
            Json(new { calendar = "Utilisateur" }))).EnsureSuccessStatusCode();
        // Onboarding only ever concerns the caller's own tenant, and no firm decides another's (operators only).
        (await Call("POST", "/api/onboarding", "/api/onboarding", Json(new { name = "Cabinet A" })))
            .EnsureSuccessStatusCode();
        Assert.Equal(HttpStatusCode.Forbidden,
            (await Call("GET", "/api/operator/onboarding", "/api/operator/onboarding")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden,
            (await Call("POST", "/api/operator/onboarding/{tenantId}/accept",
                "/api/operator/onboarding/cabinet-b/accept",
                Json(new { }))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden,
            (await Call("POST", "/api/operator/onboarding/{tenantId}/refuse",
                "/api/operator/onboarding/cabinet-b/refuse",
                Json(new { reason = "non" }))).StatusCode);
        var onboarding = await (await Call("GET", "/api/onboarding", "/api/onboarding"))
            .ReadAsync<AddinHost.Infrastructure.Auth.OnboardingEndpoints.OnboardingDto>();
        Assert.Equal((App.Tenant, "Cabinet A"), (onboarding.TenantId, onboarding.Name));
        Assert.False((await (await _b.GetAsync("/api/onboarding"))
            .ReadAsync<AddinHost.Infrastructure.Auth.OnboardingEndpoints.OnboardingDto>()).Name is not null);
        (await Call("PUT", "/api/cabinet", "/api/cabinet",
                Json(new { name = "Cabinet A", signingLawyer = "Maître A" })))
            .EnsureSuccessStatusCode();
        Assert.Contains("Cabinet A",
            await (await Call("GET", "/api/cabinet", "/api/cabinet")).Content.ReadAsStringAsync());
        // B's AR24 sender is B's alone: A neither sees it, nor claims its address, nor opens its account.
        Assert.DoesNotContain("b@cabinet-b.example",
            await (await Call("GET", "/api/ar24/senders", "/api/ar24/senders")).Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Conflict,
            (await Call("POST", "/api/ar24/senders", "/api/ar24/senders",
                Json(new { email = "b@cabinet-b.example" }))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound,
            (await Call("POST", "/api/ar24/senders/confirm", "/api/ar24/senders/confirm",
                Json(new { email = "b@cabinet-b.example", code = "12345678" }))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound,
            (await Call("POST", "/api/ar24/senders/{id:guid}/provision",
                $"/api/ar24/senders/{senderB}/provision")).StatusCode);
        (await Call("POST", "/api/interest/quote", "/api/interest/quote",
                Json(new { principal = 100m, dueDate = "2025-01-31", asOf = "2025-03-31", debtor = "Professionnel" })))
            .EnsureSuccessStatusCode();
        foreach (var (pattern, url) in new[]
                 {
                     ("/api/info", "/api/info"), ("/health", "/health"), ("/health/live", "/health/live"),
                     ("/health/ready", "/health/ready"),
                     ("/openapi/{documentName}.json", "/openapi/v1.json"),
                     ("/api/templates", "/api/templates"), ("/api/templates/fields", "/api/templates/fields"),
                     ("/api/templates/{name}/lint", "/api/templates/relance-1/lint"),
                     ("/api/templates/{name}", "/api/templates/relance-1"),
                     ("/manifest/{name}.xml", "/manifest/outlook.xml"), ("/api/addin/config", "/api/addin/config"),
                     ("/manifest/outlook-app.zip", "/manifest/outlook-app.zip"), ("/app/essai.html", "/app/essai.html"),
                 })
            Assert.DoesNotContain(caseB.Reference, await (await Call("GET", pattern, url)).Content.ReadAsStringAsync());

        var document = new MultipartFormDataContent
        {
            {
                new ByteArrayContent(AddinHost.Tests.Letters.Docx.Build(
                    AddinHost.Tests.Letters.Docx.P(AddinHost.Tests.Letters.Docx.R("{{debiteur.nom}}")))),
                "file", "document.docx"
            }
        };
        Assert.DoesNotContain(caseB.Reference,
            await (await Call("POST", "/api/templates/lint", "/api/templates/lint", document))
                .Content.ReadAsStringAsync());

        // B is exactly as it was.
        Assert.Equal(beforeB, await Snapshot(caseB.Id));
        Assert.Equal(policyB, await (await _b.GetAsync("/api/policies")).Content.ReadAsStringAsync());
        Assert.Contains("9.99", await (await _b.GetAsync("/api/rates")).Content.ReadAsStringAsync());
        Assert.DoesNotContain("1.11", await (await _b.GetAsync("/api/rates")).Content.ReadAsStringAsync());
        Assert.Single(await (await _b.GetAsync("/api/creditors")).ReadAsync<List<CreditorEndpoints.CreditorDto>>());
        var commissairesB = await (await _b.GetAsync("/api/commissaires-de-justice"))
            .ReadAsync<List<AddinHost.Judicial.HandOver.CommissaireDto>>();
        Assert.Equal(("Maître Huissier B", "Étude B"), (Assert.Single(commissairesB).Name, commissairesB[0].Office));
        Assert.DoesNotContain("Cabinet A", await (await _b.GetAsync("/api/cabinet")).Content.ReadAsStringAsync());
        Assert.Empty(await (await _b.GetAsync("/api/templates/lettre-a/versions"))
            .ReadAsync<List<AddinHost.Letters.TemplateStore.VersionInfo>>());
        Assert.Equal(AddinHost.Calendar.CalendarChoice.Proprietaire, Assert.Single(
            await (await _b.GetAsync("/api/shared-mailboxes"))
                .ReadAsync<List<AddinHost.Calendar.SharedMailboxCalendarDto>>()).Calendar);

        var endpoints = App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? [])
                .Select(m => $"{m} {e.RoutePattern.RawText!.TrimEnd('/')}"))
            .Where(e => !e.Contains("/scalar") && !e.Contains("/sandbox/")) // the simulators hold no tenant data
            .Where(e => e.Split(' ')[1].StartsWith('/')) // static files (the panes, icons) are the same for every firm
            .ToHashSet();
        Assert.Empty(endpoints.Except(covered));
    }

    private async Task<string> Snapshot(Guid caseId) =>
        await (await _b.GetAsync($"/api/cases/{caseId}?asOf=2026-01-15")).Content.ReadAsStringAsync();
}

public sealed class TenantIsolationOnSqlite() : TenantIsolationTests(DbKind.Sqlite);
public sealed class TenantIsolationOnPostgres() : TenantIsolationTests(DbKind.Postgres);
