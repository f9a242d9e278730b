using System.Globalization;
using System.Text;
using System.Text.Json;
using AddinHost.Cases;
using AddinHost.Cases.Demo;
using AddinHost.Cases.Money;
using AddinHost.Cases.Planning;

namespace AddinHost.Letters;

/// <summary>
/// Templates/exemple-donnees.json, computed: a fixed sample case assessed by the real calculator on 30/09/2025 and
/// turned into letter fields, so every figure of the sample is one the product would print (<c>exemple-donnees</c>
/// verb).
/// </summary>
public static class SampleLetterData
{
    public static readonly DateOnly AsOf = new(2025, 9, 30);

    /// <summary>A company owing two invoices to a client of the firm; a payment on the second; two reminders after a
    /// courtesy e-mail.</summary>
    public static RecoveryCase Case()
    {
        var creditor = new Creditor
        {
            Name = "Menuiserie Bressan SAS", Kind = CreditorKind.Client, Quality = PartyKind.Professionnel,
                Siren = DemoSeeder.DemoSiren(79845612),
            Address = "4 chemin des Scieries", PostalCode = "01000", City = "Bourg-en-Bresse",
            Iban = "FR76 1027 8073 0000 0205 5240 162", Bic = "CMCIFR2AXXX", ContactConsentOn = new(2025, 1, 15),
        };
        var debtor = new Debtor
        {
            Name = "Garage Fontaine SARL", Kind = DebtorKind.Professionnel, Siren = DemoSeeder.DemoSiren(51278934),
                Email = "compta@garage-fontaine.example",
            Address = "61 avenue Alsace-Lorraine", PostalCode = "38000", City = "Grenoble",
        };
        var c = new RecoveryCase { Reference = "DR-2025-00007", Creditor = creditor, Debtor = debtor,
            OpenedOn = new(2025, 2, 1) };
        var first = new Invoice { Number = "F2025-0041", IssueDate = new(2025, 2, 1), DueDate = new(2025, 3, 3),
            AmountTtc = 1200.00m };
        var second = new Invoice { Number = "F2025-0057", IssueDate = new(2025, 3, 15), DueDate = new(2025, 4, 14),
            AmountTtc = 2400.50m };
        c.Invoices = [first, second];
        c.Payments = [new Payment { Date = new(2025, 6, 30), Amount = 400.50m, InvoiceId = second.Id,
            Reference = "Virement" }];
        c.Events =
        [
            Step(0, "Rappel de courtoisie", new(2025, 2, 28), first.Number),
            Step(1, "Relance 1", new(2025, 3, 10), first.Number),
            Step(2, "Relance 2", new(2025, 4, 29), first.Number, second.Number),
        ];
        return c;
    }

    public static Cabinet Cabinet() => new()
    {
        Name = "Cabinet Delaunay & Associés", Address = "12 rue de la République", PostalCode = "69002", City = "Lyon",
        SigningLawyer = "Maître Claire Delaunay", Bar = "barreau de Lyon",
            Email = "c.delaunay@delaunay-avocats.example",
        MediatorName = "Médiateur de la consommation de la profession d'avocat",
            MediatorAddress = "180 boulevard Haussmann, 75008 Paris",
        MediatorEmail = "mediateur@mediateur-consommation-avocat.fr",
            MediatorWebsite = "https://mediateur-consommation-avocat.fr",
    };

    /// <summary>The letter fields of the sample case: the mise en demeure sent by ERE on <see cref="AsOf"/>, with 8
    /// days to pay.</summary>
    public static Dictionary<string, object?> Data()
    {
        var c = Case();
        var policy = ReminderPolicy.CreateDefault();
        var assessment = CaseAssessor.Assess(c, policy, InMemoryRateTable.FrenchDefaults(), AsOf);
        return LetterDataBuilder.Build(c, assessment, Cabinet(), policy, LetterDataBuilder.DefaultDeadlineDays,
            demonstration: true, StepChannel.Ere);
    }

    /// <summary>The data as JSON, the shape the <c>render</c> verb reads: dates as « AAAA-MM-JJ », amounts as
    /// numbers.</summary>
    public static string Json()
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true,
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
            Write(w, Data());
        return Encoding.UTF8.GetString(stream.ToArray()).Replace("\r\n", "\n") + "\n";
    }

    public static int Command(string[] args, TextWriter output)
    {
        if (args.Length != 1) throw new Infrastructure.Cli.CliUsageException("Usage : exemple-donnees <fichier.json>");
        try { File.WriteAllText(args[0], Json()); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new Infrastructure.Cli.CliUsageException(
                $"Impossible d'écrire {args[0]} (chemin relatif au dossier AddinHost avec dotnet run) : {e.Message}");
        }
        output.WriteLine($"Données d'exemple calculées au {AsOf:dd/MM/yyyy} : {args[0]}");
        return Infrastructure.Cli.ExitCodes.Ok;
    }

    private static CaseEvent Step(int level, string name, DateOnly on, params string[] invoices) => new()
    {
        Kind = CaseEventKind.EtapeEffectuee, Level = level, StepName = name, EffectiveOn = on,
            InvoiceNumbers = [.. invoices],
        Summary = $"Étape effectuée : {name}",
    };

    private static void Write(Utf8JsonWriter w, object? value)
    {
        switch (value)
        {
            case null: w.WriteNullValue(); break;
            case string s: w.WriteStringValue(s); break;
            case bool b: w.WriteBooleanValue(b); break;
            case int n: w.WriteNumberValue(n); break;
            // Two decimals for amounts and rates, as the calculator rounds them.
            case decimal d: w.WriteRawValue(d.ToString("0.00", CultureInfo.InvariantCulture)); break;
            case DateOnly d: w.WriteStringValue(d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)); break;
            case IReadOnlyDictionary<string, object?> map:
                w.WriteStartObject();
                foreach (var (key, item) in map)
                {
                    w.WritePropertyName(key);
                    Write(w, item);
                }
                w.WriteEndObject();
                break;
            case System.Collections.IEnumerable list:
                w.WriteStartArray();
                foreach (var item in list) Write(w, item);
                w.WriteEndArray();
                break;
            default: throw new InvalidOperationException($"Unexpected letter value {value.GetType().Name}.");
        }
    }
}
