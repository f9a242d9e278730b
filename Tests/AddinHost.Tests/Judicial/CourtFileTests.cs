using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;
using AddinHost.Dispatch.Outbox;
using AddinHost.Infrastructure.Data;
using AddinHost.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

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
        Assert.False(manifest.GetProperty("tamponPieceN").GetBoolean());

        // Every file's hash in the manifest is the hash of the bytes in the zip.
        var entries = new List<JsonElement> { manifest.GetProperty("requete") };
        var pieces = manifest.GetProperty("pieces").EnumerateArray().ToList();
        entries.AddRange(pieces.SelectMany(p => p.GetProperty("fichiers").EnumerateArray()));
        foreach (var e in entries)
        {
            using var s = new MemoryStream();
            zip.GetEntry(e.GetProperty("file").GetString()!)!.Open().CopyTo(s);
            Assert.Equal(e.GetProperty("sha256").GetString(), Convert.ToHexStringLower(SHA256.HashData(s.ToArray())));
        }
        Assert.Equal("00-requete.pdf", entries[0].GetProperty("file").GetString());

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
        Assert.Contains((await GetCaseAsync(id)).History,
            h => h.Summary.StartsWith("Dossier pour le greffe constitué : requête et 6 pièces"));
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
