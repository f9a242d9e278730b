using AddinHost.Proofs;
using AddinHost.Tests.Fixtures;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Logging.Abstractions;

namespace AddinHost.Tests.Proofs;

/// <summary>Both proof stores keep the same promises: write once, never overwrite, detect any alteration on
/// read.</summary>
public abstract class ProofStoreTests : IAsyncLifetime
{
    protected IProofStore Store { get; set; } = null!;
    private readonly string _tenant = "cabinet-" + Guid.NewGuid().ToString("N")[..8];

    public abstract Task InitializeAsync();
    public virtual Task DisposeAsync() => Task.CompletedTask;

    /// <summary>Replaces the stored bytes behind the store's back, as an attacker or a faulty tool would.</summary>
    protected abstract Task TamperAsync(string tenant, string path, byte[] content);

    private static readonly byte[] Proof = "%PDF-1.4 preuve de dépôt"u8.ToArray();

    [Fact]
    public async Task A_proof_is_filed_once_and_read_back_checked()
    {
        var stored = await Store.PutAsync(_tenant, "DR-2025-00001/d1/depot.pdf", Proof, "application/pdf", default);
        Assert.Equal((ProofHash.Of(Proof), Proof.Length), (stored.Sha256, stored.Size));
        Assert.Equal(Proof, await Store.GetAsync(_tenant, stored.Path, stored.Sha256, default));

        // The same bytes again (a retry after a crash) are accepted; other bytes never replace them.
        Assert.Equal(stored.Sha256,
            (await Store.PutAsync(_tenant, stored.Path, Proof, "application/pdf", default)).Sha256);
        await Assert.ThrowsAsync<ProofConflictException>(
            () => Store.PutAsync(_tenant, stored.Path, "autre"u8.ToArray(), "application/pdf", default));
        Assert.Equal(Proof, await Store.GetAsync(_tenant, stored.Path, stored.Sha256, default));
    }

    [Fact]
    public async Task An_altered_proof_raises_an_alarm_instead_of_being_read()
    {
        var stored = await Store.PutAsync(_tenant, "DR-2025-00002/d2/reception.pdf", Proof, "application/pdf", default);
        await TamperAsync(_tenant, stored.Path, "%PDF-1.4 preuve falsifiée"u8.ToArray());
        var alarm = await Assert.ThrowsAsync<ProofIntegrityException>(
            () => Store.GetAsync(_tenant, stored.Path, stored.Sha256, default));
        Assert.Contains("ALERTE", alarm.Message);
    }

    [Fact]
    public async Task An_erased_proof_is_gone_for_good_and_erasing_it_again_is_harmless()
    {
        var stored = await Store.PutAsync(_tenant, "DR-2025-00004/d4/depot.pdf", Proof, "application/pdf", default);
        var kept = await Store.PutAsync(_tenant, "DR-2025-00004/d4/reception.pdf", Proof, "application/pdf", default);

        await Store.DeleteAsync(_tenant, stored.Path, default);
        await Store.DeleteAsync(_tenant, stored.Path, default); // a retry after a crash
        await Store.DeleteAsync("cabinet-jamais-vu", stored.Path, default);

        await Assert.ThrowsAsync<ProofNotFoundException>(
            () => Store.GetAsync(_tenant, stored.Path, stored.Sha256, default));
        Assert.Equal(Proof, await Store.GetAsync(_tenant, kept.Path, kept.Sha256, default));
        // Once erased, the place may be filed again (a new case reusing the reference).
        Assert.Equal(stored.Sha256,
            (await Store.PutAsync(_tenant, stored.Path, Proof, "application/pdf", default)).Sha256);
        await Assert.ThrowsAsync<ArgumentException>(() => Store.DeleteAsync(_tenant, "../evasion.pdf", default));
    }

    [Fact]
    public async Task Another_tenant_cannot_reach_a_proof_and_bad_paths_are_refused()
    {
        var stored = await Store.PutAsync(_tenant, "DR-2025-00003/d3/depot.pdf", Proof, "application/pdf", default);
        await Assert.ThrowsAsync<ProofNotFoundException>(
            () => Store.GetAsync("autre-cabinet", stored.Path, stored.Sha256, default));
        await Assert.ThrowsAsync<ArgumentException>(
            () => Store.PutAsync(_tenant, "../evasion.pdf", Proof, "application/pdf", default));
    }
}

public sealed class AzureBlobProofStoreTests : ProofStoreTests
{
    private BlobServiceClient _service = null!;

    public override async Task InitializeAsync()
    {
        _service = new BlobServiceClient((await AzuriteServer.InstanceAsync()).ConnectionString);
        Store = new AzureBlobProofStore(_service, NullLogger<AzureBlobProofStore>.Instance);
    }

    protected override async Task TamperAsync(string tenant, string path, byte[] content) =>
        await _service.GetBlobContainerClient(ProofHash.TenantKey(tenant)).GetBlobClient(path)
            .UploadAsync(new BinaryData(content), overwrite: true);
}

public sealed class FolderProofStoreTests : ProofStoreTests
{
    private readonly string _root = Directory.CreateTempSubdirectory("od-proofs-").FullName;

    public override Task InitializeAsync()
    {
        Store = new FolderProofStore(_root, NullLogger<FolderProofStore>.Instance);
        return Task.CompletedTask;
    }

    protected override Task TamperAsync(string tenant, string path, byte[] content)
    {
        var file = Path.Combine(_root, ProofHash.TenantKey(tenant), path);
        File.SetAttributes(file, FileAttributes.Normal);
        return File.WriteAllBytesAsync(file, content);
    }

    public override Task DisposeAsync()
    {
        foreach (var f in Directory.GetFiles(_root, "*", SearchOption.AllDirectories))
            File.SetAttributes(f, FileAttributes.Normal);
        Directory.Delete(_root, recursive: true);
        return Task.CompletedTask;
    }
}
