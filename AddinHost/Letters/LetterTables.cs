using AddinHost.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace AddinHost.Letters;

/// <summary>The tables Letters owns.</summary>
public static class LetterTables
{
    extension(DunningDbContext db)
    {
        public DbSet<LetterTemplate> LetterTemplates => db.Set<LetterTemplate>();
        public DbSet<GeneratedLetter> GeneratedLetters => db.Set<GeneratedLetter>();
    }
}
