using AddinHost.Cases;
using AddinHost.Cases.Money;
using AddinHost.Cases.Planning;
using AddinHost.Dispatch.Channels;
using AddinHost.Infrastructure.Problems;

namespace AddinHost.Tests.Dispatch;

/// <summary>Which way a registered step leaves the firm, and La Poste's tracking numbers.</summary>
public sealed class ChannelRulesTests
{
    private static readonly DispatchPrices Prices = new();

    private static RecoveryCase Case(
        DebtorKind kind, bool consents = false, string? email = "debiteur@exemple.fr") => new()
    {
        Debtor = new()
        {
            Name = "Débiteur", Kind = kind, Email = email, ConsentsToElectronicRegisteredMail = consents
        },
        Creditor = new() { Name = "Client", Kind = CreditorKind.Client, ContactConsentOn = new(2025, 1, 15) },
    };

    private static LetterRecipient Debtor(
        DebtorKind kind, bool consents = false, string? email = "debiteur@exemple.fr") =>
        LetterRecipients.For(Case(kind, consents, email));

    [Theory]
    [InlineData(StepChannel.Ere, DebtorKind.Professionnel, false, StepChannel.Ere)]
    [InlineData(StepChannel.Ere, DebtorKind.Consommateur, true, StepChannel.Ere)]
    [InlineData(StepChannel.Ere, DebtorKind.Consommateur, false, StepChannel.Courrier)]
    [InlineData(StepChannel.LreQualifiee, DebtorKind.Professionnel, false, StepChannel.LreQualifiee)]
    [InlineData(StepChannel.LreQualifiee, DebtorKind.Consommateur, false, StepChannel.Courrier)]
    [InlineData(StepChannel.Courrier, DebtorKind.Professionnel, false, StepChannel.Courrier)]
    // CPCE L.100: any recipient who is not a professional
    [InlineData(StepChannel.Ere, DebtorKind.NonProfessionnel, false, StepChannel.Courrier)]
    [InlineData(StepChannel.Ere, DebtorKind.NonProfessionnel, true, StepChannel.Ere)]
    public void The_policy_level_decides_unless_a_consumer_has_not_consented(
        StepChannel planned, DebtorKind kind, bool consents, StepChannel expected)
    {
        var choice = ChannelChooser.Choose(planned, Debtor(kind, consents), Prices);
        Assert.Equal(expected, choice.Channel);
        Assert.Equal(planned, choice.Planned);
        Assert.Equal(expected == StepChannel.LreQualifiee, choice.NeedsOtp);
        Assert.Equal(expected switch
        {
            StepChannel.Ere => Prices.EreHt, StepChannel.LreQualifiee => Prices.LreQualifieeHt, _ => Prices.PostalHt
        }, choice.PriceHt);
        if (kind != DebtorKind.Professionnel && !consents && planned != StepChannel.Courrier)
            Assert.Contains("L.100", choice.Explanation); // the user is told why it is not electronic
    }

    [Fact]
    public void An_email_step_leaves_from_the_mailbox_and_needs_an_address()
    {
        var choice = ChannelChooser.Choose(StepChannel.Email, Debtor(DebtorKind.Consommateur), Prices);
        Assert.Equal((StepChannel.Email, 0m), (choice.Channel, choice.PriceHt));
        var e = Assert.Throws<DomainException>(
            () => ChannelChooser.Choose(StepChannel.Email, Debtor(DebtorKind.Professionnel, email: null), Prices));
        Assert.Contains("adresse électronique", e.Message);
    }

    [Fact]
    public void A_debtor_without_an_address_gets_the_postal_route_and_is_told_why()
    {
        var choice = ChannelChooser.Choose(StepChannel.Ere, Debtor(DebtorKind.Professionnel, email: null), Prices);
        Assert.Equal(StepChannel.Courrier, choice.Channel);
        Assert.Contains("adresse électronique", choice.Explanation);
    }

    [Theory]
    [InlineData(StepChannel.Telephone, "appel")]
    [InlineData(StepChannel.Decision, "décision")]
    public void Steps_that_are_not_letters_cannot_be_dispatched(StepChannel planned, string word)
    {
        var e = Assert.Throws<DomainException>(
            () => ChannelChooser.Choose(planned, Debtor(DebtorKind.Professionnel), Prices));
        Assert.Equal(ErrorKind.Conflict, e.Kind);
        Assert.Contains(word, e.Message);
    }

    [Fact]
    public void A_represented_debtor_is_never_the_recipient_its_counsel_is_and_needs_no_consent()
    {
        var c = Case(DebtorKind.Consommateur, consents: false);
        (c.CounselName, c.CounselEmail) = ("Maître Paul Girard", "p.girard@avocats.example");
        var to = LetterRecipients.For(c);
        Assert.Equal(("Maître Paul Girard", "p.girard@avocats.example", true, true),
            (to.Name, to.Email, to.IsCounsel, to.IsProfessional));
        var choice = ChannelChooser.ChooseFor(c, StepChannel.Ere, Prices);
        // a lawyer is a professional recipient: no consent needed (CPCE L.100)
        Assert.Equal(StepChannel.Ere, choice.Channel);
        Assert.Contains("RIN art. 8.2", choice.Explanation);
        c.CounselEmail = null;
        c.CounselAddress = "9 quai Jean Moulin";
        Assert.Equal(StepChannel.Courrier, ChannelChooser.ChooseFor(c, StepChannel.Ere, Prices).Channel);
    }

    [Fact]
    public void No_letter_goes_to_a_clients_debtor_without_the_clients_consent_to_contact_it()
    {
        var c = Case(DebtorKind.Professionnel);
        c.Creditor.ContactConsentOn = null;
        var e = Assert.Throws<DomainException>(() => ChannelChooser.ChooseFor(c, StepChannel.Ere, Prices));
        Assert.Equal(ErrorKind.Conflict, e.Kind);
        Assert.Contains("RIN art. 8.2", e.Message);
        c.ContactConsentOn = new(2025, 6, 1); // given for this case only
        Assert.Equal(StepChannel.Ere, ChannelChooser.ChooseFor(c, StepChannel.Ere, Prices).Channel);
        var ownFees = Case(DebtorKind.Professionnel);
        (ownFees.Creditor.Kind, ownFees.Creditor.ContactConsentOn) =
            (CreditorKind.Cabinet, null); // the firm's own client: no consent to ask
        Assert.Equal(StepChannel.Ere, ChannelChooser.ChooseFor(ownFees, StepChannel.Ere, Prices).Channel);
    }

    [Theory]
    [InlineData(StepChannel.Ere, "Par envoi recommandé électronique simple (non qualifié)")]
    [InlineData(StepChannel.LreQualifiee, "Par lettre recommandée électronique")]
    [InlineData(StepChannel.Courrier, "Par lettre recommandée avec demande d'avis de réception")]
    [InlineData(StepChannel.Email, "Par courriel")]
    public void Each_channel_has_its_true_mention(StepChannel channel, string mention) =>
        Assert.Equal(mention, ChannelMentions.For(channel));

    [Theory]
    [InlineData("1A 012 345 6789 0", "1A01234567890")]
    [InlineData("1a01234567890", "1A01234567890")]
    [InlineData("RR 123 456 785 FR", "RR123456785FR")]
    [InlineData("rr123456785fr", "RR123456785FR")]
    public void Tracking_numbers_are_normalised(string input, string expected) =>
        Assert.Equal(expected, LaPosteTracking.Normalize(input));

    [Theory]
    [InlineData("RR123456784FR")] // wrong S10 check digit
    [InlineData("1A0123456789")]  // 12 characters
    [InlineData("AB01234567890")]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("numéro")]
    public void Wrong_tracking_numbers_are_refused(string? input) => Assert.Null(LaPosteTracking.Normalize(input));

    [Theory]
    [InlineData("47312482", 9)] // weighted sum 200, 200 mod 11 = 2, 11 - 2 = 9
    [InlineData("12345678", 5)] // weighted sum 204, 204 mod 11 = 6, 11 - 6 = 5
    [InlineData("00000008", 0)] // weighted sum 56, 56 mod 11 = 1, 11 - 1 = 10, written 0
    [InlineData("00000000", 5)] // weighted sum 0, 11 - 0 = 11, written 5
    public void The_S10_check_digit_follows_the_UPU_weights(string digits, int expected) =>
        Assert.Equal(expected, LaPosteTracking.S10CheckDigit(digits));
}
