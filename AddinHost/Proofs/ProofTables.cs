using AddinHost.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace AddinHost.Proofs;

/// <summary>The table Proofs owns.</summary>
public static class ProofTables
{
    extension(DunningDbContext db)
    {
        public DbSet<FiledProof> FiledProofs => db.Set<FiledProof>();
    }
}
