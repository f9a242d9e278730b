using System.Globalization;

namespace AddinHost.Infrastructure.Cli;

/// <summary>Reads <c>--name value</c> pairs, flags and positionals; every mistake is a French <see
/// cref="CliUsageException"/>.</summary>
public sealed class CliArguments
{
    private readonly Dictionary<string, string?> _options = new(StringComparer.Ordinal);
    private readonly HashSet<string> _read = new(StringComparer.Ordinal);
    public List<string> Positionals { get; } = [];

    public CliArguments(IEnumerable<string> args, IReadOnlySet<string> flags)
    {
        using var e = args.GetEnumerator();
        while (e.MoveNext())
        {
            var a = e.Current;
            if (!a.StartsWith("--", StringComparison.Ordinal)) { Positionals.Add(a); continue; }
            var name = a[2..];
            if (_options.ContainsKey(name)) throw new CliUsageException($"L'option --{name} est donnée deux fois.");
            if (flags.Contains(name)) { _options[name] = null; continue; }
            if (!e.MoveNext() || e.Current.StartsWith("--", StringComparison.Ordinal))
                throw new CliUsageException($"L'option --{name} attend une valeur.");
            _options[name] = e.Current;
        }
    }

    public bool Flag(string name) { _read.Add(name); return _options.ContainsKey(name); }

    public string? Text(string name) { _read.Add(name); return _options.GetValueOrDefault(name); }

    public string Required(string name) => Text(name)
        ?? throw new CliUsageException($"L'option --{name} est obligatoire.");

    public decimal? Decimal(string name) => Text(name) is not { } v ? null
        : decimal.TryParse(v, NumberStyles.Number, CultureInfo.InvariantCulture, out var d) ? d
        : throw new CliUsageException(
            $"--{name} : « {v} » n'est pas un nombre (utilisez le point décimal, ex. 1200.50).");

    public DateOnly? Date(string name) => Text(name) is not { } v ? null
        : DateOnly.TryParseExact(v, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d
        : throw new CliUsageException($"--{name} : « {v} » n'est pas une date AAAA-MM-JJ.");

    public T? Choice<T>(string name, IReadOnlyDictionary<string, T> choices) where T : struct => Text(name) is not { } v
        ? null
        : choices.TryGetValue(v.ToLowerInvariant(), out var c) ? c
        : throw new CliUsageException(
            $"--{name} : « {v} » n'est pas reconnu ; valeurs possibles : {string.Join(", ", choices.Keys)}.");

    /// <summary>Call last: an option nobody asked for is a typo the user should hear about.</summary>
    public void RejectUnknown()
    {
        var unknown = _options.Keys.Where(k => !_read.Contains(k)).ToList();
        if (unknown.Count > 0)
            throw new CliUsageException($"Option inconnue : {string.Join(", ", unknown.Select(u => "--" + u))}.");
    }
}

public sealed class CliUsageException(string message) : Exception(message);
