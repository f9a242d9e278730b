using System.Net;
using System.Text.Json;
using AddinHost.Cases.Planning;
using AddinHost.Dispatch.Batches;
using AddinHost.Dispatch.Outbox;
using AddinHost.Tests.Fixtures;
using Microsoft.Extensions.DependencyInjection;

namespace AddinHost.Tests.Dispatch;

/// <summary>Batches: the due list, the confirmed list sent letter by letter with live progress, one refusal never
/// stopping the others, never a second mail.</summary>
public abstract class BatchTests(DbKind kind) : ApiTestBase(kind)
{
    protected override IReadOnlyDictionary<string, string> Settings { get; } =
        new Dictionary<string, string> { ["Dispatch:BatchEventsMilliseconds"] = "50" };

    private BatchPreparer Preparer => App.Services.GetRequiredService<BatchPreparer>();
    private DispatchProcessor Processor => App.Services.GetRequiredService<DispatchProcessor>();

    /// <summary>What the worker does: send what is planned, prepare the next batch letter when idle.</summary>
    private async Task RunWorkerAsync()
    {
        while (await Processor.ProcessNextAsync(default) || await Preparer.PrepareNextAsync(default)) { }
    }

    /// <summary>A company and a consumer whose mise en demeure is due, and a third case whose first reminder is not
    /// due yet.</summary>
    private async Task<(Guid Company, Guid Consumer, Guid NotDue)> ThreeCasesAsync()
    {
        await NoticeScenario.SetCabinetAsync(Client);
        var (creditor, company, consumer) = await SeedTypicalAsync();
        await NoticeScenario.TakeRemindersAsync(Client, company.Id);
        await NoticeScenario.TakeRemindersAsync(Client, consumer.Id);
        (await Client.PostAsync("/api/import/invoices", SampleFiles.Form(SampleFiles.Csv(
            "Boulangerie Martin SAS;552100554;contact@boulangerie-martin.example;;;;B-1;20/09/2025;20/10/2025;500,00;0;"
                + "professionnel"), creditorId: creditor)))
            .EnsureSuccessStatusCode();
        var notDue = (await ListCasesAsync()).Single(c => c.Debtor == "Boulangerie Martin SAS").Id;
        return (company.Id, consumer.Id, notDue);
    }

    private static async Task<List<(string Event, JsonElement Data)>> ReadEventsAsync(
        HttpClient client, Guid batchId, CancellationToken ct)
    {
        var events = new List<(string, JsonElement)>();
        using var response = await client.GetAsync(
            $"/api/batches/{batchId}/events", HttpCompletionOption.ResponseHeadersRead, ct);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(ct));
        string? name = null;
        while (await reader.ReadLineAsync(ct) is { } line)
        {
            if (line.StartsWith("event: ", StringComparison.Ordinal)) name = line[7..];
            else if (line.StartsWith("data: ", StringComparison.Ordinal))
                events.Add((name!, JsonDocument.Parse(line[6..]).RootElement.Clone()));
        }
        return events;
    }

    [Fact]
    public async Task The_due_list_says_how_each_letter_would_leave_and_what_it_costs()
    {
        var (company, consumer, notDue) = await ThreeCasesAsync();
        (await Client.PostJsonAsync($"/api/cases/{company}/pauses", new { kind = "Litige", reason = "contestation" }))
            .EnsureSuccessStatusCode();
        var due = await (await Client.GetAsync("/api/batches/due")).ReadAsync<DueListDto>();
        var step = Assert.Single(due.Steps); // the paused case and the case not yet due are left out
        Assert.Equal((consumer, 3, StepChannel.Courrier), (step.CaseId, step.Level, step.Choice!.Channel));
        Assert.Equal(step.Choice.PriceHt, due.TotalPriceHt);
        Assert.DoesNotContain(due.Steps, s => s.CaseId == notDue);
        Assert.Contains("SIMULATION", due.Simulation);
    }

    [Fact]
    public async Task A_confirmed_list_is_sent_letter_by_letter_and_one_refusal_does_not_stop_the_others()
    {
        var (company, consumer, notDue) = await ThreeCasesAsync();
        var items = new[]
        {
            new { caseId = company, level = 3 }, new { caseId = notDue, level = 3 },
            new { caseId = consumer, level = 3 }
        };
        var response = await Client.PostJsonAsync("/api/batches", new { items });
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var batch = await response.ReadAsync<BatchDto>();
        Assert.Equal((3, 0, false), (batch.Total, batch.Settled, batch.Done));
        Assert.All(batch.Entries, e => Assert.Equal("Courrier en préparation", e.Status));

        using var guard =
            new CancellationTokenSource(TimeSpan.FromMinutes(2)); // a guard against a hang, not a timing assertion
        var listening = ReadEventsAsync(Client, batch.Id, guard.Token);
        await RunWorkerAsync();
        var events = await listening;

        var last = events.Where(e => e.Event == "lettre").GroupBy(e => e.Data.GetProperty("position").GetInt32())
            .ToDictionary(g => g.Key, g => g.Last().Data);
        Assert.Equal("Déposé", last[1].GetProperty("status").GetString());
        Assert.Equal("Non envoyé", last[2].GetProperty("status").GetString());
        Assert.Contains("prochaine étape", last[2].GetProperty("error").GetString());
        Assert.Equal("À imprimer et poster", last[3].GetProperty("status").GetString());
        var done = events.Last();
        Assert.Equal("termine", done.Event);
        Assert.Equal((3, 1, true),
            (done.Data.GetProperty("settled").GetInt32(), done.Data.GetProperty("failed").GetInt32(),
                done.Data.GetProperty("done").GetBoolean()));

        var companyDispatch = last[1].GetProperty("dispatchId").GetGuid();
        Assert.Single(await SandboxMails.AllAsync(Client));
        // The same list confirmed twice: the same dispatches, never a second mail.
        var again = await (await Client.PostJsonAsync("/api/batches", new { items })).ReadAsync<BatchDto>();
        await RunWorkerAsync();
        var second = await (await Client.GetAsync($"/api/batches/{again.Id}")).ReadAsync<BatchDto>();
        Assert.Equal(companyDispatch, second.Entries[0].DispatchId);
        Assert.Single(await SandboxMails.AllAsync(Client));
    }

    [Fact]
    public async Task A_case_sent_by_hand_before_the_batch_is_linked_not_sent_again()
    {
        var (company, _, _) = await ThreeCasesAsync();
        var byHand = await (await Client.PostJsonAsync($"/api/cases/{company}/dispatches", new { level = 3 }))
            .ReadAsync<DispatchDto>();
        var batch = await (await Client.PostJsonAsync("/api/batches",
            new { items = new[] { new { caseId = company, level = 3 } } })).ReadAsync<BatchDto>();
        await RunWorkerAsync();
        var entry = Assert.Single(
            (await (await Client.GetAsync($"/api/batches/{batch.Id}")).ReadAsync<BatchDto>()).Entries);
        Assert.Equal((byHand.Id, DispatchState.Deposited), (entry.DispatchId, entry.DispatchState));
        Assert.Single(await SandboxMails.ForAsync(Client, byHand.Id));
    }

    [Fact]
    public async Task A_bad_list_is_refused_whole_with_a_reason_per_line()
    {
        var (company, consumer, _) = await ThreeCasesAsync();
        await (await Client.PostJsonAsync("/api/batches", new { })).ProblemAsync(400);
        await (await Client.PostJsonAsync("/api/batches", new { items = Array.Empty<object>() })).ProblemAsync(400);
        var twice = await (await Client.PostJsonAsync("/api/batches",
                new { items = new[] { new { caseId = company, level = 3 }, new { caseId = company, level = 3 } } }))
            .ProblemAsync(400);
        Assert.Contains("items[1].caseId", twice.GetProperty("errors").EnumerateObject().Select(e => e.Name));
        var unknown = await (await Client.PostJsonAsync("/api/batches",
            new
            {
                items = new object[]
                {
                    new { caseId = consumer, level = 3 }, new { caseId = Guid.NewGuid(), level = 3 },
                    new { caseId = company }
                }
            })).ProblemAsync(400);
        Assert.Equal(["items[1].caseId", "items[2].level"],
            unknown.GetProperty("errors").EnumerateObject().Select(e => e.Name).Order());
        var tooMany = Enumerable.Range(0, BatchService.MaxItems + 1)
            .Select(_ => new { caseId = Guid.NewGuid(), level = 3 });
        await (await Client.PostJsonAsync("/api/batches", new { items = tooMany })).ProblemAsync(400);
        Assert.False(await Preparer.PrepareNextAsync(default)); // nothing was recorded
        await (await Client.GetAsync($"/api/batches/{Guid.NewGuid()}")).ProblemAsync(404);
        await (await Client.GetAsync($"/api/batches/{Guid.NewGuid()}/events")).ProblemAsync(404);
    }
}

public sealed class BatchOnSqlite() : BatchTests(DbKind.Sqlite);
public sealed class BatchOnPostgres() : BatchTests(DbKind.Postgres);
