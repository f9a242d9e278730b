namespace AddinHost.Cases.Money;

/// <summary>A semester: rates change on 1 January and 1 July, so every computation splits there.</summary>
public readonly record struct HalfYear(int Year, int Half) : IComparable<HalfYear>
{
    public DateOnly Start => new(Year, Half == 1 ? 1 : 7, 1);
    public DateOnly End => Half == 1 ? new(Year, 6, 30) : new(Year, 12, 31);

    public static HalfYear Of(DateOnly day) => new(day.Year, day.Month <= 6 ? 1 : 2);

    public HalfYear Next() => Half == 1 ? new(Year, 2) : new(Year + 1, 1);

    public string Label => $"{(Half == 1 ? "premier" : "second")} semestre {Year}";

    public int CompareTo(HalfYear other) => (Year, Half).CompareTo((other.Year, other.Half));

    public override string ToString() => $"{Year}-H{Half}";
}
