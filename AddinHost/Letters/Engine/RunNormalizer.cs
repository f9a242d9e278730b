using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace AddinHost.Letters.Engine;

/// <summary>
/// Word splits text into runs wherever proofing, revisions or formatting changed: "{{debi" + "teur.nom}}".
/// This gathers each tag back into the run where it starts (keeping that run's formatting), then gives
/// every tag a run of its own, so the renderer only ever sees whole tags.
/// </summary>
internal static partial class RunNormalizer
{
    public sealed record BraceProblem(XElement Paragraph, string Message);

    public static List<BraceProblem> Normalize(XElement root)
    {
        var problems = new List<BraceProblem>();
        foreach (var paragraph in root.DescendantsAndSelf(W.P).ToList())
        {
            MergeSplitTags(paragraph, problems);
            foreach (var run in W.OwnRuns(paragraph).ToList())
                if (NeedsIsolation(run))
                    Isolate(run);
        }
        return problems;
    }

    /// <summary>The tag text when the run holds exactly one whole tag and nothing else.</summary>
    public static string? TagText(XElement run)
    {
        XElement? text = null;
        foreach (var child in run.Elements())
        {
            if (child.Name == W.RPr) continue;
            if (child.Name != W.T || text is not null) return null;
            text = child;
        }
        var value = text?.Value;
        return value is not null && value.Length >= 4
            && value.StartsWith(TagSyntax.Open, StringComparison.Ordinal)
            && value.IndexOf(TagSyntax.Close, StringComparison.Ordinal) == value.Length - 2
            && value.IndexOf(TagSyntax.Open, 2, StringComparison.Ordinal) < 0 ? value : null;
    }

    private static void MergeSplitTags(XElement paragraph, List<BraceProblem> problems)
    {
        var texts = W.OwnRuns(paragraph).SelectMany(r => r.Elements(W.T)).ToList();
        if (texts.Count == 0) return;
        var full = string.Concat(texts.Select(t => t.Value));
        if (!full.Contains('{') && !full.Contains('}')) return;

        var starts = new int[texts.Count];
        for (int i = 0, offset = 0; i < texts.Count; offset += texts[i].Value.Length, i++) starts[i] = offset;
        int IndexAt(int position) { var i = Array.BinarySearch(starts, position); return i >= 0 ? LastStartingAt(i) : ~i
            - 1; }
        int LastStartingAt(int i) { while (i + 1 < starts.Length && starts[i + 1] == starts[i]) i++; return i; }

        var spans = new List<(int Start, int End)>();
        for (var at = 0; ;)
        {
            var open = full.IndexOf(TagSyntax.Open, at, StringComparison.Ordinal);
            var strayClose = full.IndexOf(TagSyntax.Close, at, StringComparison.Ordinal);
            if (strayClose >= 0 && (open < 0 || strayClose < open))
                problems.Add(
                    new(paragraph, $"« }}}} » sans « {{{{ » correspondant près de « {Around(full, strayClose)} »"));
            if (open < 0) break;
            var close = full.IndexOf(TagSyntax.Close, open + 2, StringComparison.Ordinal);
            var reopen = full.IndexOf(TagSyntax.Open, open + 2, StringComparison.Ordinal);
            if (close < 0 || (reopen >= 0 && reopen < close))
            {
                problems.Add(new(paragraph, $"balise non fermée : « {Around(full, open)} » n'a pas de « }}}} »"));
                if (close < 0) break;
                at = reopen;
                continue;
            }
            spans.Add((open, close + 2));
            at = close + 2;
        }

        // Right to left: a later tag only ever changes text after its own start, so earlier offsets stay valid.
        for (var s = spans.Count - 1; s >= 0; s--)
        {
            var (start, end) = spans[s];
            int first = IndexAt(start), last = IndexAt(end - 1);
            if (first == last) continue;
            texts[first].Value = texts[first].Value[..(start - starts[first])] + full[start..end];
            for (var k = first + 1; k < last; k++) texts[k].Value = "";
            texts[last].Value = texts[last].Value[(end - starts[last])..];
            texts[first].SetAttributeValue(W.Space, "preserve");
            texts[last].SetAttributeValue(W.Space, "preserve");
        }

        foreach (var t in texts.Where(t => t.Value.Length == 0))
        {
            var run = t.Parent!;
            t.Remove();
            if (!run.Elements().Any(e => e.Name != W.RPr)) run.Remove();
        }
    }

    private static bool NeedsIsolation(XElement run) =>
        TagText(run) is null && run.Elements(W.T).Any(t => t.Value.Contains(TagSyntax.Open, StringComparison.Ordinal));

    private static void Isolate(XElement run)
    {
        var properties = run.Element(W.RPr);
        var pieces = new List<XElement>();
        var current = NewRun(run, properties);
        void Flush()
        {
            if (current.Elements().Any(e => e.Name != W.RPr)) pieces.Add(current);
            current = NewRun(run, properties);
        }
        foreach (var child in run.Elements().Where(e => e.Name != W.RPr))
        {
            if (child.Name != W.T || !child.Value.Contains(TagSyntax.Open, StringComparison.Ordinal))
            {
                current.Add(new XElement(child));
                continue;
            }
            foreach (var piece in TagPattern().Split(child.Value).Where(p => p.Length > 0))
            {
                if (piece.StartsWith(TagSyntax.Open, StringComparison.Ordinal)
                    && piece.EndsWith(TagSyntax.Close, StringComparison.Ordinal))
                {
                    Flush();
                    pieces.Add(NewRun(run, properties, W.Text(piece)));
                }
                else current.Add(W.Text(piece));
            }
        }
        Flush();
        run.ReplaceWith(pieces);
    }

    private static XElement NewRun(XElement template, XElement? properties, params object[] content) =>
        new(W.R, template.Attributes(), properties is null ? null : new XElement(properties), content);

    private static string Around(string text, int at)
        => text.Substring(Math.Max(0, at), Math.Min(40, text.Length - Math.Max(0, at)));

    [GeneratedRegex(@"(\{\{.*?\}\})", RegexOptions.NonBacktracking)]
    private static partial Regex TagPattern();
}
