namespace AddinHost.Cases.Money;

public sealed record AgingBuckets(decimal NotYetDue, decimal Days1To30, decimal Days31To60, decimal Days61To90,
    decimal Over90)
{
    public decimal Total => NotYetDue + Days1To30 + Days31To60 + Days61To90 + Over90;
}

/// <summary>The aged balance: each open amount in the bucket of its days past due.</summary>
public static class Aging
{
    public static AgingBuckets Compute(IEnumerable<(DateOnly DueDate, decimal Remaining)> items, DateOnly asOf)
    {
        decimal notDue = 0, d30 = 0, d60 = 0, d90 = 0, over = 0;
        foreach (var (due, remaining) in items)
        {
            switch (asOf.DayNumber - due.DayNumber)
            {
                case <= 0: notDue += remaining; break;
                case <= 30: d30 += remaining; break;
                case <= 60: d60 += remaining; break;
                case <= 90: d90 += remaining; break;
                default: over += remaining; break;
            }
        }
        return new AgingBuckets(notDue, d30, d60, d90, over);
    }
}
