using System.Globalization;
using System.Text.Json;
using AddinHost.Infrastructure.Cli;
using AddinHost.Letters.Engine;

namespace AddinHost.Letters;

/// <summary><c>lint &lt;template.docx&gt;</c> and <c>render &lt;template.docx&gt; &lt;data.json&gt;
/// &lt;out.docx&gt;</c> for template authors.</summary>
public static class LetterCommands
{
    public static int Lint(string[] args, TextWriter output)
    {
        if (args.Length != 1) throw new CliUsageException("Usage : lint <modèle.docx>");
        var problems = LetterService.Lint(Path.GetFileNameWithoutExtension(args[0]), ReadTemplate(args[0]));
        if (problems.Count == 0)
        {
            output.WriteLine($"{Path.GetFileName(args[0])} : aucun problème.");
            return ExitCodes.Ok;
        }
        Print(problems, output);
        return ExitCodes.Failed;
    }

    public static async Task<int> RenderAsync(string[] args, TextWriter output, Func<byte[],
        Task<byte[]>>? toPdf = null)
    {
        if (args.Length != 3) throw new CliUsageException(
            "Usage : render <modèle.docx> <données.json> <sortie.docx|sortie.pdf>");
        var (template, dataPath, target) = (ReadTemplate(args[0]), args[1], args[2]);
        if (!File.Exists(dataPath)) throw new CliUsageException($"Fichier de données introuvable : {dataPath}.");
        var pdf = target.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase);
        if (!pdf && !target.EndsWith(".docx", StringComparison.OrdinalIgnoreCase)) throw new CliUsageException(
            "La sortie doit finir par .docx ou .pdf.");
        if (pdf && toPdf is null) throw new CliUsageException(
            "La conversion en PDF n'est pas disponible ici : produisez un .docx.");

        Dictionary<string, object?> data;
        try { data = ToData(JsonDocument.Parse(await File.ReadAllTextAsync(dataPath)).RootElement); }
        catch (JsonException e) { throw new CliUsageException(
            $"{dataPath} n'est pas un JSON valide (ligne {e.LineNumber + 1}) : il doit avoir la forme de la liste " +
            $"des champs."); }
        try
        {
            var docx = LetterService.Engine.Render(template, data);
            await File.WriteAllBytesAsync(target, pdf ? await toPdf!(docx) : docx);
            output.WriteLine($"Courrier écrit : {target}");
            return ExitCodes.Ok;
        }
        catch (TemplateProblemsException e)
        {
            Print(e.Problems, output);
            return ExitCodes.Failed;
        }
    }

    private static byte[] ReadTemplate(string path) =>
        File.Exists(path) ? File.ReadAllBytes(path) : throw new CliUsageException($"Modèle introuvable : {path}.");

    private static void Print(IReadOnlyList<TemplateProblem> problems, TextWriter output)
    {
        output.WriteLine($"{problems.Count} problème(s) :");
        foreach (var p in problems)
            output.WriteLine($"  {p.Part}, paragraphe {p.Paragraph} : {p.Message}\n      « {p.Context} »");
    }

    /// <summary>JSON as the engine reads it: objects, lists, numbers as decimals, "AAAA-MM-JJ" strings as
    /// dates.</summary>
    public static Dictionary<string, object?> ToData(JsonElement json) =>
        json.ValueKind == JsonValueKind.Object
            ? json.EnumerateObject().ToDictionary(p => p.Name, p => Value(p.Value))
            : throw new CliUsageException(
                "Les données doivent être un objet JSON, de la forme de la liste des champs.");

    private static object? Value(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Object => ToData(e),
        JsonValueKind.Array => e.EnumerateArray().Select(Value).ToList(),
        JsonValueKind.Number => e.GetDecimal(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.String when DateOnly.TryParseExact(e.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture,
            DateTimeStyles.None, out var d) => d,
        JsonValueKind.String => e.GetString(),
        _ => null,
    };
}
