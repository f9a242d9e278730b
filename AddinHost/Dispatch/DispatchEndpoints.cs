using AddinHost.Infrastructure.Configuration;
using AddinHost.Dispatch.Ar24;
using Microsoft.Extensions.Http.Resilience;
using AddinHost.Dispatch.Batches;
using AddinHost.Dispatch.Outbox;
using AddinHost.Dispatch.Senders;
using AddinHost.Infrastructure.Auth;
using AddinHost.Infrastructure.Problems;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using AddinHost.Infrastructure.Health;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace AddinHost.Dispatch;

/// <summary>The dispatch feature: its services, and the routes that send a step and follow its letters.</summary>
public static class DispatchEndpoints
{
    public static IHostApplicationBuilder AddDispatch(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<DispatchOptions>().Bind(builder.Configuration.GetSection(DispatchOptions.Section))
            .ValidateFrench(DispatchOptions.Section);
        builder.AddAr24Options();
        builder.Services.AddSingleton<IValidateOptions<DispatchOptions>, DispatchTimingCheck>();
        builder.Services.AddHttpClient<Ar24Client>((sp, http) =>
            {
                var o = sp.GetRequiredService<IOptions<Ar24Options>>().Value;
                http.BaseAddress = new Uri(o.BaseUrl.EndsWith('/') ? o.BaseUrl : o.BaseUrl + "/");
                // The resilience pipeline times each attempt; this bounds the whole call, reading the reply included,
                // so that a send never outlives the outbox's grace before "not found at AR24" is believed.
                http.Timeout = TimeSpan.FromSeconds(o.TimeoutSeconds * 3 + 10);
            })
            .AddStandardResilienceHandler()
            .Configure((o, sp) =>
            {
                var attempt = TimeSpan.FromSeconds(sp.GetRequiredService<IOptions<Ar24Options>>().Value.TimeoutSeconds);
                // A POST mail that timed out may have been sent: never retried here, the outbox reconciles it.
                o.Retry.DisableForUnsafeHttpMethods();
                o.AttemptTimeout.Timeout = attempt;
                o.CircuitBreaker.SamplingDuration = attempt * 2 > TimeSpan.FromSeconds(60) ? attempt * 2
                    : TimeSpan.FromSeconds(60);
                o.TotalRequestTimeout.Timeout = attempt * 3;
            });
        // Inside the resilience pipeline: each attempt is timed, as AR24 saw it.
        builder.Services.AddHttpClient<Ar24Client>()
            .AddHttpMessageHandler(sp => new Infrastructure.Telemetry.CallTimer((m, ms, outcome)
                => m.Ar24Call(ms, outcome), sp.GetRequiredService<Infrastructure.Telemetry.DunningMetrics>()));
        builder.Services.AddSingleton<WebhookKeys>();
        builder.Services.AddSingleton<WebhookHints>();
        builder.Services.AddScoped<EvidenceBundle>();
        builder.Services.AddOptions<QuotaOptions>().Bind(builder.Configuration.GetSection(QuotaOptions.Section))
            .ValidateFrench(QuotaOptions.Section);
        builder.Services.AddScoped<LetterQuota>();
        builder.Services.AddSingleton<Batches.EventStreams>();
        var callbacks = !string.IsNullOrWhiteSpace(builder.Configuration["Ar24:WebhookBaseUrl"]);
        // A key derived from the AR24 private key is a demo's shortcut: anywhere else the secret is the admin's.
        if (callbacks && WebhookKeys.Derived(builder.Configuration) && !builder.Environment.IsDevelopment())
            SettingsCheck.Of(builder)
                .Refuse($"{WebhookKeys.SecretSetting} est obligatoire dès que Ar24:WebhookBaseUrl est " +
                "renseigné : la clé de l'adresse de rappel de chaque cabinet en est dérivée (HMAC). Générez 32 " +
                    "octets " +
                "aléatoires (openssl rand -base64 32) et passez-les par Key Vault.", AdminGuide.Ar24);
        builder.Services.AddSingleton(new Infrastructure.Data.EmbeddedDefault(
            "Clé des rappels AR24 dérivée de la clé privée AR24",
            callbacks && WebhookKeys.Derived(builder.Configuration)));
        builder.Services.AddScoped<DispatchService>();
        builder.Services.AddScoped<DispatchQueries>();
        builder.Services.AddScoped<Batches.BatchService>();
        builder.Services.AddSingleton<Batches.BatchPreparer>();
        builder.Services.AddScoped<Channels.PostalRoute>();
        builder.Services.AddSingleton<DispatchProcessor>();
        // The outbox's turns, one scope each (DispatchProcessor resolves them for the claimed row's firm).
        builder.Services.AddScoped<TurnRecorder>();
        builder.Services.AddScoped<Ar24.Ar24Deposit>();
        builder.Services.AddScoped<Ar24.Ar24Follow>();
        builder.Services.AddScoped<Ar24.Ar24Reconciliation>();
        builder.Services.AddScoped<Ar24.Ar24Turn>();
        builder.Services.AddScoped<Email.EmailTurn>();
        builder.AddAr24Senders();
        builder.Services.AddScoped<Cases.IFirmAddressOwner, SenderAddressOwner>();
        builder.Services.AddScoped<Email.EmailSender>();
        builder.Services.AddScoped<DispatchAnnexes>();
        builder.Services.AddHostedService<DispatchWorker>();
        builder.Services.AddHostedService<ToVerifySampler>();
        builder.Services.AddHttpClient(Ar24HealthCheck.ClientName, http => http.Timeout = TimeSpan.FromSeconds(3));
        builder.AddReadinessCheck<Ar24HealthCheck>("ar24", HealthStatus.Degraded);
        return builder;
    }

    /// <summary>The <c>Ar24</c> section, checked at start-up; AR24's documented callback address unless others are
    /// configured.</summary>
    public static IHostApplicationBuilder AddAr24Options(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<Ar24Options>().Bind(builder.Configuration.GetSection(Ar24Options.Section))
            .ValidateFrench(Ar24Options.Section)
            // A configured list replaces the documented address (binding would otherwise append to a default).
            .PostConfigure(o => { if (o.WebhookAllowedIps.Count
                == 0) o.WebhookAllowedIps.Add(Ar24Options.DocumentedWebhookSource); });
        return builder;
    }

    public static IEndpointRouteBuilder MapDispatch(this IEndpointRouteBuilder app)
    {
        var cases = app.MapGroup("/api/cases/{id:guid}/dispatches").WithTags("Envois");
        cases.MapGet("/next", PreviewNext)
            .WithSummary("Avant d'envoyer : la prochaine étape, son canal et pourquoi, son coût")
            .RequireAuthorization(Policies.Lecture)
            .ProducesErrors(ErrorKind.NotFound, ErrorKind.Unprocessable);
        cases.MapGet("", ListForCase)
            .WithSummary("Les envois du dossier, avec leur état et leurs preuves")
            .RequireAuthorization(Policies.Lecture)
            .ProducesErrors(ErrorKind.NotFound);
        cases.MapPost("", SendNext)
            .WithSummary("Envoyer la prochaine étape (AR24, ou courrier à imprimer) ; rappeler renvoie le même envoi, "
                + "jamais un second")
            .RequireAuthorization(Policies.Decision)
            .ProducesErrors(ErrorKind.Invalid, ErrorKind.NotFound, ErrorKind.Conflict, ErrorKind.Unprocessable,
                ErrorKind.Unavailable);

        var dispatches = app.MapGroup("/api/dispatches/{id:guid}").WithTags("Envois");
        dispatches.MapGet("", GetDispatch)
            .WithSummary("L'état d'un envoi et ses preuves").RequireAuthorization(Policies.Lecture)
            .ProducesErrors(ErrorKind.NotFound);
        dispatches.MapGet("/letter", GetLetter)
            .WithSummary("Le courrier tel que généré (à imprimer pour la voie postale)")
            .RequireAuthorization(Policies.Lecture)
            .ProducesErrors(ErrorKind.NotFound);
        dispatches.MapPost("/posting", RecordPosting)
            .WithSummary("Voie postale : enregistrer le numéro de suivi La Poste du recommandé")
            .RequireAuthorization(Policies.Saisie)
            .ProducesErrors(ErrorKind.Invalid, ErrorKind.NotFound, ErrorKind.Conflict);
        dispatches.MapPost("/presentation", RecordPresentation)
            .WithSummary("Voie postale : enregistrer la date de première présentation du recommandé (le délai et les "
                + "intérêts en courent)")
            .RequireAuthorization(Policies.Saisie)
            .ProducesErrors(ErrorKind.Invalid, ErrorKind.NotFound, ErrorKind.Conflict);
        dispatches.MapGet("/proofs/{kind}", GetProof)
            .WithSummary("Télécharger une preuve (vérifiée contre son empreinte SHA-256)")
            .RequireAuthorization(Policies.Lecture)
            .ProducesErrors(ErrorKind.NotFound, ErrorKind.Conflict);
        app.MapAr24Webhook();
        app.MapAr24Senders();
        app.MapBatches();
        return app;
    }

    public static async Task<Results<Ok<DispatchPreview>, ProblemHttpResult>> PreviewNext(
        Guid id, DispatchService service, CancellationToken ct) => TypedResults.Ok(await service.PreviewAsync(id, ct));

    public static async Task<Results<Ok<IReadOnlyList<DispatchDto>>, ProblemHttpResult>> ListForCase(
        Guid id, DispatchQueries queries, CancellationToken ct) => TypedResults.Ok(await queries.ForCaseAsync(id, ct));

    /// <summary>201 for a new dispatch; 200 with the same one when the step was already asked for.</summary>
    public static async Task<Results<Created<DispatchDto>, Ok<DispatchDto>, ProblemHttpResult>> SendNext(
        Guid id, DispatchRequest body, DispatchService service, CancellationToken ct)
    {
        var (dispatch, created) = await service.PlanAsync(id, body, ct);
        return created ? TypedResults.Created($"/api/dispatches/{dispatch.Id}", dispatch) : TypedResults.Ok(dispatch);
    }

    public static async Task<Results<Ok<DispatchDto>, ProblemHttpResult>> GetDispatch(
        Guid id, DispatchQueries queries, CancellationToken ct) => TypedResults.Ok(await queries.GetAsync(id, ct));

    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> GetLetter(
        Guid id, Channels.PostalRoute postal, CancellationToken ct)
    {
        var letter = await postal.LetterAsync(id, ct);
        var type = letter.Format == "pdf" ? "application/pdf" : Letters.LetterEndpoints.DocxType;
        return TypedResults.File(letter.Content, type, letter.FileName);
    }

    public static async Task<Results<Ok<DispatchDto>, ProblemHttpResult>> RecordPosting(
        Guid id, PostingRequest body, Channels.PostalRoute postal, CancellationToken ct) =>
        TypedResults.Ok(await postal.RecordPostingAsync(id, body, ct));

    public static async Task<Results<Ok<DispatchDto>, ProblemHttpResult>> RecordPresentation(
        Guid id, PresentationRequest body, Channels.PostalRoute postal, CancellationToken ct) =>
        TypedResults.Ok(await postal.RecordPresentationAsync(id, body, ct));

    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> GetProof(
        Guid id, string kind, Proofs.ProofReader reader, CancellationToken ct)
    {
        var (name, content) = await reader.ReadAsync(id, kind, ct);
        return TypedResults.File(content,
            name.EndsWith(".pdf", StringComparison.Ordinal) ? "application/pdf" : "application/octet-stream", name);
    }
}

/// <summary>Drains the outbox: one row at a time, resting when there is nothing to do.</summary>
internal sealed class DispatchWorker(DispatchProcessor processor, Batches.BatchPreparer batches,
    IOptions<DispatchOptions> options, TimeProvider clock, ILogger<DispatchWorker> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Worker) return;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                // Sending what is planned comes first; a batch's next letter is prepared when the outbox is idle.
                if (await processor.ProcessNextAsync(stoppingToken)
                    || await batches.PrepareNextAsync(stoppingToken)) continue;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogError(e, "Outbox worker error");
            }
            try { await Task.Delay(TimeSpan.FromSeconds(options.Value.IdleSeconds), clock, stoppingToken); }
            catch (OperationCanceledException) { return; }
        }
    }
}
