using AddinHost.Dispatch.Ar24;
using Microsoft.Extensions.Http.Resilience;
using AddinHost.Dispatch.Outbox;
using AddinHost.Infrastructure.Auth;
using Microsoft.Extensions.Options;

namespace AddinHost.Dispatch;

public static class DispatchEndpoints
{
    public static IHostApplicationBuilder AddDispatch(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<DispatchOptions>().Bind(builder.Configuration.GetSection(DispatchOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<Ar24Options>().Bind(builder.Configuration.GetSection(Ar24Options.Section)).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddHttpClient<Ar24Client>((sp, http) =>
            {
                var o = sp.GetRequiredService<IOptions<Ar24Options>>().Value;
                http.BaseAddress = new Uri(o.BaseUrl.EndsWith('/') ? o.BaseUrl : o.BaseUrl + "/");
                http.Timeout = Timeout.InfiniteTimeSpan; // the resilience pipeline times each attempt
            })
            .AddStandardResilienceHandler(o =>
            {
                // A POST mail that timed out may have been sent: never retried here, the outbox reconciles it.
                o.Retry.DisableForUnsafeHttpMethods();
                o.AttemptTimeout.Timeout = TimeSpan.FromSeconds(30);
                o.CircuitBreaker.SamplingDuration = TimeSpan.FromSeconds(60);
                o.TotalRequestTimeout.Timeout = TimeSpan.FromSeconds(90);
            });
        builder.Services.AddScoped<DispatchService>();
        builder.Services.AddSingleton<DispatchProcessor>();
        builder.Services.AddHostedService<DispatchWorker>();
        return builder;
    }

    public static IEndpointRouteBuilder MapDispatch(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/cases/{id:guid}/dispatches", async (Guid id, DispatchRequest body, DispatchService service, CancellationToken ct) =>
            {
                var (dispatch, created) = await service.PlanAsync(id, body, ct);
                return created
                    ? Results.Created($"/api/dispatches/{dispatch.Id}", Labelled(dispatch))
                    : Results.Ok(Labelled(dispatch));
            })
            .WithTags("Envois").WithSummary("Envoyer la prochaine étape du dossier par AR24 ; rappeler renvoie le même envoi, jamais un second")
            .RequireAuthorization(Policies.Decision);

        app.MapGet("/api/dispatches/{id:guid}", async (Guid id, DispatchService service, CancellationToken ct) => TypedResults.Ok(Labelled(await service.GetAsync(id, ct))))
            .WithTags("Envois").WithSummary("L'état d'un envoi").RequireAuthorization(Policies.Lecture);
        app.MapAr24Webhook();
        return app;
    }

    private static DispatchDto Labelled(DispatchDto d) => d with { StateLabel = DispatchStates.Label(d.State) };
}

/// <summary>Drains the outbox: one row at a time, resting when there is nothing to do.</summary>
internal sealed class DispatchWorker(DispatchProcessor processor, IOptions<DispatchOptions> options, TimeProvider clock, ILogger<DispatchWorker> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Worker) return;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (await processor.ProcessNextAsync(stoppingToken)) continue;
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
