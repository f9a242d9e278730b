namespace AddinHost.Infrastructure;

/// <summary>Calendar dates of the product are French legal dates: "today" is today in Paris.</summary>
public static class ParisTime
{
    private static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    public static DateOnly Today(this TimeProvider clock) => clock.GetUtcNow().ParisDate();

    public static DateOnly ParisDate(this DateTimeOffset instant) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, Zone).DateTime);
}
