using System.Security.Cryptography;

namespace AddinHost.Proofs;

/// <summary>Where proofs and letters as sent are filed: write once, never overwritten, checked on every read.</summary>
public interface IProofStore
{
    /// <summary>Files the bytes at <paramref name="path"/>. Filing the same bytes again is a no-op; different bytes are
    /// refused.</summary>
    Task<StoredBlob> PutAsync(string tenantId, string path, byte[] content, string contentType, CancellationToken ct);

    /// <summary>Reads the bytes back and checks them against the hash kept when they were filed.</summary>
    Task<byte[]> GetAsync(string tenantId, string path, string expectedSha256, CancellationToken ct);

    /// <summary>
    /// Erases a proof whose retention has ended (an erasure request), every version of it. Erasing what is already gone
    /// is a no-op; a store that still protects it (WORM policy, legal hold) refuses with <see
    /// cref="ProofRetainedException"/>.
    /// </summary>
    Task DeleteAsync(string tenantId, string path, CancellationToken ct);

    /// <summary>For the readiness check: throws when the store cannot be reached.</summary>
    Task ProbeAsync(CancellationToken ct);
}

public sealed record StoredBlob(string Path, string Sha256, long Size);

/// <summary>A proof whose bytes no longer match their hash: evidence may have been altered. An alarm, never a silent
/// read.</summary>
public sealed class ProofIntegrityException(string path) : Exception(
    $"ALERTE : la pièce « {path} » ne correspond plus à son empreinte SHA-256 enregistrée. Elle a pu être altérée : " +
        $"ne la produisez pas en justice et prévenez l'administrateur.");

/// <summary>Different bytes already filed at that place: a proof is never replaced.</summary>
public sealed class ProofConflictException(string path) : Exception(
    $"Une pièce différente est déjà classée à l'emplacement « {path} » : une preuve n'est jamais remplacée.");

/// <summary>The storage itself still protects a proof (time-based immutability or legal hold): it cannot be erased
/// yet.</summary>
public sealed class ProofRetainedException(string path) : Exception(
    $"La pièce « {path} » est encore protégée en écriture par le stockage (immutabilité WORM ou conservation légale) " +
        $": elle ne peut pas être effacée avant la fin de cette protection.");

public sealed class ProofNotFoundException(string path) : Exception($"Pièce introuvable : « {path} ».");

public static class ProofHash
{
    public static string Of(byte[] content) => Convert.ToHexStringLower(SHA256.HashData(content));

    /// <summary>A storage-safe name for a tenant: its id is not shown in container or folder names.</summary>
    public static string TenantKey(string tenantId) => "proofs-"
        + Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(tenantId)))[..24];

    public static string CheckPath(string path)
    {
        if (string.IsNullOrWhiteSpace(path) || path.Contains("..", StringComparison.Ordinal) || path.StartsWith('/')
            || path.Contains('\\'))
            throw new ArgumentException($"Chemin de pièce invalide : {path}");
        return path;
    }
}
