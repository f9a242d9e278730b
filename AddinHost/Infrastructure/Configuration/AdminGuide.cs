namespace AddinHost.Infrastructure.Configuration;

/// <summary>The admin guide's sections a refused setting points to (AddinHost/Docs/guide-administrateur.md).</summary>
public static class AdminGuide
{
    public const string Secrets = "guide de l'administrateur, partie 1 « Les secrets ne vont jamais dans le dépôt »";
    public const string Ar24 =
        "guide de l'administrateur, partie 2 « AR24 : le prestataire d'envoi recommandé électronique »";
    public const string Proofs = "guide de l'administrateur, partie 3 « Les preuves : Azure Blob Storage »";
    public const string Demo = "guide de l'administrateur, partie 5 « Le mode démonstration »";
    public const string Azure = "guide de l'administrateur, partie 6 « Déployer sur Azure »";
    public const string AppRegistration = "manifest/README.md « Inscription de l'application »";
    public const string Configuration = "README.md « Configuration »";
}
