namespace AddinHost.Cases.Money;

/// <summary>Days sales outstanding, simple and countback (the partners' usual two views).</summary>
public static class Dso
{
    public static decimal Simple(decimal receivables, decimal sales, int days)
    {
        if (sales <= 0m) throw new ArgumentException(
            "Le DSO simple exige un chiffre d'affaires positif sur la période.", nameof(sales));
        if (days <= 0) throw new ArgumentException("La période du DSO doit compter au moins un jour.", nameof(days));
        return decimal.Round(receivables / sales * days, 2, MidpointRounding.AwayFromZero);
    }

    /// <summary>Walks back month by month, consuming each month's sales, then adds the fraction of the last.</summary>
    public static decimal Countback(decimal receivables, IReadOnlyList<(decimal Sales, int Days)> monthsMostRecentFirst)
    {
        if (monthsMostRecentFirst.Count == 0) throw new ArgumentException(
            "Le DSO par épuisement exige au moins un mois de ventes.", nameof(monthsMostRecentFirst));
        var left = receivables;
        var days = 0m;
        foreach (var (sales, monthDays) in monthsMostRecentFirst)
        {
            if (left <= 0m) break;
            if (left >= sales)
            {
                left -= sales;
                days += monthDays;
                continue;
            }
            days += left / sales * monthDays;
            left = 0m;
        }
        return decimal.Round(days, 2, MidpointRounding.AwayFromZero);
    }
}
