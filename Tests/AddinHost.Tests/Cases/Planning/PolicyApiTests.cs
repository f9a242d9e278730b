using AddinHost.Cases.Planning;
using AddinHost.Tests.Fixtures;

namespace AddinHost.Tests.Cases.Planning;

public abstract class PolicyApiTests(DbKind kind) : ApiTestBase(kind)
{
    [Fact]
    public async Task The_default_policy_is_the_five_level_ladder()
    {
        var policy = await (await Client.GetAsync("/api/policies")).ReadAsync<PolicyEndpoints.PolicyDto>();
        Assert.Equal([-3, 7, 15, 30, 45], policy.Levels.Select(l => l.DelayDays));
        Assert.Equal(
            [StepChannel.Email, StepChannel.Email, StepChannel.Courrier, StepChannel.Ere, StepChannel.Decision],
            policy.Levels.Select(l => l.Channel));
        Assert.Equal("Mise en demeure", policy.Levels[3].Name);
    }

    [Fact]
    public async Task An_edited_policy_drives_the_ladder_of_every_case()
    {
        var (_, company, _) = await SeedTypicalAsync();
        var levels = new[]
        {
            new
            {
                name = "Appel", delayDays = 2, channel = "Telephone", template = (string?)null, attachInvoices = false,
                minGapDays = 0
            },
            new
            {
                name = "Mise en demeure", delayDays = 400, channel = "Ere", template = (string?)"mise-en-demeure",
                attachInvoices = true, minGapDays = 10
            },
        };
        (await Client.PutJsonAsync("/api/policies", new { name = "Clients fidèles", toleranceAmount = 50m, levels }))
            .EnsureSuccessStatusCode();

        var c = await GetCaseAsync(company.Id);
        Assert.Equal("Appel", c.Ladder.Next!.Name);
        Assert.Equal(new DateOnly(2025, 3, 5), c.Ladder.Next.DueOn);
        Assert.Equal(2, c.Ladder.Levels.Count);
        Assert.Equal("Clients fidèles",
            (await (await Client.GetAsync("/api/policies")).ReadAsync<PolicyEndpoints.PolicyDto>()).Name);
    }

    [Fact]
    public async Task An_invalid_policy_is_refused_with_every_error_and_the_old_one_stays()
    {
        var levels = new object[]
        {
            new
            {
                name = "Relance", delayDays = 20, channel = "Email", template = "relance-1", attachInvoices = true,
                minGapDays = 0
            },
            new
            {
                name = "", delayDays = 10, channel = "Courrier", template = "", attachInvoices = true, minGapDays = -1
            },
        };
        var problem = await (await Client.PutJsonAsync("/api/policies",
            new { name = "X", toleranceAmount = -1m, levels })).ProblemAsync(400);
        var errors = problem.GetProperty("errors");
        foreach (var field in new[] { "toleranceAmount", "levels[1].name", "levels[1].delayDays", "levels[1].template",
            "levels[1].minGapDays" })
            Assert.True(errors.TryGetProperty(field, out _), $"{field} missing in {errors}");
        await (await Client.PutJsonAsync("/api/policies",
            new { name = "Vide", toleranceAmount = 0m, levels = Array.Empty<object>() })).ProblemAsync(400);
        Assert.Equal(5,
            (await (await Client.GetAsync("/api/policies")).ReadAsync<PolicyEndpoints.PolicyDto>()).Levels.Count);
    }
}

public sealed class PolicyApiOnSqlite() : PolicyApiTests(DbKind.Sqlite);
public sealed class PolicyApiOnPostgres() : PolicyApiTests(DbKind.Postgres);
