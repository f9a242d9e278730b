using System.Globalization;

namespace Benchmarks;

/// <summary>One line per figure: the value, its floor measured in the same run, the ratio and the target.</summary>
public sealed class Report
{
    private readonly List<string[]> _rows = [];

    public void Add(string provider, string measure, TimeSpan value, TimeSpan floor, string target,
        bool met, string? extra = null) =>
        _rows.Add([provider, measure, Format(value), Format(floor),
            (value / floor).ToString(value < floor / 10 ? "0.00" : "0.0", CultureInfo.InvariantCulture) + "x",
            target, met ? "yes" : "NO", extra ?? ""]);

    /// <summary>A figure measured against a peer library: the ratio is how many times faster this product is.</summary>
    public void AddPeer(string provider, string measure, TimeSpan value, TimeSpan peer, string target,
        bool met, string? extra = null) =>
        _rows.Add([provider, measure, Format(value), Format(peer),
            (peer / value).ToString("0.0", CultureInfo.InvariantCulture) + "x faster",
            target, met ? "yes" : "NO", extra ?? ""]);

    /// <summary>A size against its budget: the ratio is the share of the budget used.</summary>
    public void AddSize(string provider, string measure, long bytes, long budget, string target,
        bool met, string? extra = null) =>
        _rows.Add([provider, measure, $"{bytes / 1024.0:F0} KB", $"{budget / 1024.0:F0} KB budget",
            ((double)bytes / budget).ToString("0.00", CultureInfo.InvariantCulture) + "x",
            target, met ? "yes" : "NO", extra ?? ""]);

    public bool AllMet => _rows.All(r => r[6] == "yes");

    public void Print(TextWriter o)
    {
        string[] header = ["provider", "measure", "value", "floor/peer", "ratio", "target", "met", "notes"];
        var widths = header.Select((h, i) =>
            Math.Max(h.Length, _rows.Count == 0 ? 0 : _rows.Max(r => r[i].Length)))
            .ToArray();
        o.WriteLine(string.Join("  ", header.Select((h, i) => h.PadRight(widths[i]))));
        foreach (var r in _rows)
            o.WriteLine(string.Join("  ", r.Select((c, i) => c.PadRight(widths[i]))));
    }

    public static string Format(TimeSpan t) => t.TotalSeconds >= 1
        ? t.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture) + " s"
        : t.TotalMilliseconds.ToString("0.0", CultureInfo.InvariantCulture) + " ms";
}
