using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using AddinHost.Infrastructure.Data;

namespace AddinHost.Dispatch.Ar24;

/// <summary>
/// A sender address bound to one firm, and its account at AR24. All firms share the operator's AR24 key, so an
/// address must stay one firm's for good: otherwise a firm could send, and look up mails, as another. An address is
/// bound from <c>Ar24:Senders</c> at start-up, or once a code sent to it has been entered; only the AR24 account this
/// firm opened or was granted (<see cref="Ar24UserId"/>) is ever used to send.
/// </summary>
public sealed class Ar24SenderAccount : TenantEntity
{
    /// <summary>Lower case; unique across firms.</summary>
    public string Email { get; set; } = "";

    public DateTimeOffset BoundAt { get; set; }

    public Ar24SenderOrigin Origin { get; set; }

    /// <summary>The lawyer whose own sender this is (Entra object id); null for the firm's account.</summary>
    public string? UserId { get; set; }

    /// <summary>AR24's <c>gender</c>: « M » or « F ».</summary>
    public string? Gender { get; set; }
    public string? Firstname { get; set; }
    public string? Lastname { get; set; }

    /// <summary>The AR24 account opened for, or granted to, this firm; null until provisioned.</summary>
    public long? Ar24UserId { get; set; }

    public Ar24SenderState State { get; set; }

    /// <summary>What AR24 last said of the account, in French, for the admin page.</summary>
    public string? StateDetail { get; set; }

    public DateTimeOffset? CheckedAt { get; set; }
}

/// <summary>How the address came to be the firm's.</summary>
public enum Ar24SenderOrigin
{
    /// <summary>Bound by a first send, before addresses were proven: kept, as letters left from it.</summary>
    FirstSend,
    /// <summary>Declared by the operator in <c>Ar24:Senders</c>.</summary>
    Configured,
    /// <summary>Proven by the code sent to it.</summary>
    Confirmed,
}

/// <summary>The <c>Ar24SenderAccounts</c> table's mapping.</summary>
internal sealed class Ar24SenderAccountMapping : IEntityTypeConfiguration<Ar24SenderAccount>
{
    public void Configure(EntityTypeBuilder<Ar24SenderAccount> e)
    {
        e.ToTable("Ar24SenderAccounts");
        e.HasIndex(x => x.Email).IsUnique(); // across firms, on purpose
        e.Property(x => x.Email).HasMaxLength(254);
        e.Property(x => x.UserId).HasMaxLength(64);
        e.Property(x => x.Gender).HasMaxLength(1);
        e.Property(x => x.Firstname).HasMaxLength(100);
        e.Property(x => x.Lastname).HasMaxLength(100);
    }
}
