using AddinHost.Cases;
using AddinHost.Cases.Money;
using AddinHost.Cases.Planning;
using AddinHost.Dispatch.Outbox;
using AddinHost.Infrastructure.Auth;
using AddinHost.Infrastructure.Data;
using AddinHost.Letters;
using Microsoft.Extensions.DependencyInjection;
using AddinHost.Dispatch;

namespace AddinHost.Tests.Fixtures;

/// <summary>
/// Many mises en demeure planned at once for one firm, written straight to the database (the letters' rendering is
/// measured and tested elsewhere): the outbox then sends them to the AR24 simulator. Used by the multi-instance test
/// and the dispatch benchmark. <paramref name="services"/> must be the host that plays AR24.
/// </summary>
internal static class PlannedLetters
{
    public static async Task SeedAsync(IServiceProvider services, string tenant, int count, string referencePrefix)
    {
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().Set(tenant);
        scope.ServiceProvider.GetRequiredService<CurrentActor>().Id = "envois-en-nombre";
        var db = scope.ServiceProvider.GetRequiredService<DunningDbContext>();
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        // One AR24 sender address per firm, bound to it and active: its account is open at the simulator (the AR24
        // host).
        var email = $"envois@{tenant}.banc-essai.example";
        db.Cabinets.Add(new Cabinet { Name = "Cabinet Banc d'Essai", Email = email,
            SigningLawyer = "Maître Alix Banc", City = "Paris" });
        var ar24 = services.GetRequiredService<AddinHost.Sandbox.Ar24SandboxState>();
        var account = new AddinHost.Sandbox.SimulatedUser
        {
            Id = ar24.NextId(), Email = email, Firstname = "Alix", Lastname = "Banc", Gender = "F",
                Statut = "professionnel", Country = "FR",
            LinkedToApi = true, Confirmed = true, TermsAccepted = true,
        };
        ar24.Users[account.Id] = account;
        db.Ar24SenderAccounts.Add(new AddinHost.Dispatch.Ar24.Ar24SenderAccount
        {
            Email = email, Origin = AddinHost.Dispatch.Ar24.Ar24SenderOrigin.Confirmed,
                State = AddinHost.Dispatch.Ar24.Ar24SenderState.Active,
            Ar24UserId = account.Id, Gender = "F", Firstname = "Alix", Lastname = "Banc",
        });
        var creditor = new Creditor { Name = "Créancier du banc", Kind = CreditorKind.Client };
        db.Creditors.Add(creditor);
        var pdf = AddinHost.Sandbox.SimplePdf.Create([.. Enumerable.Range(1, 40)
            .Select(i => $"Ligne {i} du courrier de mise en demeure, banc d'essai.")]);
        var sha = AddinHost.Proofs.ProofHash.Of(pdf);
        for (var i = 0; i < count; i++)
        {
            var debtor = new Debtor { Key = $"{referencePrefix}-{i}", Name = $"Société Banc {i:D4} SAS",
                Kind = DebtorKind.Professionnel, Email = $"compta{i}@banc-{i}.example" };
            var c = new RecoveryCase { Reference = $"{referencePrefix}-{i:D5}", CreditorId = creditor.Id,
                DebtorId = debtor.Id, OpenedOn = new DateOnly(2025, 6, 1) };
            var letter = new GeneratedLetter { CaseId = c.Id, Template = "mise-en-demeure", Format = "pdf",
                FileName = "mise-en-demeure.pdf", Content = pdf, Sha256 = sha, AsOf = new DateOnly(2025, 9, 30) };
            db.Debtors.Add(debtor);
            db.Cases.Add(c);
            db.GeneratedLetters.Add(letter);
            db.Dispatches.Add(new DispatchItem
            {
                CaseId = c.Id, Level = 3, LevelName = "Mise en demeure", Channel = StepChannel.Ere,
                ChannelReason = "envoi en nombre",
                State = DispatchState.Planned, LetterId = letter.Id, CreatedBy = "envois-en-nombre",
            });
        }
        await db.SaveChangesAsync();
    }
}
