namespace AddinHost.Cases.Import;

/// <summary>
/// The errors of a file, kept up to a cap: a 50 MB file of bad lines would otherwise make a hundred million error
/// objects.
/// Past the cap, the lines in error are only counted, so the answer can say how many more there were.
/// </summary>
public sealed class ImportErrors(int max)
{
    private readonly List<ImportError> _kept = [];
    private int _lastCountedLine = -1;

    public IReadOnlyList<ImportError> Kept => _kept;

    /// <summary>Lines in error beyond the kept errors (a line counts once, however many errors it has).</summary>
    public int MoreLines { get; private set; }

    public bool Any => _kept.Count > 0;

    public void Add(int line, string reason)
    {
        if (_kept.Count < max)
        {
            _kept.Add(new ImportError(line, reason));
            return;
        }
        if (_kept.Any(e => e.Line == line) || line == _lastCountedLine) return;
        _lastCountedLine = line;
        MoreLines++;
    }

    public void AddRange(IEnumerable<ImportError> errors)
    {
        foreach (var e in errors) Add(e.Line, e.Reason);
    }
}
