using System.Xml.Linq;
using DocumentFormat.OpenXml.Packaging;

namespace AddinHost.Letters.Engine;

/// <summary>
/// What in a template would make the server read a file or an address when the letter is made: a linked (not embedded)
/// image, an attached template, an included document, an INCLUDEPICTURE or INCLUDETEXT field. LibreOffice would fetch
/// it from inside the server's network and put the answer in the PDF, so the linter refuses it. Hyperlinks stay: they
/// are
/// only written into the letter, never followed.
/// </summary>
internal static class ExternalContent
{
    public sealed record FieldUse(XElement At, string Message);

    /// <summary>Field codes that load content from elsewhere (Word's and LibreOffice's import of them).</summary>
    private static readonly HashSet<string> LoadingFields = new(StringComparer.OrdinalIgnoreCase)
    {
        "INCLUDEPICTURE", "INCLUDETEXT", "INCLUDE", "IMPORT", "LINK", "DDE", "DDEAUTO", "RD",
    };

    private static readonly XNamespace R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private static readonly XName FldSimple = W.Ns + "fldSimple", Instr = W.Ns + "instr",
        InstrText = W.Ns + "instrText", FldChar = W.Ns + "fldChar", FldCharType = W.Ns + "fldCharType";

    /// <summary>Every relationship of every part that leaves the package, other than a hyperlink.</summary>
    public static IEnumerable<TemplateProblem> InRelationships(TemplatePackage package)
    {
        var document = package.Document;
        var external = document.ExternalRelationships.Select(r => ("paquet", r))
            .Concat(document.GetAllParts()
                .SelectMany(p => p.ExternalRelationships.Select(r => (p.Uri.OriginalString, r))));
        foreach (var (part, relationship) in external)
            yield return new TemplateProblem(part, 0, Shorten(relationship.Uri.OriginalString),
                $"lien vers un fichier ou une adresse extérieurs ({Kind(relationship.RelationshipType)}) : " +
                "le serveur irait le chercher en produisant le courrier. Incorporez le contenu dans le document " +
                "(Insertion > Image > Cet appareil, sans « Lier au fichier »).");
    }

    /// <summary>Fields whose code loads content, simple (<c>w:fldSimple</c>) or complex (<c>w:instrText</c> between
    /// begin and separate).</summary>
    public static IEnumerable<FieldUse> InFields(XElement root)
    {
        var open = new Stack<ComplexField>(); // fields nest: { INCLUDEPICTURE "{ MERGEFIELD x }" }
        foreach (var e in root.Descendants())
        {
            if (e.Name == FldSimple && Loading((string?)e.Attribute(Instr)) is { } simple)
                yield return new FieldUse(e, Refusal(simple));
            else if (e.Name == FldChar)
            {
                var type = (string?)e.Attribute(FldCharType);
                if (type == "begin") open.Push(new ComplexField(e));
                else if (type is "separate" or "end" && open.Count > 0)
                {
                    var field = type == "end" ? open.Pop() : open.Peek();
                    if (!field.InResult && Loading(field.Code.ToString()) is { } complex)
                        yield return new FieldUse(field.At, Refusal(complex));
                    field.InResult = true;
                }
            }
            else if (e.Name == InstrText && open.Count > 0 && !open.Peek().InResult)
                open.Peek().Code.Append(e.Value);
            else if (e.Attributes().Any(a => a.Name == R + "link"))
                yield return new FieldUse(e,
                    "image liée à un fichier extérieur (r:link) : incorporez-la dans le document");
        }
    }

    private sealed class ComplexField(XElement at)
    {
        public XElement At { get; } = at;
        public System.Text.StringBuilder Code { get; } = new();

        /// <summary>Past its separator: what follows is the field's last result, not its code.</summary>
        public bool InResult { get; set; }
    }

    private static string? Loading(string? code)
    {
        var word = code?.TrimStart().Split([' ', '\t', '\\', '"'], 2)[0];
        return word is { Length: > 0 } && LoadingFields.Contains(word) ? word.ToUpperInvariant() : null;
    }

    private static string Refusal(string field) =>
        $"champ {field} interdit : il ferait lire au serveur un fichier ou une adresse extérieurs. " +
        "Collez le contenu dans le modèle.";

    private static string Kind(string type) => type[(type.LastIndexOf('/') + 1)..] switch
    {
        "image" => "image liée",
        "attachedTemplate" => "modèle attaché",
        "subDocument" => "sous-document",
        "oleObject" => "objet lié",
        "frame" => "cadre",
        var other => other,
    };

    private static string Shorten(string text) => text.Length <= 120 ? text : text[..117] + "…";
}
