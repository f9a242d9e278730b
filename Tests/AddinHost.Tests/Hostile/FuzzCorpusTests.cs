using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using AddinHost.Tests.Fixtures;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace AddinHost.Tests.Hostile;

/// <summary>
/// The fuzz corpus (FuzzCorpus/, plus a few bodies too large to keep as files) sent to every route of the running host,
/// as JSON, as text and as a file upload: never a 500, and every refusal is a ProblemDetails with a French detail that
/// echoes no exception. The route list is read from the host, so a new route is fuzzed without being named here.
/// </summary>
public sealed class FuzzCorpusTests() : ApiTestBase(DbKind.Sqlite)
{
    private static IEnumerable<(string Name, byte[] Body, string Type)> Corpus()
    {
        foreach (var file in
            Directory.GetFiles(Path.Combine(RepositoryRoot.Path, "Tests", "AddinHost.Tests", "Hostile", "FuzzCorpus"))
            .Order())
            yield return (Path.GetFileName(file),
                File.ReadAllBytes(file),
                file.EndsWith(".json", StringComparison.Ordinal) ? "application/json" : "text/plain");
        yield return ("imbrication-profonde",
            Encoding.ASCII.GetBytes(new string('[', 100_000) + new string(']', 100_000)),
            "application/json");
        yield return ("chaine-de-2-Mo",
            Encoding.ASCII.GetBytes("{\"name\":\"" + new string('A', 2_000_000) + "\",\"reason\":\"x\"}"),
            "application/json");
        yield return ("10000-elements", Encoding.ASCII.GetBytes("{\"items\":["
            + string.Join(',',
                Enumerable.Repeat("{\"caseId\":\"6a7b8c9d-0000-4000-8000-000000000000\",\"level\":3}", 10_000))
            + "]}"), "application/json");
    }

    private static string Fill(string pattern, Guid caseId) => pattern
        .Replace("{id:guid}", caseId.ToString()).Replace("{letterId:guid}", Guid.NewGuid().ToString())
        .Replace("{name}", "relance-1").Replace("{itemId}", "demo-message-1").Replace("{kind}", "depot")
        .Replace("{tenantKey}", "cle-inconnue").Replace("{tenantId}", "cabinet-inconnu")
            .Replace("{documentName}", "v1");

    [Fact]
    public async Task Every_route_answers_every_corpus_body_without_a_500_and_in_french()
    {
        var (_, company, _) = await SeedTypicalAsync();
        var routes = App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e =>
                (e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? [])
                .Select(m => (Method: m, Pattern: e.RoutePattern.RawText!)))
            .Where(r => r.Pattern.StartsWith("/api", StringComparison.Ordinal)
                && r.Method is "POST" or "PUT" or "PATCH" or "DELETE")
            .Distinct().ToList();
        Assert.True(routes.Count >= 25, $"only {routes.Count} routes found");

        var failures = new List<string>();
        var sent = 0;
        foreach (var (method, pattern) in routes)
            foreach (var (name, body, type) in Corpus())
                foreach (var asFile in new[] { false, true })
                {
                    HttpContent content = new ByteArrayContent(body);
                    content.Headers.ContentType = new MediaTypeHeaderValue(type);
                    if (asFile) content = new MultipartFormDataContent { { content, "file", name } };
                    var response = await Client.SendAsync(
                        new HttpRequestMessage(new HttpMethod(method), Fill(pattern, company.Id))
                            { Content = content });
                    sent++;
                    var status = (int)response.StatusCode;
                    var text = await response.Content.ReadAsStringAsync();
                    if (status >= 500 && status != 503)
                        failures.Add($"{method} {pattern} ← {name}{(asFile ? " (fichier)" : "")} : "
                            + $"{status} {text[..Math.Min(200, text.Length)]}");
                    else if (status >= 400 && !IsFrenchProblem(response, text))
                        failures.Add($"{method} {pattern} ← {name} : {status} sans ProblemDetails en français : "
                            + $"{text[..Math.Min(200, text.Length)]}");
                }
        Assert.True(failures.Count == 0, $"{failures.Count} of {sent} requests:\n"
            + string.Join("\n", failures.Take(30)));
    }

    private static bool IsFrenchProblem(HttpResponseMessage response, string text)
    {
        if (response.Content.Headers.ContentType?.MediaType != "application/problem+json") return false;
        var detail = JsonDocument.Parse(text).RootElement.TryGetProperty("detail", out var d)
            ? d.GetString() ?? ""
            : "";
        return detail.Length > 0
            && !detail.Contains("Exception", StringComparison.Ordinal)
            && !detail.Contains(" at ", StringComparison.Ordinal);
    }
}
