using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using AddinHost.Dispatch.Outbox;
using AddinHost.Infrastructure.Data;
using AddinHost.Infrastructure.Telemetry;
using AddinHost.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using AddinHost.Dispatch;

namespace AddinHost.Tests.Infrastructure;

/// <summary>The firm's figures, as an OpenTelemetry collector would read them from this host's meter (and no other
/// host's).</summary>
public sealed class TelemetryTests() : GraphServerTestBase(DbKind.Sqlite)
{
    private readonly ConcurrentQueue<(string Instrument, double Value, Dictionary<string, string> Tags)> _measured =
        new();
    private MeterListener _listener = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        var factory = App.Services.GetRequiredService<IMeterFactory>();
        _listener = new MeterListener
        {
            // Only this host's meter: other tests' hosts run alongside with meters of the same name.
            InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == DunningMetrics.Name && instrument.Meter.Scope == factory)
                    listener.EnableMeasurementEvents(instrument);
            },
        };
        _listener.SetMeasurementEventCallback<long>((i, v, tags, _) => Record(i, v, tags));
        _listener.SetMeasurementEventCallback<double>((i, v, tags, _) => Record(i, v, tags));
        _listener.Start();
    }

    private void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags) =>
        _measured.Enqueue((instrument.Name, value,
            tags.ToArray().ToDictionary(t => t.Key, t => t.Value?.ToString() ?? "")));

    public override async Task DisposeAsync()
    {
        _listener.Dispose();
        await base.DisposeAsync();
    }

    private double Sum(string instrument, Func<Dictionary<string, string>, bool>? where = null) =>
        _measured.Where(m => m.Instrument == instrument && (where?.Invoke(m.Tags) ?? true)).Sum(m => m.Value);

    [Fact]
    public async Task Letters_sent_state_changes_and_provider_calls_are_counted_by_channel()
    {
        var (_, company, _) = await SeedTypicalAsync();
        await NoticeScenario.DepositNoticeAsync(App, Client, company.Id);

        Assert.Equal(1, Sum("outlookdunning.letters.sent", t => t["channel"] == "Ere"));
        Assert.Equal(1, Sum("outlookdunning.dispatch.state_changes",
            t => t["from"] == "Planned" && t["to"] == "Deposited"));
        Assert.True(Sum("outlookdunning.ar24.duration") > 0);
        Assert.Contains(_measured, m => m.Instrument == "outlookdunning.ar24.duration" && m.Tags["outcome"] == "2xx");
    }

    [Fact]
    public async Task An_email_reminder_and_its_graph_calls_are_counted()
    {
        var (_, company, _) = await SeedTypicalAsync();
        (await Client.PostJsonAsync($"/api/cases/{company.Id}/dispatches", new { level = 1 }))
            .EnsureSuccessStatusCode();
        while (await App.Services.GetRequiredService<DispatchProcessor>().ProcessNextAsync(default)) { }
        Assert.Equal(1, Sum("outlookdunning.letters.sent", t => t["channel"] == "Email"));
        Assert.Contains(_measured, m => m.Instrument == "outlookdunning.graph.duration" && m.Tags["outcome"] == "2xx");
    }

    [Fact]
    public async Task Letters_waiting_to_be_verified_are_a_gauge()
    {
        var (_, company, _) = await SeedTypicalAsync();
        var planned = await (await Client.PostJsonAsync($"/api/cases/{company.Id}/dispatches", new { level = 1 }))
            .ReadAsync<DispatchDto>();
        await using (var scope = App.Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<TenantContext>().Set(App.Tenant);
            await scope.ServiceProvider.GetRequiredService<DunningDbContext>().Dispatches.Where(d => d.Id == planned.Id)
                .ExecuteUpdateAsync(u => u.SetProperty(d => d.State, DispatchState.ToVerify));
        }
        await App.Services.GetServices<Microsoft.Extensions.Hosting.IHostedService>().OfType<ToVerifySampler>().Single()
            .SampleAsync(default);
        _listener.RecordObservableInstruments();
        Assert.Equal(1, _measured.Last(m => m.Instrument == "outlookdunning.dispatch.to_verify").Value);
    }
}
