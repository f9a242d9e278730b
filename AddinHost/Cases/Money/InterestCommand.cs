using AddinHost.Infrastructure.Cli;
using System.Globalization;
using System.Text.Json;

namespace AddinHost.Cases.Money;

/// <summary><c>interest</c>: one claim's penalties or legal interest, period by period, as JSON or a French
/// table.</summary>
public static class InterestCommand
{
    public const string Usage =
        "interest --principal 1200.00 --due 2025-03-31 --as-of 2025-09-30 --debtor " +
            "professionnel|consommateur|non-professionnel " +
        "[--contract-rate 15.0] [--creditor professionnel|particulier|non-professionnel] [--notice-received " +
            "2025-04-10] " +
        "[--day-count actual365|actualactual] [--json]";

    private static readonly Dictionary<string, DebtorKind> Debtors = new()
    {
        ["professionnel"] = DebtorKind.Professionnel, ["consommateur"] = DebtorKind.Consommateur,
            ["non-professionnel"] = DebtorKind.NonProfessionnel,
    };

    // « particulier » is a natural person outside a trade (a consumer); « autre », kept for older scripts, a
    // professional.
    private static readonly Dictionary<string, PartyKind> Creditors = new()
    {
        ["professionnel"] = PartyKind.Professionnel, ["autre"] = PartyKind.Professionnel,
            ["particulier"] = PartyKind.Consommateur,
        ["consommateur"] = PartyKind.Consommateur, ["non-professionnel"] = PartyKind.NonProfessionnel,
    };
    private static readonly Dictionary<string, DayCount> DayCounts =
        new() { ["actual365"] = DayCount.Actual365, ["actualactual"] = DayCount.ActualActual };
    private static readonly CultureInfo Fr = CultureInfo.GetCultureInfo("fr-FR");

    public static int Run(IEnumerable<string> args, TextWriter output, IRateTable rates, DateOnly today)
    {
        var a = new CliArguments(args, new HashSet<string> { "json" });
        var request = new InterestQuoteRequest(
            a.Decimal("principal") ?? throw new CliUsageException("L'option --principal est obligatoire."),
            a.Date("due") ?? throw new CliUsageException("L'option --due est obligatoire."),
            a.Date("as-of") ?? throw new CliUsageException("L'option --as-of est obligatoire."),
            a.Choice("debtor", Debtors) ?? throw new CliUsageException(
                "L'option --debtor est obligatoire (professionnel, consommateur ou non-professionnel)."),
            a.Decimal("contract-rate"), null, a.Date("notice-received"), a.Choice("day-count", DayCounts),
                a.Choice("creditor", Creditors));
        var json = a.Flag("json");
        a.RejectUnknown();
        if (a.Positionals.Count > 0)
            throw new CliUsageException($"Argument inattendu : {a.Positionals[0]}.");

        var result = InterestQuote.Compute(request, rates, today);
        if (json) WriteJson(output, result);
        else WriteTable(output, result);
        return 0;
    }

    private static void WriteJson(TextWriter output, InterestQuoteResult r)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream))
        {
            w.WriteStartObject();
            WriteMoney(w, "principal", r.Principal);
            WriteMoney(w, "interest", r.Interest);
            WriteMoney(w, "indemnity", r.Indemnity);
            WriteMoney(w, "total", r.Total);
            w.WriteStartArray("periods");
            foreach (var p in r.Periods)
            {
                w.WriteStartObject();
                w.WriteString("from", p.From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                w.WriteString("to", p.To.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                w.WriteNumber("days", p.Days);
                w.WriteNumber("rate", p.Rate);
                WriteMoney(w, "amount", p.Amount);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        output.WriteLine(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
    }

    // Amounts always carry two decimals (1316.10, not 1316.1), as the format promises.
    private static void WriteMoney(Utf8JsonWriter w, string name, decimal amount)
    {
        w.WritePropertyName(name);
        w.WriteRawValue(decimal.Round(amount, 2, MidpointRounding.AwayFromZero)
            .ToString("0.00", CultureInfo.InvariantCulture));
    }

    private static void WriteTable(TextWriter o, InterestQuoteResult r)
    {
        o.WriteLine(r.Regime);
        o.WriteLine($"Fondement : {r.LegalBasis}");
        if (r.Note is not null) o.WriteLine($"Remarque : {r.Note}");
        o.WriteLine();
        o.WriteLine($"{"Du",-12}{"Au",-12}{"Jours",7}{"Taux",10}{"Montant",14}");
        foreach (var p in r.Periods)
            o.WriteLine(
                $"{p.From.ToString("dd/MM/yyyy", Fr),-12}{p.To.ToString("dd/MM/yyyy", Fr),-12}{p.Days,7}" +
                $"{p.Rate.ToString("0.00", Fr) + " %",10}{Eur(p.Amount),14}");
        o.WriteLine();
        o.WriteLine($"{"Principal",-30}{Eur(r.Principal),25}");
        o.WriteLine($"{"Pénalités / intérêts",-30}{Eur(r.Interest),25}");
        o.WriteLine($"{"Indemnité forfaitaire",-30}{Eur(r.Indemnity),25}");
        o.WriteLine($"{"Total dû",-30}{Eur(r.Total),25}");
    }

    private static string Eur(decimal d) => d.ToString("#,##0.00", Fr) + " €";
}
