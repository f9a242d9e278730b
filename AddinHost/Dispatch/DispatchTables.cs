using AddinHost.Infrastructure.Data;
using AddinHost.Dispatch.Ar24;
using AddinHost.Dispatch.Batches;
using AddinHost.Dispatch.Outbox;
using Microsoft.EntityFrameworkCore;

namespace AddinHost.Dispatch;

/// <summary>The tables Dispatch owns: the outbox, the batches and the AR24 senders.</summary>
public static class DispatchTables
{
    extension(DunningDbContext db)
    {
        public DbSet<DispatchItem> Dispatches => db.Set<DispatchItem>();
        public DbSet<DispatchBatch> Batches => db.Set<DispatchBatch>();
        public DbSet<BatchEntry> BatchEntries => db.Set<BatchEntry>();
        public DbSet<Ar24SenderAccount> Ar24SenderAccounts => db.Set<Ar24SenderAccount>();
        public DbSet<Ar24SenderClaim> Ar24SenderClaims => db.Set<Ar24SenderClaim>();
    }
}
