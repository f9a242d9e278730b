using AddinHost.Cases.Money;
using AddinHost.Cases.Planning;
using AddinHost.Infrastructure;
using AddinHost.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace AddinHost.Cases.Demo;

/// <summary>
/// Seeds the demo firm with fictitious French data at every stage of the ladder. Dates are relative to
/// today, so the demo always shows steps due now. Every name, SIREN and address is invented.
/// </summary>
public sealed class DemoSeeder(DunningDbContext db, TimeProvider clock)
{
    public const string DemoLabel = "DÉMONSTRATION";

    /// <summary>The case at the judicial step: its mise en demeure accepted through AR24 (proofs filed by the host's
    /// demo), its deadline passed.</summary>
    public const string JudicialDebtor = "Électricité Marchand SAS";

    public async Task<bool> SeedAsync(CancellationToken ct)
    {
        if (await db.Cabinets.AnyAsync(ct))
            return false;
        var today = clock.Today();
        var now = clock.GetUtcNow();

        db.Cabinets.Add(new Cabinet
        {
            Name = "Cabinet Delaunay & Associés", Address = "12 rue de la République", PostalCode = "69002",
                City = "Lyon",
            SigningLawyer = "Maître Claire Delaunay", Bar = "barreau de Lyon",
                Email = "c.delaunay@delaunay-avocats.example",
            Siret = DemoSiret(81234567), Country = "FR",
            // The profession's consumer mediator, as the firm's setting (C. conso. L.612-1, L.616-1): to check before
            // real use.
            MediatorName = "Médiateur de la consommation de la profession d'avocat",
                MediatorAddress = "180 boulevard Haussmann, 75008 Paris",
            MediatorEmail = "mediateur@mediateur-consommation-avocat.fr",
                MediatorWebsite = "https://mediateur-consommation-avocat.fr",
        });
        var firm = new Creditor
        {
            Name = "Cabinet Delaunay & Associés", Kind = CreditorKind.Cabinet, Quality = PartyKind.Professionnel,
            Siren = DemoSiren(81234567), Address = "12 rue de la République", PostalCode = "69002", City = "Lyon",
            Email = "recouvrement@delaunay-avocats.example", Iban = "FR76 3000 4000 0100 0012 3456 789",
                Bic = "BNPAFRPPXXX",
        };
        var client = new Creditor
        {
            Name = "Menuiserie Bressan SAS", Kind = CreditorKind.Client, Quality = PartyKind.Professionnel,
            Siren = DemoSiren(79845612), Address = "4 chemin des Scieries", PostalCode = "01000",
                City = "Bourg-en-Bresse",
            Email = "compta@menuiserie-bressan.example", Iban = "FR76 1027 8073 0000 0205 5240 162",
                Bic = "CMCIFR2AXXX",
            // RIN 8.2: the client agreed, in its engagement letter, that the firm write to its debtors.
            ContactConsentOn = today.AddDays(-400), ContactConsentEvidence = "Lettre de mission (démonstration)",
        };
        db.Creditors.AddRange(firm, client);
        SeedRates(today);

        var n = 0;
        foreach (var s in Scenarios())
        {
            var debtor = s.Debtor;
            debtor.Key = debtor.Siren ?? debtor.Email ?? debtor.Name.ToLowerInvariant();
            db.Debtors.Add(debtor);
            var creditor = s.OwnFees ? firm : client;
            var firstDue = today.AddDays(-s.DaysLate);
            var c = new RecoveryCase
            {
                Reference = $"DR-{today.Year}-{++n:00000}", CreditorId = creditor.Id, DebtorId = debtor.Id,
                OpenedOn = firstDue.AddDays(-30),
            };
            if (s.Counsel)
                (c.CounselName, c.CounselEmail, c.CounselAddress, c.CounselPostalCode, c.CounselCity) =
                    ("Maître Paul Girard", "p.girard@girard-avocats.example", "9 quai Jean Moulin", "69001", "Lyon");
            if (s.OwnFees && s.FeeAgreement)
                (c.FeeAgreementOn, c.FeeAgreementReference) =
                    (c.OpenedOn.AddDays(-90), $"CH-{c.OpenedOn.Year}-{n:000}");
            db.Cases.Add(c);
            AddEvent(c, now, c.OpenedOn, CaseEventKind.Ouverture, "Dossier ouvert (données de démonstration)");

            var invoices = s.Amounts.Select((amount, i) => new Invoice
            {
                CaseId = c.Id, CreditorId = creditor.Id,
                Number = s.OwnFees ? $"HON-{today.Year}-{n:000}{i + 1}" : $"F{today.Year}-{n:000}{i + 1}",
                DueDate = firstDue.AddDays(i * 14), IssueDate = firstDue.AddDays(i * 14 - 30),
                AmountTtc = amount, AmountHt = decimal.Round(amount / 1.2m, 2), ContractRatePercent = s.ContractRate,
                // Some invoices say when the service was completed (or the mandate ended): prescription runs from it.
                CompletedOn = s.Completed ? firstDue.AddDays(i * 14 - 35) : null,
            }).ToList();
            db.Invoices.AddRange(invoices);

            for (var level = 0; level < s.StepsDone; level++)
            {
                var on = Max(firstDue.AddDays(DefaultLevels[level].DelayDays), c.OpenedOn);
                var step = AddEvent(c, now, on, CaseEventKind.EtapeEffectuee,
                    $"Étape effectuée : {DefaultLevels[level].Name}", level);
                step.StepName = DefaultLevels[level].Name;
                step.InvoiceNumbers = invoices.Where(i => i.IssueDate <= on).Select(i => i.Number).ToList();
                if (DefaultLevels[level].IsNotice)
                    AddEvent(c, now, on.AddDays(2), CaseEventKind.MiseEnDemeureRecue,
                        $"Mise en demeure reçue le {on.AddDays(2):dd/MM/yyyy}", level);
            }
            if (s.PaidShare > 0m)
            {
                var total = invoices.Sum(i => i.AmountTtc);
                var paid = decimal.Round(total * s.PaidShare, 2);
                var paidOn = today.AddDays(-s.PaidDaysAgo);
                db.Payments.Add(new Payment { CaseId = c.Id, Date = paidOn, Amount = paid, Reference = "Virement",
                    Source = PaymentSource.Saisie });
                AddEvent(c, now, paidOn, CaseEventKind.PaiementEnregistre, $"Règlement de {CaseCommands.Money(paid)}");
            }
            if (s.Pause is { } pause)
            {
                var window = new PauseWindow(pause, today.AddDays(-4),
                    pause == PauseKind.PromesseDePaiement ? today.AddDays(10) : null, null);
                db.Pauses.Add(new Pause { CaseId = c.Id, Kind = pause, StartedOn = window.StartedOn,
                    Until = window.Until, Reason = "Saisie de démonstration" });
                AddEvent(c, now, window.StartedOn, CaseEventKind.PauseOuverte,
                    $"Pause ouverte : {LadderPlanner.PauseLabel(window)}");
            }
            if (s.Acknowledged)
            {
                db.Acknowledgements.Add(new Acknowledgement { CaseId = c.Id, Date = today.AddDays(-60),
                    Note = "Courriel du débiteur reconnaissant la dette" });
                AddEvent(c, now, today.AddDays(-60), CaseEventKind.ReconnaissanceDeDette, "Reconnaissance de dette");
            }
        }
        await db.SaveChangesAsync(ct);
        return true;
    }

    // The shipped table stops at the last published semester; the demo must compute up to today, so it
    // carries the last known rates forward, each row saying it is a demo value and not an official one.
    private void SeedRates(DateOnly today)
    {
        var rows = RateStore.Defaults().ToList();
        db.InterestRates.AddRange(rows);
        var last = rows.Max(r => new HalfYear(r.Year, r.Half));
        for (var h = last.Next(); h.Start <= today; h = h.Next())
            foreach (var kind in Enum.GetValues<RateKind>())
                db.InterestRates.Add(new InterestRateEntry
                {
                    Kind = kind, Year = h.Year, Half = h.Half,
                    RatePercent = rows.Single(r => r.Kind == kind && r.Year == last.Year && r.Half == last.Half)
                        .RatePercent,
                    Source = $"{DemoLabel} : taux du semestre précédent reporté, à remplacer par le taux publié",
                });
    }

    private CaseEvent AddEvent(RecoveryCase c, DateTimeOffset at, DateOnly on, CaseEventKind kind, string summary,
        int? level = null)
    {
        return CaseHistory.Record(db, c.Id, new(kind, summary, "demo-seed", at) { EffectiveOn = on, Level = level });
    }

    // The demo's history follows the shipped ladder, so it moves with it.
    private static readonly List<PolicyLevel> DefaultLevels = ReminderPolicy.CreateDefault().Levels;

    private sealed record Scenario(Debtor Debtor, bool OwnFees, int DaysLate, decimal[] Amounts, int StepsDone,
        decimal? ContractRate = null, decimal PaidShare = 0m, PauseKind? Pause = null, bool Acknowledged = false,
            int PaidDaysAgo = 5,
        bool Counsel = false, bool FeeAgreement = true, bool Completed = false);

    private static IEnumerable<Scenario> Scenarios()
    {
        Debtor Pro(string name, int siren8, string city, string cp, string street) => new()
        { Name = name, Kind = DebtorKind.Professionnel, Siren = DemoSiren(siren8),
            Email = $"compta@{Slug(name)}.example", Address = street, PostalCode = cp, City = city };
        Debtor Person(string name, string city, string cp, string street, bool consent) => new()
        { Name = name, Kind = DebtorKind.Consommateur, Email = $"{Slug(name)}@courriel.example", Address = street,
            PostalCode = cp, City = city, ConsentsToElectronicRegisteredMail = consent };

        yield return new(Pro("Boulangerie Lefèvre SARL", 50123456, "Lyon", "69003", "8 rue Paul Bert"), false, -10,
            [1_250.00m, 860.40m, 415.20m], 0);
        yield return new(Pro("Transports Garnier et Fils SAS", 42356789, "Villeurbanne", "69100",
            "150 cours Émile Zola"), false, -2, [4_980.00m], 0);
        yield return new(Pro("Atelier Numérique Morel SAS", 83345612, "Nantes", "44000", "3 quai de la Fosse"), false,
            9, [2_400.00m, 1_180.00m, 640.00m], 1, ContractRate: 5.00m);
        yield return new(Pro("SCI Les Tilleuls", 44567123, "Bordeaux", "33000", "27 cours de l'Intendance"), false, 20,
            [7_560.00m, 3_200.00m, 1_850.00m], 2);
        yield return new(Pro("Garage Fontaine SARL", 51278934, "Grenoble", "38000", "61 avenue Alsace-Lorraine"), false,
            35, [3_315.60m, 1_420.00m, 980.00m], 3, ContractRate: 15.00m);
        yield return new(Pro("Cabinet d'architecture Roux", 80912345, "Marseille", "13006", "22 rue Paradis"), true, 52,
            [6_000.00m, 2_400.00m], 4,
            Completed: true);
        yield return new(Pro("Hôtel du Parc SAS", 43219876, "Annecy", "74000", "1 avenue d'Albigny"), false, 70,
            [12_480.00m, 5_220.00m, 2_950.00m, 1_310.00m], 5, Acknowledged: true);
        yield return new(Pro("Pharmacie Benoît SELARL", 88876543, "Lille", "59000", "14 rue Esquermoise"), true, 25,
            [1_800.00m, 1_800.00m], 2, Pause: PauseKind.Litige,
            FeeAgreement: false);
        yield return new(Pro("Imprimerie Lambert SAS", 39456781, "Dijon", "21000", "5 rue de la Liberté"), false, 40,
            [2_150.00m, 1_075.00m, 890.00m], 3, Pause: PauseKind.PromesseDePaiement);
        yield return new(Pro("Traiteur Chevalier SARL", 52187634, "Tours", "37000", "9 place Plumereau"), false, 30,
            [3_600.00m, 1_200.00m], 2, PaidShare: 0.40m);
        yield return new(Person("M. Julien Mercier", "Paris", "75011", "48 rue Oberkampf", true), true, 45,
            [2_880.00m, 1_440.00m, 720.00m], 4,
            Completed: true);
        yield return new(Person("Mme Claire Dubois", "Toulouse", "31000", "17 rue des Filatiers", false), false, 33,
            [1_920.00m, 960.00m, 480.00m], 3,
            Completed: true);
        yield return new(Person("M. et Mme Laurent Petit", "Rennes", "35000", "6 rue de Saint-Malo", false), true, 650,
            [3_240.00m, 1_620.00m], 5);
        yield return new(Person("Mme Sophie Girard", "Strasbourg", "67000", "30 quai des Bateliers", true), true, 60,
            [1_500.00m, 1_500.00m, 1_500.00m], 3, Pause: PauseKind.Echeancier);
        yield return new(Pro("Menuiserie Vidal SARL", 49321876, "Montpellier", "34000", "11 rue Foch"), false, 15,
            [2_760.00m, 1_380.00m], 2, PaidShare: 1.00m, PaidDaysAgo: 20);
        // At the judicial step: the mise en demeure accepted through AR24, its deadline passed (see JudicialDebtor).
        yield return new(Pro(JudicialDebtor, 61234587, "Chambéry", "73000", "12 rue de Boigne"), false, 75,
            [4_320.00m, 2_160.00m], 4);
        // Represented by counsel: every letter goes to the lawyer, never to the debtor (RIN art. 8.2).
        yield return new(Pro("Horizon Bâtiment SAS", 47812365, "Lyon", "69007", "40 avenue Jean Jaurès"), false, 32,
            [5_400.00m, 2_150.00m], 3, Counsel: true);
    }

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;

    private static string Slug(string name) => new(name.ToLowerInvariant()
        .Replace("é", "e").Replace("è", "e").Replace("ê", "e").Replace("ô", "o").Replace("â", "a").Replace("'", "")
        .Where(ch => char.IsAsciiLetterOrDigit(ch) || ch == ' ').Select(ch => ch == ' ' ? '-' : ch).ToArray());

    /// <summary>An invented SIREN: eight digits plus the Luhn key that makes it valid.</summary>
    public static string DemoSiren(int firstEight)
    {
        var digits = firstEight.ToString("00000000");
        for (var key = 0; key <= 9; key++)
            if (Siren.IsValid(digits + key))
                return digits + key;
        throw new InvalidOperationException("No Luhn key found.");
    }

    /// <summary>A fictitious SIRET: the demo SIREN, establishment 0001x closed by its Luhn key.</summary>
    public static string DemoSiret(int firstEight)
    {
        var prefix = DemoSiren(firstEight) + "0001";
        for (var key = 0; key <= 9; key++)
            if (Siren.IsValidSiret(prefix + key))
                return prefix + key;
        throw new InvalidOperationException("No Luhn key found.");
    }
}
