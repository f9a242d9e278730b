namespace AddinHost.Cases.Import;

/// <summary>One invoice per row, French conventions; every problem of every row is reported.</summary>
public static class CsvInvoiceParser
{
    /// <summary>The database's own lengths for a debtor's (or creditor's) name and an invoice number.</summary>
    public const int MaxName = 200, MaxNumber = 60;

    public static ImportParseResult Parse(DelimitedReader reader, string[] header, ImportOptions options)
    {
        var columns = new CsvColumns(header);
        var missing = columns.MissingRequired().ToList();
        if (missing.Count > 0)
            return new("CSV", [], [], [new ImportError(1,
                $"colonne(s) obligatoire(s) absente(s) de l'en-tête : {string.Join(", ", missing)}")]);

        var invoices = new List<ImportedInvoice>();
        var errors = new ImportErrors(options.MaxErrors);
        var seen = new Dictionary<(string?, string), int>();
        while (reader.Read() is var (line, fields, tooLong))
        {
            if (InvoiceFileParser.SizeProblem(fields, tooLong, options) is { } size)
            {
                errors.Add(line, size);
                continue;
            }
            var rowErrors = new List<string>();
            var invoice = ParseRow(line, fields, columns, rowErrors);
            if (columns.Get(fields, "numero") is { } number)
            {
                var key = (columns.Get(fields, "creancier")?.ToLowerInvariant(), number);
                if (seen.TryGetValue(key, out var first))
                    rowErrors.Add($"facture {number} en double (déjà ligne {first})");
                else
                    seen[key] = line;
            }
            if (rowErrors.Count > 0) errors.AddRange(rowErrors.Select(r => new ImportError(line, r)));
            // a refused file imports nothing: its good lines need not be kept
            else if (!errors.Any) invoices.Add(invoice!);
        }
        return new("CSV", errors.Any ? [] : invoices, [], errors.Kept, errors.MoreLines);
    }

    private static ImportedInvoice? ParseRow(int line, string[] f, CsvColumns c, List<string> errors)
    {
        string Required(string column, string label)
        {
            var v = c.Get(f, column);
            if (v is null) errors.Add($"{label} manquant(e)");
            return v ?? "";
        }
        DateOnly Date(string column, string label)
        {
            var v = c.Get(f, column);
            if (v is null) { errors.Add($"{label} manquante"); return default; }
            if (!FrenchValues.TryDate(v, out var d)) errors.Add(
                $"{label} illisible : « {v} » (format attendu JJ/MM/AAAA)");
            return d;
        }
        decimal? Amount(string column, string label)
        {
            var v = c.Get(f, column);
            if (v is null) return null;
            if (FrenchValues.TryAmount(v, out var a)) return a;
            errors.Add($"{label} illisible : « {v} »");
            return null;
        }

        var name = Required("debiteur", "nom du débiteur");
        var number = Required("numero", "numéro de facture");
        if (name.Trim().Length > MaxName) errors.Add($"nom du débiteur de plus de {MaxName} caractères");
        if (number.Length > MaxNumber) errors.Add($"numéro de facture de plus de {MaxNumber} caractères");
        if (c.Get(f, "creancier") is { Length: > MaxName }) errors.Add(
            $"nom du créancier de plus de {MaxName} caractères");
        var issue = Date("emission", "date de facture");
        var due = Date("echeance", "date d'échéance");
        var ttcText = c.Get(f, "ttc");
        var ttc = Amount("ttc", "montant TTC");
        if (ttcText is null) errors.Add("montant TTC manquant");
        var ht = Amount("ht", "montant HT");
        var paid = Amount("paye", "montant réglé") ?? 0m;
        var rate = Amount("taux", "taux de pénalités");

        if (issue != default && due != default && due < issue) errors.Add(
            $"échéance ({due:dd/MM/yyyy}) antérieure à la date de facture ({issue:dd/MM/yyyy})");
        if (ttc is <= 0m) errors.Add($"montant TTC ({ttcText}) nul ou négatif");
        if (ttc is { } t && decimal.Round(t, 2) !=
            t) errors.Add($"montant TTC ({ttcText}) avec plus de deux décimales");
        if (paid < 0m) errors.Add("montant réglé négatif");
        if (ttc is { } total && paid > total) errors.Add($"montant réglé supérieur au montant TTC");
        if (rate is < 0m or > 100m) errors.Add("taux de pénalités hors de 0 à 100 %");

        var siren = c.Get(f, "siren");
        if (siren is null && c.Get(f, "siret") is { } siret)
        {
            if (!AddinHost.Cases.Siren.IsValidSiret(siret)) errors.Add(
                $"SIRET {siret} invalide : clé de contrôle incorrecte");
            siren = AddinHost.Cases.Siren.Normalize(
                siret)?[..Math.Min(9, AddinHost.Cases.Siren.Normalize(siret)!.Length)];
        }
        else if (siren is not null && !AddinHost.Cases.Siren.IsValid(siren))
            errors.Add(
                $"SIREN {siren} invalide : " +
                (AddinHost.Cases.Siren.Normalize(siren)!.Length != 9
                    ? "neuf chiffres attendus" : "clé de contrôle incorrecte"));
        siren = AddinHost.Cases.Siren.Normalize(siren);

        var email = c.Get(f, "email");
        if (email is not null && !FrenchValues.IsEmail(email))
            errors.Add(email.Length > FrenchValues.MaxEmailLength
                ? $"adresse électronique trop longue ({email.Length} caractères, {FrenchValues.MaxEmailLength} au plus)"
                : $"adresse électronique invalide : « {email} »");

        var kind = siren is null ? ImportedDebtorKind.Consommateur : ImportedDebtorKind.Professionnel;
        if (c.Get(f, "type") is { } type)
        {
            switch (FrenchValues.Key(type))
            {
                case "professionnel" or "pro" or "entreprise"
                    or "societe": kind = ImportedDebtorKind.Professionnel; break;
                case "consommateur" or "particulier": kind = ImportedDebtorKind.Consommateur; break;
                case "nonprofessionnel" or "association": kind = ImportedDebtorKind.NonProfessionnel; break;
                default: errors.Add(
                    $"type de débiteur inconnu : « {type} » (professionnel, consommateur ou non-professionnel)"); break;
            }
        }

        if (errors.Count > 0) return null;
        var key = siren ?? email?.ToLowerInvariant() ?? FrenchValues.NormalizeName(name);
        return new ImportedInvoice(line, c.Get(f, "creancier"), key, name.Trim(), kind, siren, email,
            c.Get(f, "adresse"), c.Get(f, "codepostal"), c.Get(f, "ville"),
            number, issue, due, ttc!.Value, ht, paid, rate);
    }
}
