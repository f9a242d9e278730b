using AddinHost.Cases;
using AddinHost.Infrastructure.Auth;
using AddinHost.Infrastructure.Data;
using AddinHost.Proofs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AddinHost.Tests.AddIn.Browser;

/// <summary>
/// The hand-over to a commissaire de justice in the Outlook pane: an injunction case whose order is made (built through
/// the API on the shared demo, dates relative to its real clock; the order filed as Outlook's attachment import
/// would), the form filled and sent, the hand-over then listed with its state.
/// </summary>
[Collection(PaneCollection.Name)]
public sealed class OutlookHandOverTests(PaneHost host)
{
    private const string Debtor = "Serrurerie Lemaire SAS";
    private const string Email = "direction@serrurerie-lemaire.example";

    [Fact]
    public async Task A_lawyer_hands_the_order_to_a_commissaire_and_sees_the_hand_over_recorded()
    {
        var setup = await host.OpenAsync("word", PaneHost.Word());
        var caseId = await setup.EvaluateAsync<string>($$"""
            async () => {
              const iso = (days) => new Date(Date.now() - days * 86400000).toISOString().slice(0, 10);
              const fr = (days) => iso(days).split('-').reverse().join('/');
              const json = { 'Content-Type': 'application/json' };
              const post = async (path, body) => {
                const r = await fetch(path, { method: 'POST', headers: json, body: JSON.stringify(body) });
                if (!r.ok) throw new Error(path + ' ' + r.status + ' ' + await r.text());
              };
              const creditors = await (await fetch('/api/creditors')).json();
              const creditor = creditors.find(c => c.kind !== 'Cabinet');
              const csv = 'Débiteur;SIREN;Email;Adresse;Code postal;Ville;Numéro facture;Date facture;Date échéance;' +
                'Montant TTC;Montant payé;Type\r\n' +
                `{{Debtor}};;{{Email}};22 rue Croix-d'Or;73000;Chambéry;SL-001;${fr(260)};${fr(230)};7 400,00;0;` +
                'professionnel\r\n';
              const form = new FormData();
              form.append('file', new Blob([csv], { type: 'text/csv' }), 'factures.csv');
              form.append('creditorId', creditor.id);
              const imported = await fetch('/api/import/invoices', { method: 'POST', body: form });
              if (!imported.ok) throw new Error('import ' + await imported.text());
              const id = (await (await fetch('/api/cases')).json()).find(c => c.debtor === '{{Debtor}}').id;
              for (const [level, days] of [[1, 60], [2, 50], [3, 45]])
                await post(`/api/cases/${id}/steps`, { level, date: iso(days) });
              await post(`/api/cases/${id}/notice-receipt`, { level: 3, date: iso(43) });
              await post(`/api/cases/${id}/judiciaire/route`, { route: 'InjonctionDePayer' });
              const court = await fetch(`/api/cases/${id}/judiciaire/court`, { method: 'PUT', headers: json,
                body: JSON.stringify({ kind: 'TribunalDeCommerce', name: 'tribunal de commerce de Chambéry' }) });
              if (!court.ok) throw new Error('court ' + await court.text());
              await post(`/api/cases/${id}/judiciaire/events`, { kind: 'Depot', on: iso(20) });
              await post(`/api/cases/${id}/judiciaire/events`, { kind: 'Ordonnance', on: iso(6), outcome: 'Totale',
                caseNumber: '2026R00042' });
              await post('/api/commissaires-de-justice', { name: 'Maître Paul Garnier',
                office: 'SCP Garnier, Chambéry', email: 'etude@garnier-cj.example' });
              return id;
            }
            """);
        await setup.CloseAsync();
        await FileOrderAsync(Guid.Parse(caseId));

        var page = await host.OpenAsync("outlook", PaneHost.Outlook("demo-message-7", Email,
            "Ordonnance d'injonction de payer"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = Debtor, Level = 1 }))
            .ToBeVisibleAsync(new() { Timeout = 15_000 });
        var section = page.GetByTestId("remise-commissaire");
        await Expect(section).ToBeVisibleAsync(new() { Timeout = 15_000 });
        await section.GetByRole(AriaRole.Button, new() { Name = "Remettre au commissaire de justice" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog, new() { Name = "Remise pour signification (art. 1411 CPC)" });
        // Without the order, the host's reason is shown in the form and nothing leaves.
        await dialog.GetByRole(AriaRole.Combobox, new() { Name = "Commissaire de justice" })
            .SelectOptionAsync(new SelectOptionValue { Label = "Maître Paul Garnier — SCP Garnier, Chambéry" });
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Envoyer la remise" }).ClickAsync();
        await Expect(dialog.GetByText("Joignez l'ordonnance", new() { Exact = false })).ToBeVisibleAsync();
        await Expect(section.GetByRole(AriaRole.Listitem)).ToHaveCountAsync(0);
        await dialog.GetByRole(AriaRole.Combobox, new() { Name = "Ordonnance" })
            .SelectOptionAsync(new SelectOptionValue { Label = "ordonnance-2026R00042.pdf" });
        await dialog.GetByRole(AriaRole.Textbox, new() { Name = "Message (facultatif)" })
            .FillAsync("Merci de signifier à personne si possible.");
        var violations = await PaneHost.SeriousAccessibilityViolationsAsync(page);
        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Envoyer la remise" }).ClickAsync();
        await Expect(dialog).ToBeHiddenAsync(new() { Timeout = 30_000 }); // the court file is built first

        // The hand-over is listed once, to that commissaire; a second one is not offered while it stands.
        var item = section.GetByRole(AriaRole.Listitem);
        await Expect(item).ToHaveCountAsync(1);
        await Expect(item).ToContainTextAsync("Maître Paul Garnier (etude@garnier-cj.example)");
        await Expect(section.GetByRole(AriaRole.Button, new() { Name = "Remettre au commissaire de justice" }))
            .ToHaveCountAsync(0);
        await Expect(page.GetByText("Remise à Maître Paul Garnier (etude@garnier-cj.example) pour signification",
            new() { Exact = false }).First).ToBeVisibleAsync(new() { Timeout = 15_000 });
        await page.ScreenshotAsync(new() { Path = Path.Combine(PaneHost.Artifacts, "outlook-remise-commissaire.png"),
            FullPage = true });
        PaneHost.AssertNoScriptError(page);
    }

    /// <summary>The order as the greffe's e-mail brings it, filed with the case (the attachment
    /// import's row).</summary>
    private async Task FileOrderAsync(Guid caseId)
    {
        var tenant = host.Services.GetRequiredService<IOptions<AuthOptions>>().Value.DemoTenant;
        await using var scope = TenantScope.For(host.Services, tenant, "test");
        var db = scope.ServiceProvider.GetRequiredService<DunningDbContext>();
        Assert.True(await db.Set<RecoveryCase>().AnyAsync(c => c.Id == caseId));
        var pdf = AddinHost.Sandbox.SimplePdf.Create(["ORDONNANCE PORTANT INJONCTION DE PAYER", "RG 2026R00042"]);
        db.Set<CaseDocument>().Add(new CaseDocument
        {
            CaseId = caseId, FileName = "ordonnance-2026R00042.pdf", Content = pdf, Sha256 = ProofHash.Of(pdf),
            Source = "test", AddedAt = DateTimeOffset.UtcNow, AddedBy = "test",
        });
        await db.SaveChangesAsync();
    }
}
