using AddinHost.Cases;
using AddinHost.Cases.Import;
using AddinHost.Infrastructure;
using AddinHost.Infrastructure.Audit;
using Microsoft.EntityFrameworkCore;
using AddinHost.Cases.Money;
using AddinHost.Infrastructure.Cli;
using AddinHost.Infrastructure.Data;
using AddinHost.Infrastructure.Problems;
using AddinHost.Letters;
using AddinHost.Letters.Engine;
using AddinHost.Letters.Pdf;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace AddinHost.Composition;

/// <summary>Admin verbs run by the same host: <c>migrate</c>, <c>import</c>, <c>interest</c>, <c>lint</c>,
/// <c>render</c>, <c>manifest</c>.</summary>
public static class CommandLine
{
    public const int Ok = ExitCodes.Ok, Failed = ExitCodes.Failed, BadArguments = ExitCodes.BadArguments;

    /// <summary>Settings missing or refused (sysexits EX_CONFIG).</summary>
    public const int RefusedSettings = ExitCodes.RefusedSettings;

    /// <summary>Who acts in an admin verb, as the audit and the history name it.</summary>
    public const string CliActor = "cli";
    private static readonly string[] Verbs = ["migrate", "import", "interest", "lint", "render", "exemple-donnees",
        "manifest", "help"];

    public static bool Handles(string[] args) => args.Length > 0 && Verbs.Contains(args[0]);

    public static async Task<int> RunAsync(string[] args, Func<string[], WebApplication> buildHost)
    {
        var rest = args.Skip(1).ToArray();
        try
        {
            return args[0] switch
            {
                "interest" => InterestCommand.Run(rest, Console.Out, InMemoryRateTable.FrenchDefaults(),
                    TimeProvider.System.Today()),
                "migrate" => await MigrateAsync(rest, buildHost),
                "import" => await ImportAsync(rest, buildHost),
                "lint" => LetterCommands.Lint(rest, Console.Out),
                "render" => await LetterCommands.RenderAsync(rest, Console.Out, ConvertToPdfAsync),
                "exemple-donnees" => SampleLetterData.Command(rest, Console.Out),
                "manifest" => await AddinHost.AddIn.ManifestCommand.RunAsync(rest, buildHost, Console.Out),
                _ => Help(),
            };
        }
        catch (CliUsageException e)
        {
            await Console.Error.WriteLineAsync($"Erreur : {e.Message}");
            await Console.Error.WriteLineAsync("Aide : dotnet run --project AddinHost -- help");
            return BadArguments;
        }
        catch (DomainException e)
        {
            await Console.Error.WriteLineAsync($"Erreur : {e.Message}");
            foreach (var (field, messages) in e.Errors ?? new Dictionary<string, string[]>())
                foreach (var m in messages)
                    await Console.Error.WriteLineAsync($"  {field} : {m}");
            // Validation of what the user typed is a bad argument; a refused file is a failure.
            return e.Kind == ErrorKind.Invalid ? BadArguments : Failed;
        }
        catch (TemplateRenderException e)
        {
            await Console.Error.WriteLineAsync($"Erreur : {e.Message}");
            return Failed;
        }
        catch (MissingRateException e)
        {
            await Console.Error.WriteLineAsync($"Erreur : {e.Message}");
            return Failed;
        }
    }

    private static async Task<byte[]> ConvertToPdfAsync(byte[] docx)
    {
        using var pool = new LibreOfficePool(Options.Create(new PdfOptions { PoolSize = 1 }),
            NullLogger<LibreOfficePool>.Instance);
        return await pool.ConvertAsync(docx, CancellationToken.None);
    }

    /// <summary>Applies the migrations; with <c>--app-role</c>, also creates the service's least-privilege role
    /// (PostgreSQL).</summary>
    private static async Task<int> MigrateAsync(string[] rest, Func<string[], WebApplication> buildHost)
    {
        var a = new CliArguments(rest, new HashSet<string>());
        var role = a.Text("app-role");
        a.RejectUnknown();
        if (a.Positionals.Count > 0) throw new CliUsageException(
            "migrate ne prend pas d'autre argument que --app-role <nom>.");
        await using var host = buildHost([]);
        var password = host.Configuration[AppRole.PasswordSetting];
        if (role is not null && string.IsNullOrWhiteSpace(password))
            throw new CliUsageException(
                $"--app-role demande le mot de passe du rôle dans {AppRole.PasswordSetting} (variable " +
                $"Database__AppRolePassword), jamais en argument.");
        await host.Services.MigrateDatabaseAsync();
        Console.WriteLine("Base de données à jour : toutes les migrations sont appliquées.");
        if (role is null) return Ok;
        await using var scope = host.Services.CreateAsyncScope();
        await AppRole.GrantAsync(scope.ServiceProvider.GetRequiredService<DunningDbContext>(), role, password!,
            CancellationToken.None);
        Console.WriteLine(
            $"Rôle applicatif « {role} » prêt : lecture et écriture des lignes, aucun changement de schéma.");
        return Ok;
    }

    private static async Task<int> ImportAsync(string[] rest, Func<string[], WebApplication> buildHost)
    {
        var a = new CliArguments(rest, new HashSet<string>());
        var tenant = a.Required("tenant");
        var creditorArgument = a.Text("creditor");
        a.RejectUnknown();
        if (a.Positionals.Count != 1) throw new CliUsageException(
            "Indiquez un seul fichier : import <fichier> --tenant <id>.");
        var path = a.Positionals[0];
        if (!File.Exists(path)) throw new CliUsageException($"Fichier introuvable : {path}.");

        await using var host = buildHost([]);
        await host.Services.MigrateDatabaseAsync();
        await using var scope = TenantScope.For(host.Services, tenant, CliActor);
        Guid? creditor = creditorArgument is null ? null
            : await ResolveCreditorAsync(scope.ServiceProvider, creditorArgument);
        await using var file = File.OpenRead(path);
        var report = await scope.ServiceProvider.GetRequiredService<InvoiceImporter>()
            .ImportAsync(file, Path.GetFileName(path), creditor, CancellationToken.None);
        Console.WriteLine(
            $"Import {report.Format} terminé pour « {tenant} » : {report.InvoicesCreated} facture(s) créée(s), " +
                          $"{report.InvoicesAlreadyPresent} déjà présente(s), {report.DebtorsCreated} débiteur(s) et " +
                              $"{report.CasesCreated} dossier(s) créé(s), " +
                          $"{report.PaymentsCreated} règlement(s).");
        foreach (var w in report.Warnings) Console.WriteLine($"  Attention : {w}");
        return Ok;
    }

    /// <summary>A creditor id, or a name: an unknown name is created as a client of the firm, and says so.</summary>
    private static async Task<Guid> ResolveCreditorAsync(IServiceProvider services, string value)
    {
        var db = services.GetRequiredService<DunningDbContext>();
        if (Guid.TryParse(value, out var id))
            return await db.Creditors.AnyAsync(c => c.Id == id) ? id
                : throw new CliUsageException($"--creditor : aucun créancier {id} dans ce cabinet.");
        var name = value.Trim();
        if (await db.Creditors.SingleOrDefaultAsync(c => c.Name == name) is { } existing)
            return existing.Id;
        var created = new Creditor { Name = name, Kind = CreditorKind.Client };
        db.Creditors.Add(created);
        services.GetRequiredService<AuditTrail>().Record("creancier.cree", nameof(Creditor), created.Id);
        await db.SaveChangesAsync();
        Console.WriteLine($"Créancier « {name} » créé (client du cabinet).");
        return created.Id;
    }

    private static int Help()
    {
        Console.WriteLine("""
            OutlookDunning — commandes d'administration
              dotnet run --project AddinHost                       démarre le serveur
              dotnet run --project AddinHost -- migrate [--app-role <nom>]
                                                                   applique les migrations de la base ; crée le rôle
            """ + "\n"
            + "                                                       applicatif PostgreSQL "
            + "(mot de passe : Database__AppRolePassword)\n"
            + """
              dotnet run --project AddinHost -- import <fichier> --tenant <id> [--creditor <id ou nom>]
                                                                   importe un CSV ou un FEC (tout ou rien)
              dotnet run --project AddinHost -- lint <modèle.docx>  vérifie un modèle de courrier
              dotnet run --project AddinHost -- render <modèle.docx> <données.json> <sortie.docx>
                                                                   fusionne un modèle avec des données
              dotnet run --project AddinHost -- exemple-donnees Templates/exemple-donnees.json
                                                                   recalcule les données d'exemple des modèles
            """);
        Console.WriteLine($"  dotnet run --project AddinHost -- {InterestCommand.Usage}");
        Console.WriteLine($"  dotnet run --project AddinHost -- {AddinHost.AddIn.ManifestCommand.Usage}");
        return Ok;
    }
}
