using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using AddinHost.Infrastructure.Data;

namespace AddinHost.Cases;

public enum PauseKind { Litige, PromesseDePaiement, Echeancier, Suspension }

/// <summary>A hold on the ladder: while it is active the case takes no step.</summary>
public sealed class Pause : TenantEntity, ICaseChild
{
    public Guid CaseId { get; set; }
    public PauseKind Kind { get; set; }
    public DateOnly StartedOn { get; set; }

    /// <summary>Last day of the hold (a promise to pay until that date); null means until lifted.</summary>
    public DateOnly? Until { get; set; }

    public string? Reason { get; set; }
    public DateOnly? LiftedOn { get; set; }
}

/// <summary>The <c>Pauses</c> table's mapping.</summary>
internal sealed class PauseMapping : IEntityTypeConfiguration<Pause>
{
    public void Configure(EntityTypeBuilder<Pause> e)
    {
        e.ToTable("Pauses");
    }
}
