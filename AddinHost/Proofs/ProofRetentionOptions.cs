using AddinHost.Infrastructure.Configuration;
using System.ComponentModel.DataAnnotations;

namespace AddinHost.Proofs;

/// <summary>
/// <c>Proofs:ImmutabilityDays</c>: the proof storage's own time-based immutability (WORM), in days after filing, as set
/// on the storage account. The app cannot read it back with its rights; knowing it, an erasure request says until when
/// the storage itself keeps a proof. Unset where the store has no such policy (the demo folder, Azurite).
/// </summary>
[SettingsGuide(AdminGuide.Proofs)]
public sealed class ProofRetentionOptions
{
    [Range(1, 146_000,
        ErrorMessage =
        "Proofs:ImmutabilityDays est un nombre de jours (1 à 146 000), celui de la politique d'immutabilité du " +
        "stockage.")]
    public int? ImmutabilityDays { get; set; }
}
