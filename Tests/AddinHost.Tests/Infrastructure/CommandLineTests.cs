using System.Diagnostics;
using System.Text.Json;
using AddinHost.Cases.Money;
using AddinHost.Composition;
using AddinHost.Infrastructure.Cli;

namespace AddinHost.Tests.Infrastructure;

public sealed class CommandLineTests
{
    private static readonly DateOnly Today = new(2025, 10, 1);

    private static (int Code, string Output) Interest(params string[] args)
    {
        var output = new StringWriter();
        return (InterestCommand.Run(args, output, InMemoryRateTable.FrenchDefaults(), Today), output.ToString());
    }

    [Fact]
    public void Interest_as_json_prints_every_period_with_two_decimal_amounts()
    {
        var (code, output) = Interest("--principal", "1200.00", "--due", "2025-03-31", "--as-of", "2025-09-30",
            "--debtor", "professionnel", "--json");
        Assert.Equal(0, code);
        Assert.Equal(
            """{"principal":1200.00,"interest":76.09,"indemnity":40.00,"total":1316.09,"periods":["""
            + """{"from":"2025-04-01","to":"2025-06-30","days":91,"rate":13.15,"amount":39.34},"""
            + """{"from":"2025-07-01","to":"2025-09-30","days":92,"rate":12.15,"amount":36.75}]}""",
            output.Trim());
    }

    [Fact]
    public void Interest_for_a_consumer_runs_from_the_notice_at_the_legal_rate_of_the_creditor()
    {
        var (_, output) = Interest("--principal", "960", "--due", "2025-02-09", "--as-of", "2025-09-30",
            "--debtor", "consommateur",
            "--creditor", "particulier", "--notice-received", "2025-05-20", "--json");
        var json = JsonDocument.Parse(output).RootElement;
        // 21/05–30/06: 41 d × 7,21 % on 960 = 7,77 ; 01/07–30/09: 92 d × 6,65 % = 16,09.
        Assert.Equal([7.77m, 16.09m],
            json.GetProperty("periods").EnumerateArray().Select(p => p.GetProperty("amount").GetDecimal()));
        Assert.Equal(0m, json.GetProperty("indemnity").GetDecimal());
    }

    [Fact]
    public void A_private_creditor_owed_by_a_company_gets_legal_interest_from_the_notice_and_no_indemnity()
    {
        // L.441-10 needs two professionals: here C. civ. 1231-6 and 1344-1 apply, at the natural-person rate.
        var (_, output) = Interest("--principal", "960", "--due", "2025-02-09", "--as-of", "2025-09-30",
            "--debtor", "professionnel",
            "--creditor", "particulier", "--notice-received", "2025-05-20", "--json");
        var json = JsonDocument.Parse(output).RootElement;
        // 21/05–30/06: 41 d × 7,21 % on 960 = 7,7749 ; 01/07–30/09: 92 d × 6,65 % = 16,0911.
        Assert.Equal([("2025-05-21", 7.21m, 7.77m), ("2025-07-01", 6.65m, 16.09m)],
            json.GetProperty("periods").EnumerateArray()
                .Select(p => (p.GetProperty("from").GetString(), p.GetProperty("rate").GetDecimal(),
                    p.GetProperty("amount").GetDecimal())));
        Assert.Equal((23.86m, 0m, 983.86m),
            (json.GetProperty("interest").GetDecimal(), json.GetProperty("indemnity").GetDecimal(),
                json.GetProperty("total").GetDecimal()));
        // Without the notice, nothing runs; a non-professional debtor is the same.
        Assert.Equal(0m, JsonDocument.Parse(Interest("--principal", "960", "--due", "2025-02-09",
            "--as-of", "2025-09-30", "--debtor", "professionnel",
            "--creditor", "particulier", "--json").Output).RootElement.GetProperty("interest").GetDecimal());
        Assert.Equal(0m, JsonDocument.Parse(Interest("--principal", "960", "--due", "2025-02-09",
            "--as-of", "2025-09-30", "--debtor", "non-professionnel",
            "--json").Output).RootElement.GetProperty("indemnity").GetDecimal());
    }

    [Fact]
    public void Interest_without_json_prints_a_french_table()
    {
        var (_, output) = Interest("--principal", "1200.00", "--due", "2025-03-31", "--as-of", "2025-09-30",
            "--debtor", "professionnel");
        Assert.Contains("01/04/2025", output);
        Assert.Contains("13,15 %", output);
        Assert.Contains("1 316,09 €", output.Replace('\u202f', ' ').Replace('\u00a0', ' '));
        Assert.Contains("Total dû", output);
    }

    [Theory]
    [InlineData("--principal", "abc", "--due", "2025-03-31", "--as-of", "2025-09-30", "--debtor", "professionnel")]
    [InlineData("--principal", "100", "--due", "31/03/2025", "--as-of", "2025-09-30", "--debtor", "professionnel")]
    [InlineData("--principal", "100", "--due", "2025-03-31", "--as-of", "2025-09-30", "--debtor", "martien")]
    [InlineData("--principal", "100", "--due", "2025-03-31", "--as-of", "2025-09-30")]
    [InlineData("--principal", "100", "--due", "2025-03-31", "--as-of", "2025-09-30", "--debtor", "professionnel",
        "--tva", "20")]
    [InlineData("--principal", "100", "--due", "2025-03-31", "--as-of", "2025-01-30", "--debtor", "professionnel")]
    public async Task A_bad_argument_exits_2_with_a_french_message(params string[] args)
    {
        var error = new StringWriter();
        var previous = Console.Error;
        Console.SetError(error);
        try
        {
            Assert.Equal(CommandLine.BadArguments,
                await CommandLine.RunAsync(["interest", .. args],
                    _ => throw new InvalidOperationException("no host needed")));
        }
        finally { Console.SetError(previous); }
        Assert.StartsWith("Erreur : ", error.ToString());
    }

    [Fact]
    public async Task The_real_executable_answers_the_documented_command()
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "AddinHost.dll");
        var psi = new ProcessStartInfo("dotnet",
            [
                "exec", dll, "interest", "--principal", "1200.00", "--due", "2025-03-31", "--as-of", "2025-09-30",
                "--debtor", "professionnel", "--json"
            ])
        { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = AppContext.BaseDirectory };
        using var p = Process.Start(psi)!;
        var output = await p.StandardOutput.ReadToEndAsync();
        await p.WaitForExitAsync();
        Assert.Equal(0, p.ExitCode);
        Assert.Equal(1316.09m, JsonDocument.Parse(output).RootElement.GetProperty("total").GetDecimal());

        using var bad = Process.Start(new ProcessStartInfo("dotnet", ["exec", dll, "interest", "--principal", "x"])
            { RedirectStandardError = true, RedirectStandardOutput = true })!;
        var stderr = await bad.StandardError.ReadToEndAsync();
        await bad.WaitForExitAsync();
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("n'est pas un nombre", stderr);
    }
}

/// <summary>The admin verbs that touch the database, run as a real process on a SQLite file.</summary>
public sealed class CommandLineDatabaseTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("od-cli-").FullName;

    private string _provider = "Sqlite";
    private string? _connection;

    private async Task UseAsync(Fixtures.DbKind kind)
    {
        _provider = kind.ToString();
        _connection = await Fixtures.TestDatabase.CreateEmptyAsync(kind); // the test migrates it
    }

    private async Task<(int Code, string Out, string Err)> RunAsync(params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet",
            ["exec", Path.Combine(AppContext.BaseDirectory, "AddinHost.dll"), .. args])
        { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = _folder };
        psi.Environment["Database__Provider"] = _provider;
        psi.Environment["ConnectionStrings__Dunning"] = _connection ?? $"Data Source={Path.Combine(_folder, "cli.db")}";
        psi.Environment["Logging__LogLevel__Default"] = "Warning";
        // The executable runs as Production would: real settings for the proof store, none of the embedded defaults.
        psi.Environment["Proofs__Store"] = "AzureBlob";
        psi.Environment["ConnectionStrings__Proofs"] = "UseDevelopmentStorage=true";
        psi.Environment["DataProtection__Certificate"] = Fixtures.TestCertificates.DataProtection;
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        await p.WaitForExitAsync();
        return (p.ExitCode, await stdout, await stderr);
    }

    [Theory]
    [InlineData(Fixtures.DbKind.Sqlite)]
    [InlineData(Fixtures.DbKind.Postgres)]
    public async Task Migrate_then_import_twice_creates_nothing_the_second_time(Fixtures.DbKind kind)
    {
        await UseAsync(kind);
        var (code, output, _) = await RunAsync("migrate");
        Assert.Equal((0, true), (code, output.Contains("Base de données à jour")));

        var csv = Path.Combine(_folder, "factures.csv");
        await File.WriteAllTextAsync(csv, Fixtures.SampleFiles.TypicalCsv("CLI"));
        var first = await RunAsync("import", csv, "--tenant", "cabinet-cli", "--creditor", "Menuiserie Bressan SAS");
        Assert.True(first.Code == 0, first.Err);
        Assert.Contains("Créancier « Menuiserie Bressan SAS » créé", first.Out);
        Assert.Contains("3 facture(s) créée(s)", first.Out);

        var second = await RunAsync("import", csv, "--tenant", "cabinet-cli", "--creditor", "Menuiserie Bressan SAS");
        Assert.Contains("0 facture(s) créée(s), 3 déjà présente(s)", second.Out);
        Assert.DoesNotContain("créé (client", second.Out);
    }

    [Theory]
    [InlineData(Fixtures.DbKind.Sqlite)]
    [InlineData(Fixtures.DbKind.Postgres)]
    public async Task A_refused_file_exits_1_with_every_line_and_a_bad_argument_exits_2(Fixtures.DbKind kind)
    {
        await UseAsync(kind);
        var csv = Path.Combine(_folder, "mauvais.csv");
        await File.WriteAllTextAsync(csv,
            Fixtures.SampleFiles.Csv("X;732829321;;;;;A-1;01/02/2025;03/03/2025;100,00;0;"));
        var refused = await RunAsync("import", csv, "--tenant", "cabinet-cli", "--creditor", "Créancier");
        Assert.Equal(1, refused.Code);
        Assert.Contains("ligne 2 : SIREN 732829321 invalide", refused.Err);

        Assert.Equal(2, (await RunAsync("import", csv)).Code);
        Assert.Equal(2, (await RunAsync("import", Path.Combine(_folder, "absent.csv"), "--tenant", "t")).Code);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
