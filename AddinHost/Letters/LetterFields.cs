using AddinHost.Letters.Engine;

namespace AddinHost.Letters;

/// <summary>Every field a letter template may use, as published by <c>GET /api/templates/fields</c>.</summary>
public static class LetterFields
{
    private static FieldDefinition F(string path, string description, string example, FieldKind kind = FieldKind.Valeur) => new(path, description, example, kind);

    public static readonly IReadOnlyList<FieldDefinition> All =
    [
        F("cabinet.nom", "Nom du cabinet", "Cabinet Delaunay & Associés"),
        F("cabinet.adresse", "Adresse du cabinet", "12 rue de la République"),
        F("cabinet.code_postal", "Code postal du cabinet", "69002"),
        F("cabinet.ville", "Ville du cabinet (lieu du courrier)", "Lyon"),
        F("avocat.nom", "Nom de l'avocat signataire", "Maître Claire Delaunay"),
        F("avocat.email", "Adresse électronique de l'avocat", "c.delaunay@delaunay-avocats.fr"),
        F("avocat.barreau", "Barreau de l'avocat (« Avocat au … »)", "barreau de Lyon"),

        F("creancier.nom", "Nom du créancier", "Menuiserie Bressan SAS"),
        F("creancier.siren", "SIREN du créancier", "798456125"),
        F("creancier.adresse", "Adresse du créancier", "4 chemin des Scieries"),
        F("creancier.code_postal", "Code postal du créancier", "01000"),
        F("creancier.ville", "Ville du créancier", "Bourg-en-Bresse"),
        F("creancier.est_cabinet", "Vrai quand le créancier est le cabinet lui-même (honoraires)", "non", FieldKind.Condition),

        F("debiteur.nom", "Nom ou raison sociale du débiteur", "Garage Fontaine SARL"),
        F("debiteur.siren", "SIREN du débiteur (professionnel)", "512789348"),
        F("debiteur.adresse", "Adresse du débiteur", "61 avenue Alsace-Lorraine"),
        F("debiteur.code_postal", "Code postal du débiteur", "38000"),
        F("debiteur.ville", "Ville du débiteur", "Grenoble"),
        F("debiteur.email", "Adresse électronique du débiteur", "compta@garage-fontaine.fr"),
        F("debiteur.professionnel", "Vrai pour un débiteur professionnel", "oui", FieldKind.Condition),
        F("debiteur.consommateur", "Vrai pour un débiteur consommateur", "non", FieldKind.Condition),

        F("dossier.reference", "Référence du dossier", "DR-2025-00007"),
        F("courrier.date", "Date du courrier", "30/09/2025"),
        F("courrier.lieu", "Lieu du courrier", "Lyon"),
        F("courrier.demonstration", "Vrai quand le courrier est produit en mode démonstration", "non", FieldKind.Condition),
        F("courrier.apres_relances", "Vrai quand des relances ont déjà été envoyées", "oui", FieldKind.Condition),

        new("factures", "Factures impayées du dossier", "2 factures", FieldKind.Liste,
        [
            F("numero", "Numéro de la facture", "F2025-0042"),
            F("date", "Date de la facture", "01/02/2025"),
            F("echeance", "Date d'échéance", "03/03/2025"),
            F("montant_ttc", "Montant TTC", "1 200,00 €"),
            F("reste_du", "Principal restant dû", "1 200,00 €"),
            F("jours_retard", "Jours de retard", "211"),
            F("penalites", "Pénalités ou intérêts de retard", "88,20 €"),
            F("indemnite", "Indemnité forfaitaire pour frais de recouvrement", "40,00 €"),
        ]),

        F("totaux.principal", "Total du principal restant dû", "3 340,10 €"),
        F("totaux.penalites", "Total des pénalités de retard ou intérêts", "88,20 €"),
        F("totaux.indemnites", "Total des indemnités forfaitaires", "80,00 €"),
        F("totaux.total", "Total réclamé", "3 508,30 €"),
        F("regime.libelle", "Régime des sommes réclamées", "Pénalités de retard entre professionnels"),
        F("regime.fondement", "Fondement juridique des pénalités ou intérêts", "art. L.441-10 II et D.441-5 C. com."),

        F("delai.jours", "Délai de paiement accordé, en jours", "8"),
        F("delai.date", "Date limite de paiement", "08/10/2025"),

        F("paiement.iban", "IBAN où payer", "FR76 3000 4000 0100 0012 3456 789"),
        F("paiement.bic", "BIC", "BNPAFRPPXXX"),
        F("paiement.lien", "Lien de paiement en ligne", "https://paiement.exemple.fr/DR-2025-00007"),
        F("paiement.reference", "Référence à rappeler avec le paiement", "DR-2025-00007"),

        new("relances_precedentes", "Relances déjà envoyées", "Relance 1 du 10/03/2025", FieldKind.Liste,
        [
            F("nom", "Nom de l'étape", "Relance 1"),
            F("date", "Date d'envoi", "10/03/2025"),
        ]),
    ];
}
