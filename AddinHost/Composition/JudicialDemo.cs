using AddinHost.Cases;
using AddinHost.Cases.Demo;
using AddinHost.Cases.Planning;
using AddinHost.Dispatch;
using AddinHost.Dispatch.Outbox;
using AddinHost.Infrastructure;
using AddinHost.Infrastructure.Data;
using AddinHost.Letters;
using AddinHost.Proofs;
using Microsoft.EntityFrameworkCore;

namespace AddinHost.Composition;

/// <summary>
/// The demo's case at the judicial step (<see cref="DemoSeeder.JudicialDebtor"/>) gets what a real mise en demeure
/// through AR24 leaves behind: the letter as sent, the dispatch accepted, AR24's proofs of deposit and receipt in the
/// write-once proof store, and its invoices filed, so its court file builds. Host root code: it joins the rows of
/// Cases, Letters, Dispatch and Proofs, as a real send does across the features.
/// </summary>
public static class JudicialDemo
{
    public static async Task SeedAsync(IServiceProvider services, CancellationToken ct = default)
    {
        var db = services.GetRequiredService<DunningDbContext>();
        // A parameter, not a constant: EF's debug log prints a query's constants, and a debtor's name is personal.
        var debtor = DemoSeeder.JudicialDebtor;
        var c = await db.Cases.Include(x => x.Debtor).FirstOrDefaultAsync(x => x.Debtor.Name == debtor, ct);
        if (c is null) return;
        var policy = ReminderPolicy.CreateDefault();
        var level = policy.Levels.FindIndex(l => l.IsNotice);
        if (await db.Dispatches.AnyAsync(d => d.CaseId == c.Id && d.Level == level, ct)) return;
        var sent = await db.CaseEvents.AsNoTracking()
            .Where(e => e.CaseId == c.Id && e.Kind == CaseEventKind.EtapeEffectuee && e.Level == level)
            .Select(e => (DateOnly?)e.EffectiveOn).SingleOrDefaultAsync(ct);
        var received = await db.CaseEvents.AsNoTracking()
            .Where(e => e.CaseId == c.Id && e.Kind == CaseEventKind.MiseEnDemeureRecue)
            .Select(e => (DateOnly?)e.EffectiveOn).SingleOrDefaultAsync(ct);
        if (sent is not { } on || received is not { } accepted) return;
        var invoices = await db.Invoices.AsNoTracking().Where(i => i.CaseId == c.Id).OrderBy(i => i.DueDate)
            .ToListAsync(ct);
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var total = CaseCommands.Money(invoices.Sum(i => i.AmountTtc));

        var letterPdf = DemoPdf.Page("Mise en demeure", $"Lyon, le {on:dd/MM/yyyy}", $"À {c.Debtor.Name}",
            $"{c.Debtor.Address}, {c.Debtor.PostalCode} {c.Debtor.City}", "",
            $"Dossier {c.Reference} : nous vous mettons en demeure de régler la somme de {total}",
            "sous huit jours à compter de la réception de la présente lettre recommandée électronique.",
            "Factures : " + string.Join(", ", invoices.Select(i => i.Number)), "", "Maître Claire Delaunay");
        var letter = new GeneratedLetter
        {
            CaseId = c.Id, Template = "mise-en-demeure", TemplateVersion = 1, Format = "pdf",
            FileName = $"{c.Reference}-mise-en-demeure.pdf", Content = letterPdf, Sha256 = ProofHash.Of(letterPdf),
            AsOf = on, InvoiceNumbers = invoices.Select(i => i.Number).ToList(), CreatedAt = now,
            CreatedBy = "demo-seed",
        };
        db.GeneratedLetters.Add(letter);
        var dispatch = new DispatchItem
        {
            CaseId = c.Id, Level = level, LevelName = policy.Levels[level].Name, Channel = StepChannel.Ere,
            State = DispatchState.Accepted, LetterId = letter.Id, DeadlineDays = 8, ProviderMailId = 900_001,
            ChannelReason = "Lettre recommandée électronique AR24 (démonstration)", CreatedAt = now,
            CreatedBy = "demo-seed", UpdatedAt = now,
        };
        db.Dispatches.Add(dispatch);
        foreach (var i in invoices)
        {
            var pdf = DemoPdf.Page($"Facture n° {i.Number}",
                "Menuiserie Bressan SAS, 4 chemin des Scieries, Bourg-en-Bresse",
                $"Client : {c.Debtor.Name}", $"Date : {i.IssueDate:dd/MM/yyyy} ; échéance : {i.DueDate:dd/MM/yyyy}",
                $"Montant TTC : {CaseCommands.Money(i.AmountTtc)}");
            db.CaseDocuments.Add(new CaseDocument
            {
                CaseId = c.Id, FileName = $"facture-{i.Number}.pdf", Content = pdf, Sha256 = ProofHash.Of(pdf),
                InvoiceNumber = i.Number, Source = "Démonstration", AddedAt = now, AddedBy = "demo-seed",
            });
        }
        var filing = services.GetRequiredService<ProofFiling>();
        await filing.FileAsync(c.Id, c.Reference, dispatch.Id, "lettre", letterPdf, "pdf", ct, knownAbsent: true);
        await filing.FileAsync(c.Id, c.Reference, dispatch.Id, "depot", DemoPdf.Page("AR24 - Preuve de dépôt",
            $"Lettre recommandée électronique n° {dispatch.ProviderMailId}", $"Déposée le {on:dd/MM/yyyy}",
            $"Destinataire : {c.Debtor.Name} <{c.Debtor.Email}>"), "pdf", ct, knownAbsent: true);
        await filing.FileAsync(c.Id, c.Reference, dispatch.Id, "reception", DemoPdf.Page("AR24 - Preuve de réception",
            $"Lettre recommandée électronique n° {dispatch.ProviderMailId}", $"Acceptée le {accepted:dd/MM/yyyy}",
            $"Destinataire : {c.Debtor.Name} <{c.Debtor.Email}>"), "pdf", ct, knownAbsent: true);
        await db.SaveChangesAsync(ct);
    }
}
