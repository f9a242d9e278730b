using System.Xml.Linq;

namespace AddinHost.Letters.Engine;

/// <summary>Repairs what repetition breaks: duplicate drawing and bookmark ids, empty tables, cells without a
/// paragraph.</summary>
internal static class PostProcessor
{
    public static void Apply(IReadOnlyList<XElement> roots)
    {
        var drawingId = 1;
        var bookmarkId = 1;
        var bookmarkNames = new HashSet<string>(StringComparer.Ordinal);
        foreach (var root in roots)
        {
            // One walk over the part: a 5,000-row letter has hundreds of thousands of elements.
            var emptyTables = new List<XElement>();
            var cells = new List<XElement>();
            foreach (var e in root.Descendants())
            {
                if (e.Name == W.RPr) RemoveRepeatedProperties(e);
                else if (e.Name == W.Tc) cells.Add(e);
                else if (e.Name == W.DocPr) e.SetAttributeValue("id", drawingId++);
                else if (e.Name == W.Tbl && e.Element(W.Tr) is null && !HasRawRows(e)) emptyTables.Add(e);
            }
            foreach (var table in emptyTables) table.Remove();
            foreach (var cell in cells)
                if (cell.Elements().LastOrDefault()?.Name != W.P)
                    cell.Add(new XElement(W.P)); // a cell must end with a paragraph
            RenumberBookmarks(root, ref bookmarkId, bookmarkNames);
        }
    }

    private static bool HasRawRows(XElement table)
        => table.Nodes().OfType<XComment>().Any(c => RenderContext.IsMarker(c.Value));

    // LibreOffice may write a property twice (<w:b/><w:b/>), which Word's schema forbids: keep the last.
    private static void RemoveRepeatedProperties(XElement properties)
    {
        var children = properties.Elements().ToList();
        for (var i = children.Count - 2; i >= 0; i--)
            for (var j = i + 1; j < children.Count; j++)
                if (children[j].Name == children[i].Name)
                {
                    children[i].Remove();
                    break;
                }
    }

    // Cloned bookmarks would share ids and names; the first keeps its name, later copies are dropped.
    private static void RenumberBookmarks(XElement root, ref int nextId, HashSet<string> names)
    {
        foreach (var start in root.Descendants(W.BookmarkStart).ToList())
        {
            var name = (string?)start.Attribute(W.Name) ?? "";
            var oldId = (string?)start.Attribute(W.Id) ?? "";
            var end = start.ElementsAfterSelf().Concat(start.Parent!.ElementsAfterSelf().DescendantsAndSelf())
                .FirstOrDefault(e => e.Name == W.BookmarkEnd && (string?)e.Attribute(W.Id) == oldId);
            if (!names.Add(name))
            {
                start.Remove();
                end?.Remove();
                continue;
            }
            var newId = (nextId++).ToString(System.Globalization.CultureInfo.InvariantCulture);
            start.SetAttributeValue(W.Id, newId);
            end?.SetAttributeValue(W.Id, newId);
        }
    }
}
