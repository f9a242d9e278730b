using AddinHost.Cases;

namespace AddinHost.Tests.Cases;

public sealed class SirenTests
{
    [Theory]
    [InlineData("732829320")]
    [InlineData("552100554")]
    [InlineData("443061841")]
    [InlineData("552 100 554")]
    [InlineData("356000000")] // La Poste, accepted by INSEE despite its Luhn key
    public void Valid_sirens_pass_the_luhn_key(string siren) => Assert.True(Siren.IsValid(siren));

    [Theory]
    [InlineData("732829321")]
    [InlineData("12345678")]
    [InlineData("1234567890")]
    [InlineData("ABCDEFGHI")]
    [InlineData("")]
    [InlineData(null)]
    public void Invalid_sirens_are_refused(string? siren) => Assert.False(Siren.IsValid(siren));

    [Fact]
    public void Siret_keys_are_checked_too()
    {
        Assert.True(Siren.IsValidSiret("73282932000074"));
        Assert.False(Siren.IsValidSiret("73282932000075"));
    }
}
