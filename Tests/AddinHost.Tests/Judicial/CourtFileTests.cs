using System.Diagnostics;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;
using AddinHost.Dispatch.Outbox;
using AddinHost.Infrastructure.Data;
using AddinHost.Proofs;
using AddinHost.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PdfSharp.Pdf.IO;

namespace AddinHost.Tests.Judicial;

/// <summary>
/// The file for the court, from a mise en demeure really sent through the AR24 simulator on 30/09/2025 and accepted:
/// the requête, then the exhibits in the bordereau's order, with a manifest of SHA-256 hashes; a proof whose hash no
/// longer matches stops the file with an alarm.
/// </summary>
public abstract class CourtFileTests(DbKind kind) : ApiTestBase(kind)
{
    private async Task<Guid> NoticeAcceptedAndJudicialAsync()
    {
        var (_, company, _) = await SeedTypicalAsync();
        await NoticeScenario.DepositNoticeAsync(App, Client, company.Id);
        var processor = App.Services.GetRequiredService<DispatchProcessor>();
        App.Clock.Advance(TimeSpan.FromDays(2)); // the debtor accepts it
        while (await processor.ProcessNextAsync(default)) { }
        App.Clock.Advance(TimeSpan.FromDays(20)); // its deadline, and the 15 days before the judicial step, have passed
        var root = $"/api/cases/{company.Id}/judiciaire";
        (await Client.PostJsonAsync($"{root}/route", new { route = "InjonctionDePayer" })).EnsureSuccessStatusCode();
        (await Client.PutJsonAsync($"{root}/court",
                new { kind = "TribunalDeCommerce", name = "tribunal de commerce de Grenoble" }))
            .EnsureSuccessStatusCode();
        return company.Id;
    }

    [Fact]
    public async Task The_file_holds_the_requete_and_the_exhibits_in_the_bordereaus_order_with_their_hashes()
    {
        var id = await NoticeAcceptedAndJudicialAsync();
        var response = await Client.GetAsync($"/api/cases/{id}/judiciaire/dossier");
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        using var zip = new ZipArchive(new MemoryStream(await response.Content.ReadAsByteArrayAsync()));
        var manifest = JsonDocument.Parse(zip.GetEntry("manifest.json")!.Open()).RootElement;
        Assert.Equal("tribunal de commerce de Grenoble", manifest.GetProperty("juridiction").GetString());
        Assert.True(manifest.GetProperty("tamponPieceN").GetBoolean());

        // Every file's hash in the manifest is the hash of the bytes in the zip.
        var entries = new List<JsonElement> { manifest.GetProperty("requete"), manifest.GetProperty("dossierComplet") };
        var pieces = manifest.GetProperty("pieces").EnumerateArray().ToList();
        entries.AddRange(pieces.SelectMany(p => p.GetProperty("fichiers").EnumerateArray()));
        foreach (var e in entries)
        {
            using var s = new MemoryStream();
            zip.GetEntry(e.GetProperty("file").GetString()!)!.Open().CopyTo(s);
            Assert.Equal(e.GetProperty("sha256").GetString(), Convert.ToHexStringLower(SHA256.HashData(s.ToArray())));
        }
        Assert.Equal("00-requete.pdf", entries[0].GetProperty("file").GetString());
        Assert.Equal("dossier-complet.pdf", entries[1].GetProperty("file").GetString());

        // The bordereau's order: invoices (no file classed: to add), reminders recorded by hand (to add), the notice as
        // sent (from the proof store), then AR24's deposit and acceptance proofs.
        Assert.Equal([1, 2, 3, 4, 5, 6], pieces.Select(p => p.GetProperty("numero").GetInt32()));
        Assert.StartsWith("Facture n° F-001", pieces[0].GetProperty("intitule").GetString());
        Assert.True(pieces[0].GetProperty("aJoindre").GetBoolean());
        Assert.Equal("Relance 1 du 01/09/2025", pieces[2].GetProperty("intitule").GetString());
        Assert.Equal("Mise en demeure du 30/09/2025, telle qu'envoyée", pieces[4].GetProperty("intitule").GetString());
        Assert.Equal(["05-piece-5.pdf"], pieces[4].GetProperty("fichiers").EnumerateArray()
            .Select(f => f.GetProperty("file").GetString()));
        var proofs = pieces[5].GetProperty("fichiers").EnumerateArray()
            .Select(f => f.GetProperty("source").GetString()).ToList();
        Assert.Contains(proofs, s => s!.Contains("« depot »"));
        Assert.Contains(proofs, s => s!.Contains("« reception »"));
        Assert.Equal(entries.Count + 1, zip.Entries.Count); // nothing else in the zip but the manifest

        // The letter as sent: the manifest keeps the hash of the original in the proof store, which the stamp changed.
        var letter = pieces[4].GetProperty("fichiers")[0];
        await using (var scope = App.Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<TenantContext>().Set(App.Tenant);
            var db = scope.ServiceProvider.GetRequiredService<DunningDbContext>();
            var filed = await db.FiledProofs.SingleAsync(p => p.CaseId == id && p.Kind == "lettre");
            Assert.Equal(filed.Sha256, letter.GetProperty("sha256Original").GetString());
            Assert.NotEqual(filed.Sha256, letter.GetProperty("sha256").GetString());
        }

        // Every exhibit is stamped « Pièce n° X » on its first page, with its bordereau number, and the merged PDF
        // holds the requête then every exhibit's pages in order, each exhibit's first page with its stamp.
        var requetePages = PageCount(Bytes(zip, "00-requete.pdf"));
        var merged = Bytes(zip, "dossier-complet.pdf");
        var page = requetePages + 1;
        var exhibits = 0;
        foreach (var piece in pieces)
        {
            var numero = piece.GetProperty("numero").GetInt32();
            foreach (var f in piece.GetProperty("fichiers").EnumerateArray())
            {
                exhibits++;
                Assert.True(f.GetProperty("tampon").GetBoolean());
                Assert.Matches("^[0-9a-f]{64}$", f.GetProperty("sha256Original").GetString()!);
                var file = Bytes(zip, f.GetProperty("file").GetString()!);
                Assert.Contains($"Pièce n° {numero}", await TextAsync(file, 1));
                Assert.Contains($"Pièce n° {numero}", await TextAsync(merged, page));
                page += PageCount(file);
            }
        }
        Assert.True(exhibits >= 3); // the notice and at least the deposit and acceptance proofs
        Assert.Equal(page - 1, PageCount(merged));
        Assert.Equal(page - 1, manifest.GetProperty("pagesDossierComplet").GetInt32());
        Assert.DoesNotContain("Pièce n°", await TextAsync(merged, 1)); // the requête is not an exhibit
        Assert.Contains((await GetCaseAsync(id)).History,
            h => h.Summary.StartsWith("Dossier pour le greffe constitué : requête et 6 pièces"));
    }

    private static byte[] Bytes(ZipArchive zip, string name)
    {
        using var s = new MemoryStream();
        zip.GetEntry(name)!.Open().CopyTo(s);
        return s.ToArray();
    }

    private static int PageCount(byte[] pdf)
    {
        using var doc = PdfReader.Open(new MemoryStream(pdf), PdfDocumentOpenMode.Import);
        return doc.PageCount;
    }

    /// <summary>One page's text, read back with poppler's pdftotext.</summary>
    private static async Task<string> TextAsync(byte[] pdf, int page)
    {
        var path = Path.GetTempFileName();
        await File.WriteAllBytesAsync(path, pdf);
        try
        {
            using var p = Process.Start(new ProcessStartInfo("pdftotext", ["-f", $"{page}", "-l", $"{page}", path, "-"])
                { RedirectStandardOutput = true })!;
            var text = await p.StandardOutput.ReadToEndAsync();
            await p.WaitForExitAsync();
            Assert.Equal(0, p.ExitCode);
            return text;
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public async Task A_proof_that_no_longer_matches_its_hash_stops_the_file_with_an_alarm()
    {
        var id = await NoticeAcceptedAndJudicialAsync();
        await using (var scope = App.Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<TenantContext>().Set(App.Tenant);
            var db = scope.ServiceProvider.GetRequiredService<DunningDbContext>();
            var letter = await db.FiledProofs.SingleAsync(p => p.CaseId == id && p.Kind == "lettre");
            letter.Sha256 = new string('0', 64); // what was filed no longer matches what is stored
            await db.SaveChangesAsync();
        }
        var alarm = await (await Client.GetAsync($"/api/cases/{id}/judiciaire/dossier")).ProblemAsync(409);
        Assert.Contains("ALERTE", alarm.GetProperty("detail").GetString());
    }
}

public sealed class CourtFileOnSqlite() : CourtFileTests(DbKind.Sqlite);
public sealed class CourtFileOnPostgres() : CourtFileTests(DbKind.Postgres);
