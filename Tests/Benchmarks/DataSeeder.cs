using AddinHost.Cases;
using AddinHost.Cases.Money;
using AddinHost.Infrastructure.Data;
using Microsoft.Extensions.DependencyInjection;

namespace Benchmarks;

/// <summary>Fills the benchmark tenant: cases of 1 to 19 invoices, with payments, pauses and steps.</summary>
public static class DataSeeder
{
    public static async Task SeedAsync(BenchHost host, Scale scale, DateOnly today)
    {
        var random = new Random(42);
        await using (var scope = host.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<DunningDbContext>();
            db.Creditors.Add(new Creditor { Name = "Créancier de mesure", Kind = CreditorKind.Client });
            await db.SaveChangesAsync();
        }

        Guid creditorId;
        await using (var scope = host.Scope())
            creditorId = scope.ServiceProvider.GetRequiredService<DunningDbContext>().Creditors.Single().Id;

        var perCase = scale.Invoices / scale.Cases;
        const int chunk = 500;
        for (var start = 0; start < scale.Cases; start += chunk)
        {
            await using var scope = host.Scope();
            var db = scope.ServiceProvider.GetRequiredService<DunningDbContext>();
            for (var n = start; n < Math.Min(start + chunk, scale.Cases); n++)
            {
                var debtor = new Debtor
                {
                    Key = $"debtor-{n}", Name = $"Société {n} SAS",
                    Kind = n % 5 == 0 ? DebtorKind.Consommateur : DebtorKind.Professionnel,
                    Email = $"compta{n}@exemple.test", City = "Lyon",
                };
                var c = new RecoveryCase { Reference = $"DR-2025-{n:00000}", CreditorId = creditorId,
                    DebtorId = debtor.Id, OpenedOn = today.AddDays(-400) };
                db.Debtors.Add(debtor);
                db.Cases.Add(c);
                var firstDue = today.AddDays(-random.Next(-20, 400));
                for (var i = 0; i < perCase; i++)
                    db.Invoices.Add(new Invoice
                    {
                        CaseId = c.Id, CreditorId = creditorId, Number = $"F{n:00000}-{i:00}",
                        IssueDate = firstDue.AddDays(i * 7 - 30), DueDate = firstDue.AddDays(i * 7),
                        AmountTtc = 100m + random.Next(0, 500_000) / 100m,
                        ContractRatePercent = i % 3 == 0 ? 12m : null,
                    });
                if (n % 2 == 0)
                    db.Payments.Add(new Payment { CaseId = c.Id, Date = today.AddDays(-random.Next(1, 60)),
                        Amount = 50m + random.Next(0, 50_000) / 100m, Source = PaymentSource.Saisie });
                if (n % 20 == 0)
                    db.Pauses.Add(new Pause { CaseId = c.Id, Kind = PauseKind.Litige, StartedOn = today.AddDays(-10) });
                for (var level = 0; level < n % 4; level++)
                    db.CaseEvents.Add(new CaseEvent { CaseId = c.Id, At = DateTimeOffset.UtcNow,
                        EffectiveOn = firstDue.AddDays(level * 10), Kind = CaseEventKind.EtapeEffectuee, Level = level,
                        Summary = "Étape", Actor = "benchmark" });
            }
            await db.SaveChangesAsync();
        }
    }
}
