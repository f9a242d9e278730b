using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using AddinHost.Letters;

namespace Benchmarks;

/// <summary>
/// The letter engine against docxtemplater (node, same template, same data, same formats), on a one-page
/// letter and on a letter with a 5,000-row invoice table.
/// </summary>
public static class LetterBenchmark
{
    public static async Task RunAsync(Report report, int onePageRenders, int bigRows, int bigRenders, TextWriter log)
    {
        var repository = Repository.Root();
        var template = Path.Combine(repository, "Templates", "relance-2.docx");
        var exampleData = Path.Combine(repository, "Templates", "exemple-donnees.json");
        var bigData = WriteWithInvoices(exampleData, bigRows);
        try
        {
            await CompareAsync(report, "Letter, one page", template, exampleData,
                onePageRenders, TimeSpan.MaxValue, log);
            await CompareAsync(report, $"Letter, {bigRows:N0}-row table", template, bigData,
                bigRenders, TimeSpan.FromSeconds(1), log);
        }
        finally { File.Delete(bigData); }
    }

    private static async Task CompareAsync(Report report, string name, string template, string dataPath,
        int renders, TimeSpan maxPerRender, TextWriter log)
    {
        var docx = await File.ReadAllBytesAsync(template);
        var data = LetterCommands.ToData(JsonDocument.Parse(await File.ReadAllTextAsync(dataPath)).RootElement);
        LetterService.Engine.Render(docx, data); // warm-up
        var sw = Stopwatch.StartNew();
        for (var i = 0; i < renders; i++) LetterService.Engine.Render(docx, data);
        var ours = sw.Elapsed / renders;
        var peer = TimeSpan.FromMilliseconds(await DocxtemplaterAsync(template, dataPath, renders));
        log.WriteLine($"{name}: {1 / ours.TotalSeconds:N1} renders/s here, "
            + $"{1 / peer.TotalSeconds:N1} with docxtemplater");
        var met = peer / ours >= 3 && ours < maxPerRender;
        report.AddPeer("-", name, ours, peer,
            maxPerRender == TimeSpan.MaxValue ? "≥ 3× docxtemplater" : "≥ 3× docxtemplater, < 1 s", met,
            "per render; peer = docxtemplater 3.71 on node");
    }

    private static async Task<double> DocxtemplaterAsync(string template, string data, int renders)
    {
        var folder = Path.Combine(Repository.Root(), "Tests", "Benchmarks", "docxtemplater");
        var psi = new ProcessStartInfo("node",
            [Path.Combine(folder, "render.js"), template, data,
            renders.ToString(CultureInfo.InvariantCulture)])
        { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = folder };
        using var p = Process.Start(psi)!;
        var output = await p.StandardOutput.ReadToEndAsync();
        var error = await p.StandardError.ReadToEndAsync();
        await p.WaitForExitAsync();
        if (p.ExitCode != 0)
            throw new InvalidOperationException($"docxtemplater failed (run npm ci in {folder}): {error}");
        return JsonDocument.Parse(output).RootElement.GetProperty("msPerRender").GetDouble();
    }

    private static string WriteWithInvoices(string exampleData, int rows)
    {
        var json = JsonNode.Parse(File.ReadAllText(exampleData))!.AsObject();
        var first = json["factures"]![0]!;
        var invoices = new JsonArray();
        for (var i = 0; i < rows; i++)
        {
            var invoice = first.DeepClone().AsObject();
            invoice["numero"] = $"F2025-{i:00000}";
            invoice["montant_ttc"] = 100m + i;
            invoices.Add(invoice);
        }
        json["factures"] = invoices;
        var path = Path.Combine(Path.GetTempPath(), $"od-bench-letter-{rows}-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, json.ToJsonString());
        return path;
    }
}

public static class Repository
{
    public static string Root()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "OutlookDunning.sln"))) return dir.FullName;
        throw new InvalidOperationException("Run from inside the repository.");
    }
}
