namespace AddinHost.Letters.Engine;

/// <summary>One problem in a template, with where it is: the part, the paragraph's number, the text around
/// it.</summary>
public sealed record TemplateProblem(string Part, int Paragraph, string Context, string Message);

/// <summary>Rendering refused: the template has problems, all listed.</summary>
public sealed class TemplateProblemsException(IReadOnlyList<TemplateProblem> problems)
    : Exception($"Le modèle contient {problems.Count} erreur(s) : corrigez-les avant de générer le courrier.")
{
    public IReadOnlyList<TemplateProblem> Problems { get; } = problems;
}
