namespace AddinHost.Cases.Import;

/// <summary>Where each known column sits in a CSV header, matched by name and synonyms.</summary>
public sealed class CsvColumns
{
    private static readonly Dictionary<string, string[]> Synonyms = new()
    {
        ["debiteur"] = ["debiteur", "client", "raisonsociale", "nom", "nomclient", "nomdebiteur"],
        ["numero"] = ["numerofacture", "facture", "nfacture", "nofacture", "numfacture", "reffacture", "numero"],
        ["emission"] = ["dateemission", "datedemission", "datefacture", "date"],
        ["echeance"] = ["dateecheance", "datedecheance", "echeance"],
        ["ttc"] = ["montantttc", "totalttc", "ttc", "montant"],
        ["siren"] = ["siren"],
        ["siret"] = ["siret"],
        ["email"] = ["email", "courriel", "mail", "adresseemail"],
        ["adresse"] = ["adresse"],
        ["codepostal"] = ["codepostal", "cp"],
        ["ville"] = ["ville", "commune"],
        ["ht"] = ["montantht", "totalht", "ht"],
        ["paye"] = ["montantpaye", "montantregle", "dejaregle", "regle", "paye"],
        ["type"] = ["typedebiteur", "type", "categorie"],
        ["taux"] = ["tauxpenalites", "tauxdepenalites", "tauxpenalite", "taux"],
        ["creancier"] = ["creancier"],
    };

    public static readonly (string Key, string Label)[] Required =
    [
        ("debiteur", "débiteur"), ("numero", "numéro de facture"), ("emission", "date de facture"),
        ("echeance", "date d'échéance"), ("ttc", "montant TTC"),
    ];

    private readonly Dictionary<string, int> _index = new();

    public CsvColumns(string[] header)
    {
        var keys = header.Select(FrenchValues.Key).ToArray();
        foreach (var (column, names) in Synonyms)
            foreach (var name in names)
            {
                var i = Array.IndexOf(keys, name);
                if (i >= 0 && !_index.ContainsValue(i)) { _index[column] = i; break; }
            }
    }

    public IEnumerable<string> MissingRequired() =>
        Required.Where(r => !_index.ContainsKey(r.Key)).Select(r => r.Label);

    public string? Get(string[] fields, string column) =>
        _index.TryGetValue(column, out var i) && i < fields.Length && fields[i].Trim() is { Length: > 0 } v ? v : null;
}
