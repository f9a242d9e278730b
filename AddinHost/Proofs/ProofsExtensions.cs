using AddinHost.Infrastructure.Configuration;
using AddinHost.Infrastructure.Data;
using AddinHost.Infrastructure.Health;
using AddinHost.Infrastructure.Problems;
using AddinHost.Infrastructure.Telemetry;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace AddinHost.Proofs;

public enum ProofStoreKind { Folder, AzureBlob }

public static class ProofsExtensions
{
    /// <summary><c>Proofs:Store</c> = Folder (embedded default, beside the database) or AzureBlob
    /// (<c>ConnectionStrings:Proofs</c>).</summary>
    public static IHostApplicationBuilder AddProofs(this IHostApplicationBuilder builder)
    {
        var config = builder.Configuration;
        var kind = config.GetValue("Proofs:Store", ProofStoreKind.Folder);
        var embedded = kind == ProofStoreKind.Folder;
        if (embedded && builder.Environment.IsProduction())
            SettingsCheck.Of(builder)
                .Refuse("Proofs:Store=AzureBlob est obligatoire en Production, avec Proofs:BlobServiceUri " +
                "(identité managée) : le dossier local de preuves est une valeur de démonstration.", AdminGuide.Proofs);
        builder.Services.AddSingleton(new EmbeddedDefault("Dossier local de preuves", embedded));
        builder.Services.AddScoped<ProofFiling>();
        builder.AddReadinessCheck<ProofStoreHealthCheck>("stockage-des-preuves", HealthStatus.Unhealthy);
        builder.Services.AddProblemMapping<ProofIntegrityException>(ErrorKind.Conflict,
            alarm: (http, _) => http.RequestServices.GetRequiredService<DunningMetrics>().ProofHashFailed());
        builder.Services.AddProblemMapping<ProofNotFoundException>(ErrorKind.Conflict,
            p => $"{p.Message} Le classement est incomplet : prévenez l'administrateur.");
        builder.Services.AddScoped<ProofReader>();
        builder.Services.AddOptions<ProofRetentionOptions>().Bind(config.GetSection("Proofs")).ValidateFrench("Proofs");

        if (embedded)
        {
            var folder = config["Proofs:Folder"] is { Length: > 0 } f ? f
                : Path.Combine(builder.Environment.ContentRootPath, "App_Data", "proofs");
            builder.Services.AddSingleton<IProofStore>(sp
                => new FolderProofStore(folder, sp.GetRequiredService<ILogger<FolderProofStore>>()));
            return builder;
        }
        if (BlobServiceProblem(config) is { } problem) SettingsCheck.Of(builder).Refuse(problem, AdminGuide.Proofs);
        builder.Services.AddSingleton(_ => BlobService(config));
        builder.Services.AddSingleton<IProofStore, AzureBlobProofStore>();
        return builder;
    }

    /// <summary>
    /// In Azure, the app's managed identity (<c>Proofs:BlobServiceUri</c>, plus <c>Proofs:ManagedIdentityClientId</c>
    /// for a user-assigned one): no key to store or rotate. Elsewhere (Azurite, tests),
    /// <c>ConnectionStrings:Proofs</c>.
    /// </summary>
    public static BlobServiceClient BlobService(IConfiguration config)
    {
        if (BlobServiceProblem(config) is { } problem) throw new InvalidOperationException(problem);
        if (config["Proofs:BlobServiceUri"] is { Length: > 0 } uri)
        {
            var endpoint = new Uri(uri, UriKind.Absolute);
            var credential = new Azure.Identity.DefaultAzureCredential(new Azure.Identity.DefaultAzureCredentialOptions
            {
                ManagedIdentityClientId = config["Proofs:ManagedIdentityClientId"] is { Length: > 0 } id ? id : null,
            });
            return new BlobServiceClient(endpoint, credential);
        }
        return new BlobServiceClient(config.GetConnectionString("Proofs"));
    }

    /// <summary>What is wrong with the blob store's address, in French, or null.</summary>
    private static string? BlobServiceProblem(IConfiguration config) => config["Proofs:BlobServiceUri"] switch
    {
        { Length: > 0 } uri when !Uri.TryCreate(uri, UriKind.Absolute, out var endpoint)
            || endpoint.Scheme != Uri.UriSchemeHttps =>
            "Proofs:BlobServiceUri doit être l'adresse https du service blob, par exemple " +
            "https://moncabinet.blob.core.windows.net.",
        { Length: > 0 } => null,
        _ when string.IsNullOrEmpty(config.GetConnectionString("Proofs")) =>
            "Proofs:Store=AzureBlob exige Proofs:BlobServiceUri (identité managée, en Azure) ou " +
                "ConnectionStrings:Proofs.",
        _ => null,
    };
}
