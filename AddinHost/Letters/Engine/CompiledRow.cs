using System.Text;
using System.Xml.Linq;

namespace AddinHost.Letters.Engine;

/// <summary>
/// A repeated table row written straight to text: the row is serialized once with a slot per value, then each
/// item only appends strings. A 5,000-row invoice table never becomes 5,000 cloned XML trees.
/// Only rows with plain value tags qualify (no nested section, no drawing, no bookmark).
/// </summary>
internal sealed class CompiledRow
{
    private const string SlotMark = "\u00A7od-slot\u00A7";
    private readonly string[] _literals;
    private readonly Tag[] _slots;
    private readonly int _nodes;

    private CompiledRow(string[] literals, Tag[] slots, int nodes)
        => (_literals, _slots, _nodes) = (literals, slots, nodes);

    public static CompiledRow? TryCompile(XElement row, RenderContext context)
    {
        if (row.Descendants().Any(e => e.Name == W.DocPr || e.Name == W.BookmarkStart || e.Name
            == W.BookmarkEnd)) return null;
        var template = new XElement(row);
        // Detached, the row would be written with a default namespace; the breaks spliced in below use "w:".
        template.SetAttributeValue(XNamespace.Xmlns + "w", W.Ns.NamespaceName);
        var slots = new List<Tag>();
        foreach (var run in template.Descendants(W.R))
        {
            if (RunNormalizer.TagText(run) is not { } text) continue;
            var tag = context.Parse(text);
            if (tag.Kind != TagKind.Value) return null;
            var t = run.Element(W.T)!;
            t.SetAttributeValue(W.Space, "preserve");
            t.Value = SlotMark;
            slots.Add(tag);
        }
        PostProcessor.Apply([template]);
        var literals = template.ToString(SaveOptions.DisableFormatting).Split(SlotMark);
        return literals.Length == slots.Count + 1 ? new CompiledRow(literals, [.. slots],
            template.DescendantsAndSelf().Count()) : null;
    }

    public string Render(IReadOnlyList<object?> items, Scope scope, RenderContext context)
    {
        context.Render((long)items.Count * _nodes); // counted as the elements they become, before any is written
        var xml = new StringBuilder(items.Count * (_literals.Sum(l => l.Length) + 16 * _slots.Length));
        foreach (var item in items)
        {
            var itemScope = scope.Push(item);
            for (var i = 0; i < _slots.Length; i++)
            {
                xml.Append(_literals[i]);
                AppendText(xml, Formatters.Apply(itemScope.Resolve(_slots[i].Segments), _slots[i].Formatters));
            }
            xml.Append(_literals[^1]);
        }
        return xml.ToString();
    }

    // Inside <w:t>: escape markup; a line break or a tab closes the text and opens a new one around w:br / w:tab.
    private static void AppendText(StringBuilder xml, string value)
    {
        foreach (var c in value)
        {
            switch (c)
            {
                case '&': xml.Append("&amp;"); break;
                case '<': xml.Append("&lt;"); break;
                case '>': xml.Append("&gt;"); break;
                case '\r': break;
                case '\n': xml.Append("</w:t><w:br/><w:t xml:space=\"preserve\">"); break;
                case '\t': xml.Append("</w:t><w:tab/><w:t xml:space=\"preserve\">"); break;
                default:
                    if (c >= 0x20 || c == 0x9) xml.Append(c); // other control characters are not allowed in XML
                    break;
            }
        }
    }
}
