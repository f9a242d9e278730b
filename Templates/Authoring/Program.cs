using TemplateAuthoring;
using static TemplateAuthoring.Letter;

// Writes the default templates. Firms then edit them in Word; these are only the shipped defaults.
var output = args.Length > 0 ? args[0] : Path.Combine(FindRepositoryRoot(), "Templates");

Write("relance-1", "Relance amiable", Letters.Relance1());
Write("relance-2", "Seconde relance", Letters.Relance2());
Write("mise-en-demeure-professionnel", "Mise en demeure — professionnel", Letters.MiseEnDemeureProfessionnel());
Write("mise-en-demeure-consommateur", "Mise en demeure — consommateur", Letters.MiseEnDemeureConsommateur());
Write("mise-en-demeure-honoraires", "Mise en demeure — honoraires d'avocat", Letters.MiseEnDemeureHonoraires());
Write("courriel-courtoisie", "Courriel de courtoisie avant échéance", Letters.CourrielCourtoisie());
Write("courriel-relance-1", "Courriel de première relance", Letters.CourrielRelance1());
Write("mise-en-demeure-confrere", "Mise en demeure — au conseil du débiteur (officielle)",
    Letters.MiseEnDemeureConfrere());
Write("relance-confrere", "Relance — au conseil du débiteur", Letters.RelanceConfrere());
Write("courriel-confrere", "Courriel de relance — au conseil du débiteur", Letters.CourrielConfrere());
Write("requete-injonction-de-payer", "Requête en injonction de payer", Letters.RequeteInjonctionDePayer());
Write("invitation-petites-creances", "Proposition de procédure simplifiée de recouvrement des petites créances",
    Letters.InvitationPetitesCreances());

void Write(string name, string title, Letter letter)
{
    File.WriteAllBytes(Path.Combine(output, name + ".docx"), letter.Save(title));
    Console.WriteLine($"{name}.docx");
}

static string FindRepositoryRoot()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        if (File.Exists(Path.Combine(dir.FullName, "OutlookDunning.sln"))) return dir.FullName;
    throw new InvalidOperationException("Run from inside the repository.");
}
