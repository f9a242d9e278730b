using AddinHost.Infrastructure.Data;
using Azure.Storage.Blobs;

namespace AddinHost.Proofs;

public enum ProofStoreKind { Folder, AzureBlob }

public static class ProofsExtensions
{
    /// <summary><c>Proofs:Store</c> = Folder (embedded default, beside the database) or AzureBlob (<c>ConnectionStrings:Proofs</c>).</summary>
    public static IHostApplicationBuilder AddProofs(this IHostApplicationBuilder builder)
    {
        var config = builder.Configuration;
        var kind = config.GetValue("Proofs:Store", ProofStoreKind.Folder);
        var embedded = kind == ProofStoreKind.Folder;
        if (embedded && builder.Environment.IsProduction())
            throw new InvalidOperationException("Le dossier local de preuves est une valeur de démonstration, refusée en Production : utilisez Proofs:Store=AzureBlob (stockage immuable).");
        builder.Services.AddSingleton(new EmbeddedDefault("Dossier local de preuves", embedded));
        builder.Services.AddScoped<ProofFiling>();
        builder.Services.AddScoped<ProofReader>();

        if (embedded)
        {
            var folder = config["Proofs:Folder"] is { Length: > 0 } f ? f : Path.Combine(builder.Environment.ContentRootPath, "App_Data", "proofs");
            builder.Services.AddSingleton<IProofStore>(sp => new FolderProofStore(folder, sp.GetRequiredService<ILogger<FolderProofStore>>()));
            return builder;
        }
        // Managed identity (Proofs:BlobServiceUri) comes with the deployment issue; a connection string works everywhere.
        var connection = config.GetConnectionString("Proofs");
        if (string.IsNullOrEmpty(connection))
            throw new InvalidOperationException("Proofs:Store=AzureBlob exige ConnectionStrings:Proofs.");
        builder.Services.AddSingleton(_ => new BlobServiceClient(connection));
        builder.Services.AddSingleton<IProofStore, AzureBlobProofStore>();
        return builder;
    }
}
