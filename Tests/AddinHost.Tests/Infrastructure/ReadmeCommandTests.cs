using System.Diagnostics;
using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.RegularExpressions;
using AddinHost.Tests.Fixtures;

namespace AddinHost.Tests.Infrastructure;

/// <summary>
/// The README as a newcomer follows it: every command line it shows, run verbatim from the repository root through
/// <c>dotnet run</c>, and the demo on another port than the default carried through the mise en demeure flow.
/// Each command gets its own database and proof folder, so a developer's demo data is never touched.
/// </summary>
[Collection(ReadmeCollection.Name)]
public sealed class ReadmeCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("od-readme-").FullName;

    /// <summary>Every line of the READMEs' bash blocks that runs the host with arguments.</summary>
    public static TheoryData<string, string> CommandLines()
    {
        var lines = new TheoryData<string, string>();
        foreach (var readme in new[] { "README.md", "Templates/README.md" })
        {
            var text = File.ReadAllText(Path.Combine(RepositoryRoot.Path, readme));
            foreach (Match block in Regex.Matches(text, "```bash\\n(.*?)```", RegexOptions.Singleline,
                TimeSpan.FromSeconds(1)))
                foreach (var line in block.Groups[1].Value.Split('\n').Select(l => l.Trim()))
                    if (line.StartsWith("dotnet run --project AddinHost -- ", StringComparison.Ordinal)
                        && !line.Contains("--urls"))
                        lines.Add(readme, line);
        }
        return lines;
    }

    [Fact]
    public void The_readme_shows_the_commands_this_test_runs() =>
        Assert.True(CommandLines().Count >= 7, "the README's command lines were not found");

    [Theory]
    [MemberData(nameof(CommandLines))]
    public async Task Each_command_line_of_the_readme_works_as_written_from_the_repository_root(string readme,
        string line)
    {
        var (code, output, error) = await RunAsync(line, TimeSpan.FromMinutes(5));

        Assert.True(code == 0, $"{readme}: « {line} » exited {code}\n{output}\n{error}");
        Assert.DoesNotContain("introuvable", output + error);
        if (line.Contains(" render ", StringComparison.Ordinal))
        {
            var target = line.Split(' ').Last();
            Assert.True(File.Exists(target), $"{target} was not written");
        }
    }

    [Fact]
    public async Task The_demo_on_another_port_sends_the_mise_en_demeure_through_its_own_simulator()
    {
        var port = FreePort();
        using var demo = Start($"dotnet run --project AddinHost -- --urls http://localhost:{port}",
            new()
            {
                ["Sandbox__RecipientDelay"] = "00:00:03", ["Sandbox__WebhookSeconds"] = "1",
                ["Dispatch__PollSeconds"] = "600"
            });
        var log = new System.Collections.Concurrent.ConcurrentQueue<string>();
        demo.OutputDataReceived += (_, e) => { if (e.Data is not null) log.Enqueue(e.Data); };
        demo.ErrorDataReceived += (_, e) => { if (e.Data is not null) log.Enqueue(e.Data); };
        demo.BeginOutputReadLine();
        demo.BeginErrorReadLine();
        try
        {
            await SendTheNoticeAsync(port, demo);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw new Xunit.Sdk.XunitException(
                $"{e.Message}\n--- the demo said ---\n{string.Join('\n', log.TakeLast(60))}");
        }
        finally
        {
            demo.Kill(entireProcessTree: true);
            await demo.WaitForExitAsync();
        }
    }

    private static async Task SendTheNoticeAsync(int port, Process demo)
    {
        using var http = new HttpClient { BaseAddress = new Uri($"http://localhost:{port}") };
        await WaitUntilReadyAsync(http, demo);

        // The README's flow: a case whose step is the mise en demeure, what would be sent, then send it.
        var due = await http.GetFromJsonAsync<JsonElement>("/api/batches/due");
        var item = due.GetProperty("steps").EnumerateArray().First(i => i.GetProperty("level").GetInt32() == 3);
        var caseId = item.GetProperty("caseId").GetGuid();
        var next = await http.GetFromJsonAsync<JsonElement>($"/api/cases/{caseId}/dispatches/next");
        Assert.Equal(3, next.GetProperty("level").GetInt32());
        var sent = await http.PostAsJsonAsync($"/api/cases/{caseId}/dispatches", new { level = 3 });
        Assert.True(sent.IsSuccessStatusCode, await sent.Content.ReadAsStringAsync());
        var dispatchId = (await sent.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        // Accepted means the simulator of THIS host got the letter and its callback came back to THIS host.
        string state = "";
        for (var i = 0; i < 240 && state != "Accepted"; i++)
        {
            await Task.Delay(500);
            state = (await http.GetFromJsonAsync<JsonElement>($"/api/dispatches/{dispatchId}"))
                .GetProperty("state").GetString()!;
        }
        Assert.Equal("Accepted", state);
        using var bundle = new ZipArchive(await http.GetStreamAsync($"/api/cases/{caseId}/evidence"));
        Assert.Contains(bundle.Entries, e => e.FullName.EndsWith("/reception.pdf", StringComparison.Ordinal));
        Assert.Contains(bundle.Entries, e => e.FullName == "manifest.json");
    }

    private static async Task WaitUntilReadyAsync(HttpClient http, Process demo)
    {
        for (var i = 0; i < 600; i++) // dotnet run may build first
        {
            Assert.False(demo.HasExited, "the demo stopped");
            try
            {
                if ((await http.GetAsync("/health/ready")).StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException) { /* not listening yet */ }
            await Task.Delay(500);
        }
        Assert.Fail("the demo never became ready");
    }

    private Process Start(string line, Dictionary<string, string>? environment = null)
    {
        var psi = new ProcessStartInfo("bash", ["-c", line])
        {
            WorkingDirectory = RepositoryRoot.Path, RedirectStandardOutput = true, RedirectStandardError = true,
            UseShellExecute = false,
        };
        // The newcomer's defaults, in a throw-away place: the README's own data folder is not this test's to fill.
        psi.Environment["ConnectionStrings__Dunning"] =
            $"Data Source={Path.Combine(_folder, Guid.NewGuid().ToString("N") + ".db")}";
        psi.Environment["Proofs__Folder"] = Path.Combine(_folder, "preuves");
        psi.Environment["Logging__LogLevel__Default"] = "Warning";
        // No build server or node may outlive the test.
        psi.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        psi.Environment["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";
        psi.Environment["UseSharedCompilation"] = "false";
        foreach (var (key, value) in environment ?? []) psi.Environment[key] = value;
        return Process.Start(psi)!;
    }

    private async Task<(int Code, string Out, string Err)> RunAsync(string line, TimeSpan timeout)
    {
        using var process = Start(line);
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"« {line} » did not finish");
        }
        return (process.ExitCode, await output, await error);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public void Dispose()
    {
        try { Directory.Delete(_folder, recursive: true); }
        catch (IOException) { /* a file still held a moment by the stopped host */ }
    }
}

/// <summary>The README's commands build the host with <c>dotnet run</c>: one at a time.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ReadmeCollection
{
    public const string Name = "Commandes du README";
}
