using System.Xml.Linq;

namespace AddinHost.Letters.Engine;

/// <summary>
/// Fills one part's XML with data. Tags are collected once in document order; a section's clones are
/// rendered in a detached container with the item in scope, then put in place of the original.
/// </summary>
internal static class Renderer
{
    // Parsed tags are shared by every clone of a section: a row repeated 5,000 times parses its tags once.
    public static void Render(XElement root, Scope scope, RenderContext context)
    {
        var tags = new List<(XElement Run, Tag Tag)>();
        foreach (var run in root.Descendants(W.R))
            if (RunNormalizer.TagText(run) is { } text)
                tags.Add((run, context.Parse(text)));

        for (var i = 0; i < tags.Count; i++)
        {
            var (run, tag) = tags[i];
            switch (tag.Kind)
            {
                case TagKind.Value:
                    WriteValue(run, Formatters.Apply(scope.Resolve(tag.Segments), tag.Formatters));
                    break;
                case TagKind.Section or TagKind.InvertedSection:
                    var close = MatchingClose(tags, i);
                    Expand(run, tags[close].Run, tag, scope, context);
                    i = close;
                    break;
                default:
                    throw new TemplateRenderException($"Balise « {tag.Source} » sans ouverture.");
            }
        }
    }

    private static int MatchingClose(List<(XElement Run, Tag Tag)> tags, int open)
    {
        var depth = 0;
        for (var j = open + 1; j < tags.Count; j++)
        {
            var t = tags[j].Tag;
            if (t.Kind is TagKind.Section or TagKind.InvertedSection && t.Path == tags[open].Tag.Path) depth++;
            else if (t.Kind == TagKind.Close && t.Path == tags[open].Tag.Path && depth-- == 0) return j;
        }
        throw new TemplateRenderException($"Section « {tags[open].Tag.Source} » jamais fermée.");
    }

    private static void Expand(XElement openRun, XElement closeRun, Tag tag, Scope scope, RenderContext context)
    {
        var unit = SectionPlacement.Of(openRun, closeRun)
            ?? throw new TemplateRenderException($"« {tag.Source} » : {SectionPlacement.Refusal}.");
        var iterations = Scope.Iterations(scope.Resolve(tag.Segments), tag.Kind == TagKind.InvertedSection);

        switch (unit)
        {
            case SectionUnit.Inline:
                Repeat(openRun.ElementsAfterSelf().TakeWhile(e => e != closeRun).ToList(), W.P, iterations, scope,
                    context, anchor: openRun);
                openRun.Remove();
                closeRun.Remove();
                break;
            case SectionUnit.TableRow:
                var row = SectionPlacement.RowOf(W.ParagraphOf(openRun)!)!;
                openRun.Remove();
                closeRun.Remove();
                if (CompiledRow.TryCompile(row, context) is { } compiled)
                {
                    if (iterations.Count > 0) row.AddAfterSelf(
                        new XComment(context.AddRawBlock(compiled.Render(iterations, scope, context))));
                    row.Remove();
                }
                else Repeat([row], W.Tbl, iterations, scope, context, anchor: row);
                break;
            case SectionUnit.Paragraphs:
                var openParagraph = W.ParagraphOf(openRun)!;
                var closeParagraph = W.ParagraphOf(closeRun)!;
                Repeat(openParagraph.ElementsAfterSelf().TakeWhile(e => e != closeParagraph).ToList(), W.Body,
                    iterations, scope, context, anchor: openParagraph);
                openRun.Remove();
                closeRun.Remove();
                RemoveIfBlank(openParagraph);
                RemoveIfBlank(closeParagraph);
                break;
        }
    }

    /// <summary>Renders a clone of <paramref name="unit"/> per iteration, placed where the unit was.</summary>
    private static void Repeat(List<XElement> unit, XName container, IReadOnlyList<object?> iterations, Scope scope,
        RenderContext context, XElement anchor)
    {
        var output = new List<XElement>();
        var nodes = iterations.Count == 0 ? 0L : unit.Sum(e => (long)e.DescendantsAndSelf().Count());
        foreach (var item in iterations)
        {
            // before the clone: a section that explodes stops at the cap, not at the end of memory
            context.Render(nodes);
            var holder = new XElement(container, unit.Select(e => new XElement(e)));
            Render(holder, scope.Push(item), context);
            output.AddRange(holder.Elements());
        }
        anchor.AddAfterSelf(output);
        foreach (var e in unit) e.Remove();
    }

    // A paragraph that only held a section tag would otherwise leave an empty line in the letter.
    private static void RemoveIfBlank(XElement paragraph)
    {
        var hasContent = paragraph.Descendants().Any(e =>
            (e.Name == W.T && e.Value.Length > 0) || e.Name == W.Br || e.Name == W.Tab || e.Name.LocalName is "drawing"
                or "pict" or "object");
        if (!hasContent && paragraph.Parent is { } parent)
        {
            paragraph.Remove();
            if (parent.Name == W.Tc && !parent.Elements(W.P).Any()) parent.Add(new XElement(W.P));
        }
    }

    /// <summary>Replaces the tag's text with the value, in the tag's own formatting; line breaks become w:br.</summary>
    private static void WriteValue(XElement run, string value)
    {
        // Most values are one line: the tag's own text element just takes the value.
        if (value.AsSpan().IndexOfAny('\n', '\r', '\t') < 0 && value.Length > 0 && run.Element(W.T) is { } text)
        {
            text.Value = value;
            text.SetAttributeValue(W.Space, "preserve");
            return;
        }
        var properties = run.Element(W.RPr);
        run.RemoveNodes();
        if (properties is not null) run.Add(properties);
        var lines = value.Replace("\r\n", "\n").Replace('\r', '\n').Split('\n');
        for (var l = 0; l < lines.Length; l++)
        {
            if (l > 0) run.Add(new XElement(W.Br));
            var cells = lines[l].Split('\t');
            for (var c = 0; c < cells.Length; c++)
            {
                if (c > 0) run.Add(new XElement(W.Tab));
                if (cells[c].Length > 0) run.Add(W.Text(cells[c]));
            }
        }
    }
}

public class TemplateRenderException(string message) : Exception(message);
