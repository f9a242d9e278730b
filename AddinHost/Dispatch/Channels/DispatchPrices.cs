using System.ComponentModel.DataAnnotations;

namespace AddinHost.Dispatch.Channels;

/// <summary>The <c>Dispatch:Prices</c> section: what the confirmation tells the lawyer a letter costs, per channel
/// (euros HT, the firm's contract).</summary>
public sealed class DispatchPrices
{
    [Range(typeof(decimal), "0", "1000")]
    public decimal EreHt { get; set; } = 3.49m;

    [Range(typeof(decimal), "0", "1000")]
    public decimal LreQualifieeHt { get; set; } = 4.99m;

    /// <summary>A recommandé with avis de réception, postage only.</summary>
    [Range(typeof(decimal), "0", "1000")]
    public decimal PostalHt { get; set; } = 6.25m;
}
