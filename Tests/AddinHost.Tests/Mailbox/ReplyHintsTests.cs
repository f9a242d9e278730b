using AddinHost.Mailbox;

namespace AddinHost.Tests.Mailbox;

/// <summary>Reply hints are suggestions read from the words of the message, with or without accents.</summary>
public sealed class ReplyHintsTests
{
    [Theory]
    [InlineData("Paiement", "Le virement a été effectué ce matin pour la facture F-001.", ReplyHint.AvisDePaiement)]
    [InlineData("Paiement", "Le virement pour la facture F2026-0041 a été effectué ce jour.", ReplyHint.AvisDePaiement)]
    [InlineData("Re: relance", "Nous contestons le montant des pénalités.", ReplyHint.Contestation)]
    [InlineData("Re: relance", "La prestation n’a jamais été réalisée : nous ne sommes pas redevables.",
        ReplyHint.Contestation)]
    [InlineData("Échéancier", "Nous réglerons le solde en trois mensualités.", ReplyHint.PromesseDePaiement)]
    [InlineData("RE: FACTURE", "JE VAIS PAYER D'ICI LA FIN DU MOIS", ReplyHint.PromesseDePaiement)]
    public void The_usual_replies_are_recognised(string subject, string body, ReplyHint expected)
    {
        var hint = Assert.Single(ReplyHints.Read(subject, body));
        Assert.Equal(expected, hint.Hint);
        Assert.False(string.IsNullOrWhiteSpace(hint.SuggestedAction));
    }

    [Fact]
    public void A_message_can_carry_two_hints_and_an_ordinary_one_none()
    {
        var both = ReplyHints.Read("Litige", "Nous contestons la facture F-002 mais avons réglé la F-001 hier.");
        Assert.Equal([ReplyHint.AvisDePaiement, ReplyHint.Contestation], both.Select(h => h.Hint));
        Assert.Empty(ReplyHints.Read("Bonjour", "Pouvez-vous me rappeler demain ?"));
        Assert.Empty(ReplyHints.Read(null, null));
    }
}
