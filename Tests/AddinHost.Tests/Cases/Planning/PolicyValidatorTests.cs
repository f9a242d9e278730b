using AddinHost.Cases.Planning;

namespace AddinHost.Tests.Cases.Planning;

public sealed class PolicyValidatorTests
{
    private static PolicyEndpoints.PolicyDto Dto(params PolicyLevel[] levels) => new("P", 0m, levels);

    [Fact]
    public void The_shipped_default_is_valid()
    {
        var d = ReminderPolicy.CreateDefault();
        Assert.Empty(PolicyValidator.Validate(new PolicyEndpoints.PolicyDto(d.Name, d.ToleranceAmount, d.Levels)));
    }

    [Fact]
    public void Levels_out_of_order_are_named_in_french()
    {
        var errors = PolicyValidator.Validate(Dto(
            new PolicyLevel { Name = "B", DelayDays = 30, Channel = StepChannel.Ere, Template = "med" },
            new PolicyLevel { Name = "A", DelayDays = 7, Channel = StepChannel.Email, Template = "r1" }));
        Assert.Contains("dans l'ordre des délais", Assert.Single(errors["levels[1].delayDays"]));
    }

    [Fact]
    public void A_phone_call_or_a_decision_needs_no_template_but_a_letter_does()
    {
        Assert.Empty(PolicyValidator.Validate(
            Dto(new PolicyLevel { Name = "Appel", DelayDays = 1, Channel = StepChannel.Telephone })));
        Assert.True(PolicyValidator.Validate(
                Dto(new PolicyLevel { Name = "Courrier", DelayDays = 1, Channel = StepChannel.Courrier }))
            .ContainsKey("levels[0].template"));
    }
}
