using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace AddinHost.Proofs;

/// <summary>
/// Proofs in Azure Blob Storage: one container per tenant, create-only writes (If-None-Match: *), the SHA-256
/// in the blob's metadata as well as in the database, checked on every read.
/// </summary>
public sealed class AzureBlobProofStore(BlobServiceClient service, ILogger<AzureBlobProofStore> log) : IProofStore
{
    private const string HashKey = "sha256";

    public async Task ProbeAsync(CancellationToken ct) => await service.GetPropertiesAsync(ct);

    public async Task<StoredBlob> PutAsync(string tenantId, string path, byte[] content, string contentType,
        CancellationToken ct)
    {
        var blob = await BlobAsync(tenantId, ProofHash.CheckPath(path), ct);
        var hash = ProofHash.Of(content);
        try
        {
            await blob.UploadAsync(new BinaryData(content), new BlobUploadOptions
            {
                Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All },
                Metadata = new Dictionary<string, string> { [HashKey] = hash },
                HttpHeaders = new BlobHttpHeaders { ContentType = contentType },
            }, ct);
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412)
        {
            // Already filed: the same bytes (a retry after a crash) are fine, other bytes never replace them.
            var existing = await blob.GetPropertiesAsync(cancellationToken: ct);
            if (!existing.Value.Metadata.TryGetValue(HashKey, out var stored) || stored != hash)
                throw new ProofConflictException(path);
        }
        return new StoredBlob(path, hash, content.Length);
    }

    public async Task<byte[]> GetAsync(string tenantId, string path, string expectedSha256, CancellationToken ct)
    {
        var blob = await BlobAsync(tenantId, ProofHash.CheckPath(path), ct);
        BlobDownloadResult download;
        try { download = (await blob.DownloadContentAsync(ct)).Value; }
        catch (RequestFailedException e) when (e.Status == 404) { throw new ProofNotFoundException(path); }

        var bytes = download.Content.ToArray();
        var actual = ProofHash.Of(bytes);
        if (actual != expectedSha256 || !download.Details.Metadata.TryGetValue(HashKey, out var stored) || stored
            != expectedSha256)
        {
            log.LogError("Proof integrity alarm on {Path}", path);
            throw new ProofIntegrityException(path);
        }
        return bytes;
    }

    public async Task DeleteAsync(string tenantId, string path, CancellationToken ct)
    {
        var container = service.GetBlobContainerClient(ProofHash.TenantKey(tenantId));
        var blob = container.GetBlobClient(ProofHash.CheckPath(path));
        try
        {
            if (!await container.ExistsAsync(ct))
                return;
            // With versioning on (the WORM set-up), deleting the blob only turns it into a version: erase each one.
            await foreach (var item in container.GetBlobsAsync(BlobTraits.None, BlobStates.Version, path, ct))
                if (item.Name == path && item.VersionId is { } version && item.IsLatestVersion != true)
                    await blob.WithVersion(version).DeleteIfExistsAsync(cancellationToken: ct);
            await blob.DeleteIfExistsAsync(DeleteSnapshotsOption.IncludeSnapshots, cancellationToken: ct);
        }
        catch (RequestFailedException e) when (e.ErrorCode is "BlobImmutableDueToPolicy"
            or "BlobImmutableDueToLegalHold" or "ContainerImmutableDueToPolicy")
        {
            throw new ProofRetainedException(path);
        }
    }

    private async Task<BlobClient> BlobAsync(string tenantId, string path, CancellationToken ct)
    {
        var container = service.GetBlobContainerClient(ProofHash.TenantKey(tenantId));
        await container.CreateIfNotExistsAsync(cancellationToken: ct);
        return container.GetBlobClient(path);
    }
}
