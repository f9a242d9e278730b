namespace AddinHost.Letters.Engine;

/// <summary>Lints and renders .docx templates against a published field list.</summary>
public sealed class LetterEngine(IReadOnlyList<FieldDefinition> fields, DocumentLimits? limits = null)
{
    private readonly DocumentLimits _limits = limits ?? new DocumentLimits();

    public DocumentLimits Limits => _limits;

    public IReadOnlyList<TemplateProblem> Lint(byte[] docx)
    {
        using var package = TemplatePackage.Open(docx, _limits);
        return TemplateLinter.Lint(package, fields);
    }

    /// <summary>The filled document; a template with problems is refused with all of them.</summary>
    public byte[] Render(byte[] docx, IReadOnlyDictionary<string, object?> data)
    {
        using var package = TemplatePackage.Open(docx, _limits);
        var problems = TemplateLinter.Lint(package, fields); // also gathers split tags, in place
        if (problems.Count > 0)
            throw new TemplateProblemsException(problems);
        var scope = new Scope(data);
        var context = new RenderContext(_limits.MaxRenderedNodes);
        foreach (var part in package.Parts)
            Renderer.Render(part.Xml.Root!, scope, context);
        PostProcessor.Apply(package.Parts.Select(p => p.Xml.Root!).ToList());
        return package.Save(context.RawBlocks);
    }
}
