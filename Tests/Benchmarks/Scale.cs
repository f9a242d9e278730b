namespace Benchmarks;

/// <summary>How big the benchmark data is; <see cref="Full"/> is the size the targets are set for.</summary>
public sealed record Scale(string Name, int Cases, int Invoices, int FecLines, int CaseViews,
    int LetterRenders = 200, int BigLetterRenders = 5, int PdfLetters = 100,
    int DispatchLetters = 1_000, int PaneOpenings = 20, int LoadSeconds = 60)
{
    public static readonly Scale Full = new("full", 10_000, 100_000, 1_000_000, 200);
    public static readonly Scale Small = new("small", 500, 5_000, 30_000, 50, 50, 2, 10, 100, 5, 15);

    public static Scale Parse(string name) => name switch
    {
        "full" => Full,
        "small" => Small,
        _ => throw new ArgumentException($"Unknown scale '{name}': full or small."),
    };
}
