namespace AddinHost.Proofs;

/// <summary>
/// The embedded default: the same rules on a local folder (one sub-folder per tenant, create-only files, the
/// SHA-256 beside each file and in the database). For the demo; Azure Blob Storage in production.
/// </summary>
public sealed class FolderProofStore(string root, ILogger<FolderProofStore> log) : IProofStore
{
    public Task ProbeAsync(CancellationToken ct) =>
        Directory.Exists(root) || Directory.CreateDirectory(root).Exists ? Task.CompletedTask
            : throw new DirectoryNotFoundException(root);

    public async Task<StoredBlob> PutAsync(string tenantId, string path, byte[] content, string contentType,
        CancellationToken ct)
    {
        var file = FileOf(tenantId, ProofHash.CheckPath(path));
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        var hash = ProofHash.Of(content);
        try
        {
            await using (var stream = new FileStream(file, FileMode.CreateNew, FileAccess.Write, FileShare.None))
                await stream.WriteAsync(content, ct);
            await File.WriteAllTextAsync(file + ".sha256", hash, ct);
            File.SetAttributes(file, FileAttributes.ReadOnly);
        }
        catch (IOException) when (File.Exists(file))
        {
            if (ProofHash.Of(await File.ReadAllBytesAsync(file, ct)) != hash)
                throw new ProofConflictException(path);
            // a crash between the two writes
            if (!File.Exists(file + ".sha256")) await File.WriteAllTextAsync(file + ".sha256", hash, ct);
        }
        return new StoredBlob(path, hash, content.Length);
    }

    public async Task<byte[]> GetAsync(string tenantId, string path, string expectedSha256, CancellationToken ct)
    {
        var file = FileOf(tenantId, ProofHash.CheckPath(path));
        if (!File.Exists(file)) throw new ProofNotFoundException(path);
        var bytes = await File.ReadAllBytesAsync(file, ct);
        var stored = File.Exists(file + ".sha256") ? (await File.ReadAllTextAsync(file + ".sha256", ct)).Trim() : null;
        if (ProofHash.Of(bytes) != expectedSha256 || stored != expectedSha256)
        {
            log.LogError("Proof integrity alarm on {Path}", path);
            throw new ProofIntegrityException(path);
        }
        return bytes;
    }

    public Task DeleteAsync(string tenantId, string path, CancellationToken ct)
    {
        var file = FileOf(tenantId, ProofHash.CheckPath(path));
        foreach (var f in new[] { file, file + ".sha256" }.Where(File.Exists))
        {
            // filed read-only to guard against mistakes, not against erasure
            File.SetAttributes(f, FileAttributes.Normal);
            File.Delete(f);
        }
        return Task.CompletedTask;
    }

    private string FileOf(string tenantId, string path) => Path.Combine(root, ProofHash.TenantKey(tenantId), path);
}
