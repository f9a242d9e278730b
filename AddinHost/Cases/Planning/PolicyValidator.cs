namespace AddinHost.Cases.Planning;

/// <summary>Checks an edited ladder; returns French errors keyed by field path.</summary>
public static class PolicyValidator
{
    public static Dictionary<string, string[]> Validate(PolicyEndpoints.PolicyDto? p)
    {
        var errors = new Dictionary<string, List<string>>();
        void Add(string field, string message) => (errors.TryGetValue(field, out var l) ? l : errors[field] = [])
            .Add(message);

        if (p is null) { Add("", "Le corps de la requête est vide."); return Freeze(errors); }
        if (string.IsNullOrWhiteSpace(p.Name)) Add("name", "Le nom de la politique est obligatoire.");
        if (p.ToleranceAmount < 0m) Add("toleranceAmount", "Le seuil de tolérance ne peut pas être négatif.");
        if (p.Levels is null || p.Levels.Count == 0) { Add("levels",
            "La politique doit compter au moins un niveau."); return Freeze(errors); }
        if (p.Levels.Count > 20) Add("levels", "La politique compte au plus 20 niveaux.");

        for (var i = 0; i < p.Levels.Count; i++)
        {
            var l = p.Levels[i];
            var at = $"levels[{i}]";
            if (l is null) { Add(at, "Niveau vide."); continue; }
            if (string.IsNullOrWhiteSpace(l.Name)) Add($"{at}.name", "Le nom du niveau est obligatoire.");
            if (l.DelayDays is < -60 or > 3650) Add($"{at}.delayDays",
                "Le délai doit être compris entre -60 et 3650 jours par rapport à l'échéance.");
            if (l.MinGapDays is < 0 or > 365) Add($"{at}.minGapDays",
                "L'écart minimal doit être compris entre 0 et 365 jours.");
            if (!Enum.IsDefined(l.Channel)) Add($"{at}.channel", "Canal inconnu.");
            if (l.Channel is not (StepChannel.Telephone or StepChannel.Decision)
                && string.IsNullOrWhiteSpace(l.Template))
                Add($"{at}.template", "Un niveau qui envoie un courrier ou un courriel doit nommer son modèle.");
            if (i > 0 && p.Levels[i - 1] is { } prev && l.DelayDays < prev.DelayDays)
                Add($"{at}.delayDays",
                    $"Les niveaux doivent être dans l'ordre des délais : « {l.Name} » (J{l.DelayDays:+0;-0;+0}) " +
                    $"vient avant « {prev.Name} » (J{prev.DelayDays:+0;-0;+0}).");
        }
        return Freeze(errors);
    }

    private static Dictionary<string, string[]> Freeze(Dictionary<string, List<string>> errors) =>
        errors.ToDictionary(kv => kv.Key, kv => kv.Value.ToArray());
}
