using System.Xml.Linq;

namespace AddinHost.Letters.Engine;

/// <summary>Finds every problem of a template at once: unreadable tags, unknown fields or formats, broken
/// sections.</summary>
internal static class TemplateLinter
{
    private sealed record Open(Tag Tag, XElement Run, FieldDefinition? List);

    public static List<TemplateProblem> Lint(TemplatePackage package, IReadOnlyList<FieldDefinition> fields)
    {
        var problems = new List<TemplateProblem>();
        var roots = fields.ToDictionary(f => f.Path);
        foreach (var part in package.Parts)
        {
            var root = part.Xml.Root!;
            var numbers = root.Descendants(W.P).Select((p, i) => (p, i + 1)).ToDictionary(x => x.p, x => x.Item2);
            TemplateProblem Problem(XElement at, string message)
            {
                var paragraph = at.Name == W.P ? at : W.ParagraphOf(at);
                return new(part.Name, paragraph is null ? 0 : numbers.GetValueOrDefault(paragraph), Context(paragraph),
                    message);
            }

            problems.AddRange(RunNormalizer.Normalize(root).Select(b => Problem(b.Paragraph, b.Message)));
            var stack = new Stack<Open>();
            foreach (var run in root.Descendants(W.R).ToList())
            {
                if (RunNormalizer.TagText(run) is not { } text) continue;
                if (!TagSyntax.TryParse(text, out var tag, out var error))
                {
                    problems.Add(Problem(run, $"balise « {text} » illisible : {error}"));
                    continue;
                }
                var known = Resolve(tag!.Path, stack, roots);
                switch (tag.Kind)
                {
                    case TagKind.Value:
                        if (known is null) problems.Add(
                            Problem(run, $"champ inconnu « {tag.Path} » dans « {text} » (voir la liste des champs)"));
                        else if (known.Kind == FieldKind.Liste) problems.Add(
                            Problem(run,
                            $"« {tag.Path} » est une liste : utilisez {{{{#{tag.Path}}}}}…{{{{/{tag.Path}}}}}"));
                        foreach (var f in tag.Formatters.Where(f => !Formatters.Exists(f)))
                            problems.Add(Problem(run,
                                $"format inconnu « {f} » dans « {text} » (formats : " +
                                $"{string.Join(", ", Formatters.Descriptions.Keys)})"));
                        break;
                    case TagKind.Section or TagKind.InvertedSection:
                        if (known is null) problems.Add(
                            Problem(run, $"champ inconnu « {tag.Path} » dans la section « {text} »"));
                        else if (known.Kind == FieldKind.Liste && tag.Kind == TagKind.Section
                            && stack.Any(o => o.List == known))
                            problems.Add(Problem(run,
                                $"la liste « {tag.Path} » est déjà ouverte : une liste ne se répète pas dans " +
                                $"elle-même " +
                                "(le courrier grossirait à chaque niveau)"));
                        stack.Push(new Open(tag, run, known?.Kind == FieldKind.Liste ? known : null));
                        break;
                    case TagKind.Close:
                        if (stack.Count == 0)
                            problems.Add(Problem(run, $"« {text} » ferme une section qui n'a pas été ouverte"));
                        else if (stack.Peek().Tag.Path != tag.Path)
                            problems.Add(Problem(run,
                                $"« {text} » ne correspond pas à la section ouverte « {stack.Peek().Tag.Source} » : " +
                                $"fermez d'abord {{{{/{stack.Peek().Tag.Path}}}}}"));
                        else
                        {
                            var open = stack.Pop();
                            if (SectionPlacement.Of(open.Run, run) is null)
                                problems.Add(Problem(open.Run, $"« {open.Tag.Source} » : {SectionPlacement.Refusal}"));
                        }
                        break;
                }
            }
            foreach (var open in stack)
                problems.Add(
                    Problem(open.Run,
                    $"section « {open.Tag.Source} » jamais fermée : ajoutez {{{{/{open.Tag.Path}}}}}"));
            problems.AddRange(ExternalContent.InFields(root).Select(f => Problem(f.At, f.Message)));
        }
        problems.AddRange(ExternalContent.InRelationships(package));
        return problems;
    }

    /// <summary>Inside a list section, the item's own fields come first, as when rendering.</summary>
    private static FieldDefinition? Resolve(string path, Stack<Open> stack, Dictionary<string, FieldDefinition> roots)
    {
        foreach (var open in stack)
            if (open.List?.Items?.FirstOrDefault(i => i.Path == path) is { } item)
                return item;
        return roots.GetValueOrDefault(path);
    }

    private static string Context(XElement? paragraph)
    {
        var text = paragraph is null ? "" : W.TextOf(paragraph).Trim();
        return text.Length <= 120 ? text : text[..117] + "…";
    }
}
