using AddinHost.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace AddinHost.Mailbox;

/// <summary>The tables Mailbox owns.</summary>
public static class MailboxTables
{
    extension(DunningDbContext db)
    {
        public DbSet<DebtorAddress> DebtorAddresses => db.Set<DebtorAddress>();
    }
}
