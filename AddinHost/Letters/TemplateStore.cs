using AddinHost.Infrastructure.Problems;

namespace AddinHost.Letters;

/// <summary>The firm's letter templates: the shipped defaults from <c>Templates/</c>.</summary>
public sealed class TemplateStore
{
    private readonly string _folder = Path.Combine(AppContext.BaseDirectory, "Templates");

    public sealed record TemplateInfo(string Name, string Source);

    public IReadOnlyList<TemplateInfo> List() => Directory.Exists(_folder)
        ? Directory.GetFiles(_folder, "*.docx").Select(f => new TemplateInfo(Path.GetFileNameWithoutExtension(f), "modèle fourni")).OrderBy(t => t.Name).ToList()
        : [];

    public async Task<byte[]> GetAsync(string name, CancellationToken ct)
    {
        if (!IsValidName(name))
            throw Problem.Validation("name", "Nom de modèle invalide : lettres minuscules, chiffres et tirets.");
        var path = Path.Combine(_folder, name + ".docx");
        return File.Exists(path)
            ? await File.ReadAllBytesAsync(path, ct)
            : throw DomainException.NotFound($"Modèle « {name} »");
    }

    /// <summary>The policy names a letter ("mise-en-demeure"); the case decides which variant applies.</summary>
    public static string Variant(string name, bool ownFees, bool consumer) => name switch
    {
        "mise-en-demeure" when ownFees => "mise-en-demeure-honoraires",
        "mise-en-demeure" when consumer => "mise-en-demeure-consommateur",
        "mise-en-demeure" => "mise-en-demeure-professionnel",
        _ => name,
    };

    private static bool IsValidName(string name) =>
        name.Length is > 0 and <= 60 && name.All(c => c is >= 'a' and <= 'z' or >= '0' and <= '9' or '-');
}
