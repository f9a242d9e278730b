using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using AddinHost.Infrastructure.Data;

namespace AddinHost.Cases.Planning;

public enum StepChannel
{
    Email,
    /// <summary>Envoi recommandé électronique (eIDAS art. 43).</summary>
    Ere,
    /// <summary>Lettre recommandée électronique qualifiée (eIDAS art. 44).</summary>
    LreQualifiee,
    /// <summary>Postal letter to print.</summary>
    Courrier,
    Telephone,
    /// <summary>No letter: a decision for the lawyer (e.g. which judicial route).</summary>
    Decision,
}

/// <summary>One rung of the ladder.</summary>
public sealed class PolicyLevel
{
    public string Name { get; set; } = "";

    /// <summary>Days from the due date; negative for a courtesy reminder before it.</summary>
    public int DelayDays { get; set; }

    public StepChannel Channel { get; set; }
    public string? Template { get; set; }
    public bool AttachInvoices { get; set; }

    /// <summary>Minimum days since the previous step, so that two letters never cross; after a mise en demeure, since
    /// its receipt.</summary>
    public int MinGapDays { get; set; }

    /// <summary>A mise en demeure: its receipt starts legal interest and the steps after it (C. civ. 1344,
    /// 1344-1).</summary>
    public bool IsNotice => Template is { } t && t.StartsWith(NoticeTemplate, StringComparison.Ordinal);

    public const string NoticeTemplate = "mise-en-demeure";
}

/// <summary>Échelle de relance of a firm: the levels and the balance under which no step is taken.</summary>
public sealed class ReminderPolicy : TenantEntity
{
    public string Name { get; set; } = "";
    public decimal ToleranceAmount { get; set; }
    public List<PolicyLevel> Levels { get; set; } = [];

    public static ReminderPolicy CreateDefault() => new()
    {
        Name = "Politique par défaut",
        ToleranceAmount = 15m,
        Levels =
        [
            new() { Name = "Rappel de courtoisie", DelayDays = -3, Channel = StepChannel.Email,
                Template = "courriel-courtoisie", AttachInvoices = true, MinGapDays = 0 },
            new() { Name = "Relance 1", DelayDays = 7, Channel = StepChannel.Email, Template = "courriel-relance-1",
                AttachInvoices = true, MinGapDays = 5 },
            new() { Name = "Relance 2", DelayDays = 15, Channel = StepChannel.Courrier, Template = "relance-2",
                AttachInvoices = true, MinGapDays = 7 },
            new() { Name = "Mise en demeure", DelayDays = 30, Channel = StepChannel.Ere, Template = "mise-en-demeure",
                AttachInvoices = true, MinGapDays = 10 },
            new() { Name = "Phase judiciaire à décider", DelayDays = 45, Channel = StepChannel.Decision,
                Template = null, AttachInvoices = false, MinGapDays = 15 },
        ],
    };
}

/// <summary>The <c>Policies</c> table's mapping.</summary>
internal sealed class ReminderPolicyMapping : IEntityTypeConfiguration<ReminderPolicy>
{
    public void Configure(EntityTypeBuilder<ReminderPolicy> e)
    {
        e.ToTable("Policies");
        e.HasIndex(x => x.TenantId).IsUnique();
        e.OwnsMany(x => x.Levels, l => l.ToJson());
    }
}
