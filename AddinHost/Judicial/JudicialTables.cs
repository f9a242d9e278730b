using AddinHost.Infrastructure.Data;
using AddinHost.Judicial.HandOver;
using Microsoft.EntityFrameworkCore;

namespace AddinHost.Judicial;

/// <summary>The tables Judicial owns: the judicial files, the hand-overs and the firm's commissaires de
/// justice.</summary>
public static class JudicialTables
{
    extension(DunningDbContext db)
    {
        public DbSet<JudicialFile> JudicialFiles => db.Set<JudicialFile>();
        public DbSet<ServiceHandOver> ServiceHandOvers => db.Set<ServiceHandOver>();
        public DbSet<CommissaireDeJustice> CommissairesDeJustice => db.Set<CommissaireDeJustice>();
    }
}
