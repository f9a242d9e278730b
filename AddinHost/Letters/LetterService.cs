using System.Security.Cryptography;
using AddinHost.Cases;
using AddinHost.Cases.Money;
using AddinHost.Cases.Planning;
using AddinHost.Infrastructure;
using AddinHost.Infrastructure.Audit;
using AddinHost.Infrastructure.Auth;
using AddinHost.Infrastructure.Data;
using AddinHost.Infrastructure.Problems;
using AddinHost.Letters.Engine;
using AddinHost.Letters.Pdf;
using Microsoft.EntityFrameworkCore;

namespace AddinHost.Letters;

/// <summary>Produces a case's letter from a template, as of a day; for real, it keeps the exact bytes.</summary>
public sealed class LetterService(
    CaseRepository cases, CaseService assessment, TemplateStore templates, DunningDbContext db,
        IEnumerable<EmbeddedDefault> defaults,
    IPdfConverter pdf, AuditTrail audit, CurrentActor actor, TimeProvider clock, LetterEngine engine)
{
    /// <summary>The engine with the default limits, for the command line and the benchmarks; the server's is
    /// configured.</summary>
    public static readonly LetterEngine Engine = new(LetterFields.All);

    /// <summary>The engine's problems (the server's, within its limits, when given), then the mentions the law
    /// requires.</summary>
    public static IReadOnlyList<TemplateProblem> Lint(string name, byte[] docx, LetterEngine? engine = null) =>
        [.. (engine ?? Engine).Lint(docx), .. MentionChecklist.Check(name, docx)];

    /// <summary>The firm's new version of a template: refused with every problem found, else saved and audited.
    /// </summary>
    public async Task<TemplateStore.VersionInfo> UploadTemplateAsync(string name, byte[] content, CancellationToken ct)
    {
        var problems = Lint(name, content, engine);
        if (problems.Count > 0) throw TemplateProblems(name, problems);
        var saved = await templates.AddVersionAsync(name, content, actor.Id, clock.GetUtcNow(), ct);
        audit.Record("modele.depose", nameof(LetterTemplate), saved.Id);
        await db.SaveChangesAsync(ct);
        return new TemplateStore.VersionInfo(saved.Version, saved.UploadedAt, saved.UploadedBy, saved.Sha256);
    }

    public sealed record Letter(string Template, int TemplateVersion, string FileName, string Format, byte[] Content,
        IReadOnlyList<string> InvoiceNumbers);
    public sealed record GeneratedLetterDto(Guid Id, string Template, int TemplateVersion, string Format,
        string FileName, string Sha256, DateOnly AsOf, DateTimeOffset CreatedAt, string CreatedBy);

    /// <summary>
    /// <paramref name="channel"/> is how the letter will really leave; without it, the policy level that names the
    /// template decides, routed as a dispatch would be (see <see cref="LetterRecipients.Route"/>).
    /// </summary>
    public async Task<Letter> RenderAsync(Guid caseId, string template, string format, int deadlineDays, DateOnly asOf,
        CancellationToken ct,
        StepChannel? channel = null)
    {
        if (deadlineDays is < 1 or > 90) throw Problem.Validation("deadlineDays",
            "Le délai de paiement est compris entre 1 et 90 jours.");
        if (format is not ("docx" or "pdf")) throw Problem.Validation("format", "Formats possibles : docx ou pdf.");
        // Merged here, they would lack what only the judicial phase knows (court, bordereau, commissaire).
        if (JudicialTemplateNames.All.Contains(template))
            throw DomainException.Conflict($"Le modèle « {template} » se génère depuis la phase judiciaire du " +
                "dossier (…/judiciaire/requete ou …/judiciaire/petites-creances/invitation), qui fournit la " +
                "juridiction, le bordereau ou le commissaire de justice.");
        if (channel is StepChannel.Telephone or StepChannel.Decision)
            throw Problem.Validation("channel",
                "Un courrier part par courriel, envoi recommandé électronique (Ere), LRE qualifiée (LreQualifiee) ou " +
                "La Poste (Courrier).");
        var c = await cases.GetAsync(caseId, ct);
        var a = await assessment.AssessAsync(c, asOf, ct);
        // A letter must never state a wrong amount: no rate, no letter.
        if (a.AmountsError is { } error) throw DomainException.Unprocessable(error);

        var policy = await assessment.PolicyAsync(ct);
        var to = LetterRecipients.For(c);
        // A letter names the channel it leaves by: one the recipient's rules forbid (CPCE L.100) would state a
        // falsehood.
        if (channel is { } asked && LetterRecipients.Route(asked, to) != asked)
            throw Problem.Validation("channel", $"Ce courrier ne peut pas partir par ce canal : {to.Role} n'a pas "
                + "d'adresse électronique, ou n'est pas un professionnel et n'a pas accepté les envois recommandés "
                + "électroniques. Il part par La Poste (Courrier).");
        var route = channel ?? ChannelFor(template, policy, to);
        var name = TemplateStore.Variant(template, c.Creditor.Kind == CreditorKind.Cabinet,
            !LateRegimes.For(c.Creditor.Quality, c.Debtor.Kind).Commercial, c.HasCounsel);
        var source = await templates.GetAsync(name, ct);
        var cabinet = await db.Cabinets.AsNoTracking().SingleOrDefaultAsync(ct);
        CheckFeeLetter(c, cabinet, name);
        var data = LetterDataBuilder.Build(c, a, cabinet, policy, deadlineDays, defaults.Any(d => d.InUse), route);
        byte[] docx;
        try { docx = engine.Render(source.Content, data); }
        catch (TemplateProblemsException e) { throw TemplateProblems(name, e.Problems); }
        var content = format == "pdf" ? await pdf.ConvertAsync(docx, ct) : docx;
        return new Letter(name, source.Version, $"{c.Reference}-{name}.{format}", format, content,
            LetterDataBuilder.Listed(c, a).Select(i => i.Number).ToList());
    }

    /// <summary>Generates the letter for real: stored with the case, byte for byte, and written in its
    /// history.</summary>
    public async Task<GeneratedLetterDto> GenerateAsync(Guid caseId, string template, string format, int deadlineDays,
        CancellationToken ct,
        StepChannel? channel = null)
    {
        var letter = await StageAsync(caseId, template, format, deadlineDays, ct, channel);
        await db.SaveChangesAsync(ct);
        return letter;
    }

    /// <summary>
    /// The letter, its history entry and audit record added to the request's work, not saved: a caller that plans a
    /// dispatch commits them with it, so a refused duplicate leaves no letter behind.
    /// </summary>
    public async Task<GeneratedLetterDto> StageAsync(Guid caseId, string template, string format, int deadlineDays,
        CancellationToken ct, StepChannel? channel = null)
    {
        var today = clock.Today();
        var letter = await RenderAsync(caseId, template, format, deadlineDays, today, ct, channel);
        return ToDto(Keep(caseId, letter, today));
    }

    /// <summary>
    /// A letter merged elsewhere (the judicial phase's, with its own fields) kept with the case as this feature keeps
    /// its own: stored byte for byte, written in the history (<paramref name="detail"/> added to the entry) and the
    /// audit log, in the caller's unit of work.
    /// </summary>
    public GeneratedLetter Keep(Guid caseId, Letter letter, DateOnly asOf, string? detail = null)
    {
        var stored = new GeneratedLetter
        {
            CaseId = caseId, Template = letter.Template, TemplateVersion = letter.TemplateVersion,
                Format = letter.Format, FileName = letter.FileName,
            Content = letter.Content, Sha256 = Convert.ToHexStringLower(SHA256.HashData(letter.Content)), AsOf = asOf,
            CreatedAt = clock.GetUtcNow(), CreatedBy = actor.Id, InvoiceNumbers = letter.InvoiceNumbers.ToList(),
        };
        db.GeneratedLetters.Add(stored);
        var what = detail is null ? "" : $", {detail}";
        CaseHistory.Record(db, caseId, new(CaseEventKind.CourrierGenere,
            $"Courrier généré : {letter.Template} ({letter.Format.ToUpperInvariant()}{what}, SHA-256 " +
            $"{stored.Sha256[..12]}…)", actor.Id, stored.CreatedAt)
        {
            EffectiveOn = asOf,
        });
        audit.Record("courrier.genere", nameof(GeneratedLetter), stored.Id);
        return stored;
    }

    /// <summary>The case's latest letter from <paramref name="template"/>, if any.</summary>
    public async Task<GeneratedLetter?> LatestAsync(Guid caseId, string template, CancellationToken ct) =>
        // Ordered here: SQLite cannot order by a DateTimeOffset; a case has few letters from one template.
        (await db.GeneratedLetters.AsNoTracking().Where(l => l.CaseId == caseId && l.Template == template)
            .ToListAsync(ct)).MaxBy(l => l.CreatedAt);

    public async Task<IReadOnlyList<GeneratedLetterDto>> ListAsync(Guid caseId, CancellationToken ct)
    {
        await cases.GetAsync(caseId, ct); // 404 for a case that is not the caller's
        return (await db.GeneratedLetters.AsNoTracking().Where(l => l.CaseId == caseId).ToListAsync(ct))
            .OrderByDescending(l => l.CreatedAt).Select(ToDto).ToList();
    }

    public async Task<GeneratedLetter> GetAsync(Guid caseId, Guid letterId, CancellationToken ct) =>
        await db.GeneratedLetters.AsNoTracking().SingleOrDefaultAsync(l => l.CaseId == caseId && l.Id == letterId, ct)
        ?? throw DomainException.NotFound("Courrier");

    /// <summary>A generated letter downloaded: written to the audit log, as a proof's download is.</summary>
    public async Task<GeneratedLetter> DownloadAsync(Guid caseId, Guid letterId, CancellationToken ct)
    {
        var letter = await GetAsync(caseId, letterId, ct);
        audit.Record("courrier.telecharge", nameof(GeneratedLetter), letter.Id);
        await db.SaveChangesAsync(ct);
        return letter;
    }

    private static GeneratedLetterDto ToDto(GeneratedLetter l) =>
        new(l.Id, l.Template, l.TemplateVersion, l.Format, l.FileName, l.Sha256, l.AsOf, l.CreatedAt, l.CreatedBy);

    /// <summary>
    /// The level that names the template gives the planned channel (a notice template matches the policy's notice
    /// level); a template no level names is an e-mail when its name says so, else a postal letter.
    /// </summary>
    public static StepChannel ChannelFor(string template, ReminderPolicy policy, LetterRecipient to)
    {
        var level = policy.Levels.FirstOrDefault(l => l.Template == template)
            ?? (template.StartsWith(PolicyLevel.NoticeTemplate, StringComparison.Ordinal)
                ? policy.Levels.FirstOrDefault(l => l.IsNotice) : null);
        var planned = level?.Channel is StepChannel.Email or StepChannel.Ere or StepChannel.LreQualifiee
            or StepChannel.Courrier
            ? level.Channel : template.StartsWith("courriel", StringComparison.Ordinal) ? StepChannel.Email
                : StepChannel.Courrier;
        return LetterRecipients.Route(planned, to);
    }

    /// <summary>
    /// A fee letter to a consumer client names the profession's consumer mediator (C. conso. L.612-1, L.616-1): without
    /// the firm's mediator settings it cannot be written.
    /// </summary>
    private static void CheckFeeLetter(RecoveryCase c, Cabinet? cabinet, string template)
    {
        if (c.Creditor.Kind == CreditorKind.Cabinet && c.Debtor.Kind == Cases.Money.DebtorKind.Consommateur
            && template.EndsWith("honoraires", StringComparison.Ordinal)
            && (string.IsNullOrWhiteSpace(cabinet?.MediatorName) || string.IsNullOrWhiteSpace(cabinet.MediatorAddress)
                || string.IsNullOrWhiteSpace(cabinet.MediatorWebsite)))
            throw DomainException.Unprocessable(
                "Un client consommateur doit recevoir les coordonnées du médiateur de la consommation de la " +
                "profession d'avocat " +
                "(art. L.612-1 et L.616-1 C. conso.) : l'administrateur doit les renseigner (nom, adresse, site) " +
                    "dans l'identité du cabinet.");
    }

    public static DomainException TemplateProblems(string name, IReadOnlyList<TemplateProblem> problems) => new(
        $"Le modèle « {name} » contient {problems.Count} erreur(s) : corrigez-le avant de générer un courrier.",
        ErrorKind.Unprocessable,
        problems.Select((p, i) => (p, i)).ToDictionary(x => $"{x.i + 1}. {x.p.Part}, paragraphe {x.p.Paragraph}",
            x => new[] { $"{x.p.Message} — « {x.p.Context} »" }));
}
