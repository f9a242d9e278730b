using System.Text.Json;
using AddinHost.Tests.Fixtures;

namespace AddinHost.Tests.Infrastructure;

/// <summary>The API description the host serves names, for each route, the refusals a client must handle.</summary>
public sealed class OpenApiErrorsTests() : ApiTestBase(DbKind.Sqlite)
{
    private async Task<JsonElement> PathsAsync()
    {
        var response = await Client.GetAsync("/openapi/v1.json");
        response.EnsureSuccessStatusCode();
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.GetProperty("paths").Clone();
    }

    private static JsonElement Responses(JsonElement paths, string path, string method) =>
        paths.GetProperty(path).GetProperty(method).GetProperty("responses");

    [Theory]
    [InlineData("/api/cases/{id}", "get", "404")]
    [InlineData("/api/cases/{id}/pauses/{pauseId}", "delete", "404")]
    [InlineData("/api/cases/{id}/pauses/{pauseId}", "delete", "409")]
    [InlineData("/api/cases/{id}/dispatches", "post", "409")]
    [InlineData("/api/dispatches/{id}", "get", "404")]
    [InlineData("/api/debtors/{id}/erasure", "post", "409")]
    [InlineData("/api/creditors", "post", "409")]
    [InlineData("/api/mailbox/links", "post", "409")]
    [InlineData("/api/cases/{id}/judiciaire/route", "post", "409")]
    [InlineData("/api/cases/{id}/judiciaire/petites-creances/invitation", "post", "422")]
    [InlineData("/api/cases/{id}/evidence", "get", "404")]
    [InlineData("/api/templates/{name}", "put", "422")]
    [InlineData("/api/batches/{id}/events", "get", "429")]
    public async Task A_route_that_refuses_lists_that_refusal_as_a_problem(string path, string method, string status)
    {
        var responses = Responses(await PathsAsync(), path, method);
        Assert.True(responses.TryGetProperty(status, out var refusal),
            $"{method.ToUpperInvariant()} {path} does not list {status}; it lists: "
            + string.Join(", ", responses.EnumerateObject().Select(p => p.Name)));
        Assert.True(refusal.GetProperty("content").TryGetProperty("application/problem+json", out _),
            $"{method.ToUpperInvariant()} {path}'s {status} is not described as ProblemDetails");
    }

    [Fact]
    public async Task A_read_only_route_does_not_claim_refusals_it_never_gives()
    {
        var responses = Responses(await PathsAsync(), "/api/cases/{id}", "get");
        Assert.True(responses.TryGetProperty("200", out _));
        Assert.False(responses.TryGetProperty("409", out _), "GET /api/cases/{id} never answers 409");
    }
}
