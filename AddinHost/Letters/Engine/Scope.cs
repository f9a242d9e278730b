using System.Collections;

namespace AddinHost.Letters.Engine;

/// <summary>
/// The data a tag reads: nested dictionaries and lists. Inside a section the current item comes first,
/// then the enclosing ones, as in Mustache.
/// </summary>
public sealed class Scope
{
    private readonly IReadOnlyDictionary<string, object?>[] _frames;

    public Scope(IReadOnlyDictionary<string, object?> root) => _frames = [root];

    private Scope(IReadOnlyDictionary<string, object?>[] frames) => _frames = frames;

    public Scope Push(object? item) =>
        item is IReadOnlyDictionary<string, object?> frame ? new Scope([frame, .. _frames]) : this;

    public object? Resolve(string path) => Resolve(path.Split('.'));

    public object? Resolve(string[] segments)
    {
        foreach (var frame in _frames)
        {
            if (!frame.TryGetValue(segments[0], out var value)) continue;
            for (var i = 1; i < segments.Length; i++)
                value = value is IReadOnlyDictionary<string,
                    object?> d && d.TryGetValue(segments[i], out var next) ? next : null;
            return value;
        }
        return null;
    }

    /// <summary>What a section repeats over: each item of a list; once for a truthy value; never for a falsy
    /// one.</summary>
    public static IReadOnlyList<object?> Iterations(object? value, bool inverted)
    {
        var truthy = value switch
        {
            null => false,
            bool b => b,
            string s => s.Length > 0,
            decimal d => d != 0m,
            int n => n != 0,
            ICollection c => c.Count > 0,
            IEnumerable e => e.Cast<object?>().Any(),
            _ => true,
        };
        if (inverted) return truthy ? [] : [null];
        if (!truthy) return [];
        return value is IEnumerable list and not string and not IReadOnlyDictionary<string,
            object?> ? list.Cast<object?>().ToList() : [value];
    }
}
