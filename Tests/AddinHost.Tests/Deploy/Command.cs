using System.Diagnostics;
using System.Text;

namespace AddinHost.Tests.Deploy;

/// <summary>Runs a program to its end within a time limit; a failure carries the end of its output.</summary>
internal static class Command
{
    public static async Task<string> RunAsync(string file, IEnumerable<string> args, TimeSpan timeout,
        IReadOnlyDictionary<string, string?>? environment = null, string? workingDirectory = null)
    {
        var start = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
            if (value is null) start.Environment.Remove(name);
            else start.Environment[name] = value;

        var output = new StringBuilder();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var line = $"{file} {string.Join(' ', start.ArgumentList)}";
        using var limit = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            throw new TimeoutException($"{line}: still running after {timeout}.\n{Tail(output)}");
        }
        process.WaitForExit(); // the last lines of output
        lock (output)
            return process.ExitCode == 0
                ? output.ToString()
                : throw new InvalidOperationException($"{line}: exit code {process.ExitCode}.\n{Tail(output)}");
    }

    public static string Tail(StringBuilder output, int lines = 60)
    {
        lock (output) return string.Join('\n', output.ToString().Split('\n').TakeLast(lines));
    }
}
