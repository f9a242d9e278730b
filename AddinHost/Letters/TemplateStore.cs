using System.Security.Cryptography;
using AddinHost.Infrastructure.Data;
using AddinHost.Infrastructure.Problems;
using Microsoft.EntityFrameworkCore;

namespace AddinHost.Letters;

/// <summary>The firm's letter templates: its own latest version of each, else the shipped default from
/// <c>Templates/</c>.</summary>
public sealed class TemplateStore(DunningDbContext db)
{
    private static readonly string Shipped = Path.Combine(AppContext.BaseDirectory, "Templates");

    public sealed record TemplateInfo(string Name, string Source, int Version);
    public sealed record Template(string Name, int Version, byte[] Content);
    public sealed record VersionInfo(int Version, DateTimeOffset UploadedAt, string UploadedBy, string Sha256);

    public async Task<IReadOnlyList<TemplateInfo>> ListAsync(CancellationToken ct)
    {
        var own = (await db.LetterTemplates.AsNoTracking().Select(t => new { t.Name, t.Version }).ToListAsync(ct))
            .GroupBy(t => t.Name).ToDictionary(g => g.Key, g => g.Max(t => t.Version));
        var shipped = Directory.Exists(Shipped) ? Directory.GetFiles(Shipped, "*.docx")
            .Select(f => Path.GetFileNameWithoutExtension(f)) : [];
        return shipped.Union(own.Keys).Order()
            .Select(n => own.TryGetValue(n, out var v) ? new TemplateInfo(n, $"modèle du cabinet, version {v}", v)
                : new TemplateInfo(n, "modèle fourni", 0))
            .ToList();
    }

    public async Task<Template> GetAsync(string name, CancellationToken ct)
    {
        CheckName(name);
        var own = await db.LetterTemplates.AsNoTracking().Where(t => t.Name == name).OrderByDescending(t => t.Version)
            .FirstOrDefaultAsync(ct);
        if (own is not null) return new Template(name, own.Version, own.Content);
        var path = Path.Combine(Shipped, name + ".docx");
        return File.Exists(path)
            ? new Template(name, 0, await File.ReadAllBytesAsync(path, ct))
            : throw DomainException.NotFound($"Modèle « {name} »");
    }

    public async Task<IReadOnlyList<VersionInfo>> VersionsAsync(string name, CancellationToken ct)
    {
        CheckName(name);
        return (await db.LetterTemplates.AsNoTracking().Where(t => t.Name == name)
                .Select(t => new VersionInfo(t.Version, t.UploadedAt, t.UploadedBy, t.Sha256)).ToListAsync(ct))
            .OrderByDescending(v => v.Version).ToList();
    }

    /// <summary>Adds the firm's next version; the caller has linted it and saves the unit of work.</summary>
    public async Task<LetterTemplate> AddVersionAsync(string name, byte[] content, string uploadedBy, DateTimeOffset at,
        CancellationToken ct)
    {
        CheckName(name);
        var last = await db.LetterTemplates.Where(t => t.Name == name).MaxAsync(t => (int?)t.Version, ct) ?? 0;
        var template = new LetterTemplate
        {
            Name = name, Version = last + 1, Content = content,
                Sha256 = Convert.ToHexStringLower(SHA256.HashData(content)),
            UploadedAt = at, UploadedBy = uploadedBy,
        };
        db.LetterTemplates.Add(template);
        return template;
    }

    /// <summary>
    /// The policy names a letter ("mise-en-demeure"); the case decides which variant applies: to the debtor's counsel
    /// when it is represented (RIN art. 8.2), for the firm's own fees, under legal interest (any pair of parties other
    /// than two professionals), or under the L.441-10 penalties.
    /// </summary>
    public static string Variant(string name, bool ownFees, bool legalInterest, bool counsel = false) => name switch
    {
        "mise-en-demeure" when counsel => "mise-en-demeure-confrere",
        "relance-1" or "relance-2" when counsel => "relance-confrere",
        "courriel-courtoisie" or "courriel-relance-1" when counsel => "courriel-confrere",
        "mise-en-demeure" when ownFees => "mise-en-demeure-honoraires",
        "mise-en-demeure" when legalInterest => "mise-en-demeure-consommateur",
        "mise-en-demeure" => "mise-en-demeure-professionnel",
        _ => name,
    };

    private static void CheckName(string name)
    {
        if (!(name.Length is > 0 and <= 60 && name.All(c => c is >= 'a' and <= 'z' or >= '0' and <= '9' or '-')))
            throw Problem.Validation("name",
                "Nom de modèle invalide : lettres minuscules, chiffres et tirets (60 au plus).");
    }
}
