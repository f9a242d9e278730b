using System.Text;
using System.Text.Json;
using AddinHost.Cases.Import;
using AddinHost.Infrastructure.Auth;
using AddinHost.Infrastructure.Data;
using AddinHost.Tests.Fixtures;
using Microsoft.Extensions.DependencyInjection;

namespace AddinHost.Tests.Hostile;

/// <summary>
/// Files built to make the import keep every error, read one endless line, overflow a column, or run twice at once:
/// at most 1,000 errors are kept (the other bad lines only counted), a record is read up to 8,192 characters, a field
/// up to the database's length, and a firm runs one import at a time.
/// </summary>
public abstract class ImportAttackTests(DbKind kind) : ApiTestBase(kind)
{
    [Fact]
    public async Task Three_hundred_thousand_bad_lines_keep_a_thousand_errors_and_count_the_rest()
    {
        var creditor = await CreateCreditorAsync();
        const int badLines = 300_000; // 300 times the cap: enough to show the bound, light enough for a shared machine
        var csv = new StringBuilder(SampleFiles.CsvHeader).Append("\r\n");
        for (var i = 0; i < badLines; i++) csv.Append("x\n");
        var client = App.CreateClient();
        // a loaded CI machine reads the file slowly; the bound is in the counts below
        client.Timeout = TimeSpan.FromMinutes(10);
        var problem = await (await client.PostAsync("/api/import/invoices",
            SampleFiles.Form(csv.ToString(), creditorId: creditor)))
            .ProblemAsync(422);

        var kept = problem.GetProperty("errors").EnumerateObject().Sum(line => line.Value.GetArrayLength());
        Assert.Equal(1_000, kept); // errors kept, whatever the file's size
        var detailed = problem.GetProperty("errors").EnumerateObject().Count();
        Assert.Equal(badLines,
            detailed + problem.GetProperty("lignesNonDetaillees").GetInt32()); // every bad line is counted
        Assert.Equal(badLines, problem.GetProperty("lignesEnErreur").GetInt32());
        Assert.Contains("ne sont pas détaillées", problem.GetProperty("detail").GetString());
        Assert.Empty(await ListCasesAsync());
    }

    [Fact]
    public async Task An_endless_line_and_an_oversized_column_are_refused_unread_with_their_line()
    {
        var creditor = await CreateCreditorAsync();
        var endless = new string('x', 3_000_000); // no line break for 3 million characters
        var longName = new string('N', 300);
        var csv = SampleFiles.Csv(
            endless,
            $"{longName};;;;;;L-1;01/01/2025;01/02/2025;10,00;0;professionnel",
            $"Débiteur SARL;;;;;;{new string('9', 61)};01/01/2025;01/02/2025;10,00;0;professionnel",
            $"Débiteur SARL;;;{new string('a', 1_001)};;;L-3;01/01/2025;01/02/2025;10,00;0;professionnel");
        var problem = await (await Client.PostAsync("/api/import/invoices",
            SampleFiles.Form(csv, creditorId: creditor)))
            .ProblemAsync(422);
        var errors = problem.GetProperty("errors");
        Assert.Contains("plus de 8192 caractères", errors.GetProperty("ligne 2")[0].GetString());
        Assert.Contains("nom du débiteur de plus de 200 caractères", errors.GetProperty("ligne 3")[0].GetString());
        Assert.Contains("numéro de facture de plus de 60 caractères", errors.GetProperty("ligne 4")[0].GetString());
        Assert.Contains("colonne 4 de plus de 1000 caractères", errors.GetProperty("ligne 5")[0].GetString());
    }

    [Fact]
    public void A_line_reader_keeps_at_most_its_cap_of_an_endless_line()
    {
        var reader = new CountingReader(new string('x', 5_000_000) + "\r\nsuite\n");
        var lines = new BoundedLines(reader, 8_192);
        Assert.Equal("", lines.Next(out var tooLong));
        Assert.True(tooLong);
        Assert.Equal("suite", lines.Next(out tooLong));
        Assert.False(tooLong);
        Assert.Null(lines.Next(out _));
        Assert.True(reader.LargestRead <= 1 << 16); // read in 64 KB slices, never as one string
    }

    [Fact]
    public async Task A_firm_runs_one_import_at_a_time_and_a_turn_left_by_a_dead_instance_runs_out()
    {
        var creditor = await CreateCreditorAsync();
        await using var scope = App.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().Set(App.Tenant);
        // an import in progress, never released
        var held = await scope.ServiceProvider.GetRequiredService<ImportTurns>()
            .TakeAsync(default);

        var refused = await (await Client.PostAsync("/api/import/invoices",
            SampleFiles.Form(SampleFiles.TypicalCsv("T"), creditorId: creditor)))
            .ProblemAsync(409);
        Assert.Contains("déjà en cours", refused.GetProperty("detail").GetString());

        await using (var other = App.ForTenant("cabinet-voisin"))
        {
            var client = other.CreateClient();
            var otherCreditor = await CreateCreditorAsync(client: client);
            Assert.True((await client.PostAsync("/api/import/invoices",
                SampleFiles.Form(SampleFiles.TypicalCsv("V"), creditorId: otherCreditor)))
                .IsSuccessStatusCode);
        }

        App.Clock.Advance(TimeSpan.FromMinutes(16)); // its instance died: the turn runs out
        Assert.True((await Client.PostAsync("/api/import/invoices",
            SampleFiles.Form(SampleFiles.TypicalCsv("T"), creditorId: creditor)))
            .IsSuccessStatusCode);
        Assert.True((await Client.PostAsync("/api/import/invoices",
            SampleFiles.Form(SampleFiles.TypicalCsv("U"), creditorId: creditor)))
            .IsSuccessStatusCode); // released
    }

    private sealed class CountingReader(string text) : TextReader
    {
        private readonly StringReader _inner = new(text);
        public int LargestRead { get; private set; }

        public override int Read(char[] buffer, int index, int count)
        {
            var read = _inner.Read(buffer, index, count);
            LargestRead = Math.Max(LargestRead, read);
            return read;
        }
    }
}

public sealed class ImportAttacksOnSqlite() : ImportAttackTests(DbKind.Sqlite);
public sealed class ImportAttacksOnPostgres() : ImportAttackTests(DbKind.Postgres);
