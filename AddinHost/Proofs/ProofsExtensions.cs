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
        builder.Services.AddOptions<ProofRetentionOptions>().Bind(config.GetSection("Proofs")).ValidateDataAnnotations().ValidateOnStart();

        if (embedded)
        {
            var folder = config["Proofs:Folder"] is { Length: > 0 } f ? f : Path.Combine(builder.Environment.ContentRootPath, "App_Data", "proofs");
            builder.Services.AddSingleton<IProofStore>(sp => new FolderProofStore(folder, sp.GetRequiredService<ILogger<FolderProofStore>>()));
            return builder;
        }
        builder.Services.AddSingleton(BlobService(config));
        builder.Services.AddSingleton<IProofStore, AzureBlobProofStore>();
        return builder;
    }

    /// <summary>
    /// In Azure, the app's managed identity (<c>Proofs:BlobServiceUri</c>, plus <c>Proofs:ManagedIdentityClientId</c> for a
    /// user-assigned one): no key to store or rotate. Elsewhere (Azurite, tests), <c>ConnectionStrings:Proofs</c>.
    /// </summary>
    public static BlobServiceClient BlobService(IConfiguration config)
    {
        if (config["Proofs:BlobServiceUri"] is { Length: > 0 } uri)
        {
            if (!Uri.TryCreate(uri, UriKind.Absolute, out var endpoint) || endpoint.Scheme != Uri.UriSchemeHttps)
                throw new InvalidOperationException("Proofs:BlobServiceUri doit être l'adresse https du service blob, par exemple https://moncabinet.blob.core.windows.net.");
            var credential = new Azure.Identity.DefaultAzureCredential(new Azure.Identity.DefaultAzureCredentialOptions
            {
                ManagedIdentityClientId = config["Proofs:ManagedIdentityClientId"] is { Length: > 0 } id ? id : null,
            });
            return new BlobServiceClient(endpoint, credential);
        }
        var connection = config.GetConnectionString("Proofs");
        if (string.IsNullOrEmpty(connection))
            throw new InvalidOperationException("Proofs:Store=AzureBlob exige Proofs:BlobServiceUri (identité managée, en Azure) ou ConnectionStrings:Proofs.");
        return new BlobServiceClient(connection);
    }
}
