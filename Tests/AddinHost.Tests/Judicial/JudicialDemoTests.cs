using System.IO.Compression;
using System.Text.Json;
using AddinHost.Cases;
using AddinHost.Cases.Demo;
using AddinHost.Cases.Planning;
using AddinHost.Judicial;
using AddinHost.Tests.Fixtures;

namespace AddinHost.Tests.Judicial;

/// <summary>
/// The demo (<c>dotnet run --project AddinHost</c>) has a case whose mise en demeure was accepted through AR24 and
/// whose deadline has passed: it shows its judicial options, and its court file builds with every exhibit's file.
/// </summary>
public abstract class JudicialDemoTests(DbKind kind)
{
    [Fact]
    public async Task The_demo_case_at_the_judicial_step_shows_its_routes_and_its_court_file_builds()
    {
        await using var app = new DunningApp(kind, await TestDatabase.CreateAsync(kind), "cabinet-demo", "Development")
            { SeedDemo = true, OwnsDatabase = true };
        var client = app.CreateClient();
        var cases = await (await client.GetAsync("/api/cases")).ReadAsync<List<CaseSummaryDto>>();
        var demo = cases.Single(c => c.Debtor == DemoSeeder.JudicialDebtor);
        Assert.Equal((CaseStatus.EnCours, StepChannel.Decision, true),
            (demo.Status, demo.NextChannel, demo.NextStepIsDue));

        var root = $"/api/cases/{demo.Id}/judiciaire";
        var view = await (await client.GetAsync(root)).ReadAsync<JudicialView>();
        Assert.True(view.Decision.Reached);
        Assert.Contains(view.Decision.Options, o => o.Route == JudicialRoute.InjonctionDePayer && o.Fits);
        Assert.Equal(InjunctionCourtKind.TribunalDeCommerce, view.Court.Competence.Kind);
        Assert.Contains("Chambéry", view.Court.Competence.DebtorCommune);

        (await client.PostJsonAsync($"{root}/route", new { route = "InjonctionDePayer" })).EnsureSuccessStatusCode();
        (await client.PutJsonAsync($"{root}/court",
            new { kind = "TribunalDeCommerce", name = "tribunal de commerce de Chambéry" })).EnsureSuccessStatusCode();
        var response = await client.GetAsync($"{root}/dossier");
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        using var zip = new ZipArchive(new MemoryStream(await response.Content.ReadAsByteArrayAsync()));
        var manifest = JsonDocument.Parse(zip.GetEntry("manifest.json")!.Open()).RootElement;
        var pieces = manifest.GetProperty("pieces").EnumerateArray().ToList();
        // Two invoices, the reminders sent, the mise en demeure as sent and AR24's proofs: none left to add by hand
        // except the reminders the demo says were taken outside the application.
        var titles = pieces.Select(p => p.GetProperty("intitule").GetString()!).ToList();
        Assert.Equal(2, titles.Count(t => t.StartsWith("Facture", StringComparison.Ordinal)));
        foreach (var p in pieces.Where(p => p.GetProperty("intitule").GetString() is { } t
                     && (t.StartsWith("Facture", StringComparison.Ordinal) || t.Contains("ise en demeure"))))
            Assert.False(p.GetProperty("aJoindre").GetBoolean(), p.GetProperty("intitule").GetString());
        var proof = pieces.Single(p => p.GetProperty("intitule").GetString()!.StartsWith("Preuve",
            StringComparison.Ordinal));
        Assert.Equal(2, proof.GetProperty("fichiers").GetArrayLength()); // deposit and receipt
        Assert.True(manifest.GetProperty("tamponPieceN").GetBoolean());
    }
}

public sealed class JudicialDemoOnSqlite() : JudicialDemoTests(DbKind.Sqlite);
public sealed class JudicialDemoOnPostgres() : JudicialDemoTests(DbKind.Postgres);
