using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AddinHost.Tests.Deploy;

/// <summary>
/// A read-only container registry (the pull half of the Distribution API v2) over one OCI image layout, for the .NET
/// SDK to take its base image from: no public registry is reachable here. The SDK talks plain HTTP to <c>localhost</c>.
/// </summary>
internal sealed partial class OciRegistry : IAsyncDisposable
{
    private const string OciIndex = "application/vnd.oci.image.index.v1+json";
    private readonly WebApplication _app;

    /// <summary>What the SDK asked for, to say so when it fails.</summary>
    public ConcurrentQueue<string> Requests { get; } = new();

    /// <summary>The image's name as the SDK takes it: <c>localhost:port/repository:tag</c>.</summary>
    public string Reference { get; private set; } = "";

    private OciRegistry(WebApplication app) => _app = app;

    public static async Task<OciRegistry> StartAsync(string layout, string repository, string tag)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var registry = new OciRegistry(app);
        var index = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(layout, "index.json"))).RootElement;
        app.Run(http => registry.AnswerAsync(http, layout, repository, index));
        await app.StartAsync();
        var address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!
            .Addresses.First());
        registry.Reference = $"localhost:{address.Port}/{repository}:{tag}";
        return registry;
    }

    private async Task AnswerAsync(HttpContext http, string layout, string repository, JsonElement index)
    {
        Requests.Enqueue($"{http.Request.Method} {http.Request.Path}");
        var response = http.Response;
        response.Headers["Docker-Distribution-API-Version"] = "registry/2.0";
        if (!HttpMethods.IsGet(http.Request.Method) && !HttpMethods.IsHead(http.Request.Method))
        {
            response.StatusCode = StatusCodes.Status405MethodNotAllowed; // read-only: nothing is ever pushed here
            return;
        }
        if (http.Request.Path.Value is "/v2" or "/v2/")
        {
            await WriteAsync(http, "application/json", "{}"u8.ToArray());
            return;
        }
        var route = Route().Match(http.Request.Path.Value ?? "");
        if (!route.Success || route.Groups["name"].Value != repository)
        {
            await NotFoundAsync(http, "NAME_UNKNOWN");
            return;
        }
        var reference = route.Groups["reference"].Value;
        string? digest = reference, mediaType = "application/octet-stream";
        if (route.Groups["kind"].Value == "manifests")
        {
            // A tag is looked up in the layout's index; a digest names a manifest (or the index) directly.
            var entry = index.GetProperty("manifests").EnumerateArray().Cast<JsonElement?>().FirstOrDefault(m =>
                m!.Value.GetProperty("digest").GetString() == reference
                || (m.Value.TryGetProperty("annotations", out var a)
                    && a.TryGetProperty("org.opencontainers.image.ref.name", out var name)
                    && name.GetString() == reference));
            digest = entry?.GetProperty("digest").GetString();
            mediaType = entry?.GetProperty("mediaType").GetString() ?? OciIndex;
        }
        var file = digest is not null && Digest().IsMatch(digest)
            ? Path.Combine(layout, "blobs", "sha256", digest["sha256:".Length..])
            : null;
        if (file is null || !File.Exists(file))
        {
            await NotFoundAsync(http, route.Groups["kind"].Value == "manifests" ? "MANIFEST_UNKNOWN" : "BLOB_UNKNOWN");
            return;
        }
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = mediaType;
        response.ContentLength = new FileInfo(file).Length;
        response.Headers["Docker-Content-Digest"] = digest;
        if (HttpMethods.IsGet(http.Request.Method)) await response.SendFileAsync(file, http.RequestAborted);
    }

    private static async Task WriteAsync(HttpContext http, string contentType, byte[] body)
    {
        http.Response.ContentType = contentType;
        http.Response.ContentLength = body.Length;
        if (HttpMethods.IsGet(http.Request.Method)) await http.Response.Body.WriteAsync(body, http.RequestAborted);
    }

    private static Task NotFoundAsync(HttpContext http, string code)
    {
        http.Response.StatusCode = StatusCodes.Status404NotFound;
        return WriteAsync(http, "application/json", JsonSerializer.SerializeToUtf8Bytes(
            new { errors = new[] { new { code, message = http.Request.Path.Value } } }));
    }

    [GeneratedRegex("^/v2/(?<name>.+)/(?<kind>manifests|blobs)/(?<reference>[^/]+)$")]
    private static partial Regex Route();

    [GeneratedRegex("^sha256:[0-9a-f]{64}$")]
    private static partial Regex Digest();

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
