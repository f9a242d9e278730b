using System.Xml.Linq;

namespace AddinHost.Letters.Engine;

/// <summary>Repairs what repetition breaks: duplicate drawing and bookmark ids, empty tables, cells without a paragraph.</summary>
internal static class PostProcessor
{
    public static void Apply(IReadOnlyList<XElement> roots)
    {
        var drawingId = 1;
        var bookmarkId = 1;
        var bookmarkNames = new HashSet<string>(StringComparer.Ordinal);
        foreach (var root in roots)
        {
            foreach (var table in root.Descendants(W.Tbl).Where(t => !t.Elements(W.Tr).Any()).ToList())
                table.Remove();
            foreach (var cell in root.Descendants(W.Tc))
                if (cell.Elements().LastOrDefault(e => e.Name != W.TcPr)?.Name != W.P)
                    cell.Add(new XElement(W.P)); // a cell must end with a paragraph
            foreach (var properties in root.Descendants(W.RPr))
                RemoveRepeatedProperties(properties);
            foreach (var docPr in root.Descendants(W.DocPr))
                docPr.SetAttributeValue("id", drawingId++);
            RenumberBookmarks(root, ref bookmarkId, bookmarkNames);
        }
    }

    // LibreOffice may write a property twice (<w:b/><w:b/>), which Word's schema forbids: keep the last.
    private static void RemoveRepeatedProperties(XElement properties)
    {
        var seen = new HashSet<XName>();
        foreach (var child in properties.Elements().Reverse().ToList())
            if (!seen.Add(child.Name))
                child.Remove();
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
