using AddinHost.Letters.Engine;

namespace AddinHost.Letters;

/// <summary>Every field a letter template may use, as published by <c>GET /api/templates/fields</c>.</summary>
public static class LetterFields
{
    private static FieldDefinition F(string path, string description, string example, FieldKind kind = FieldKind.Valeur)
        => new(path, description, example, kind);
    private static FieldDefinition C(string path, string description, string example = "oui")
        => new(path, description, example, FieldKind.Condition);

    private static readonly IReadOnlyList<FieldDefinition> Periods =
    [
        F("du", "Premier jour de la période", "04/03/2025"),
        F("au", "Dernier jour de la période", "30/06/2025"),
        F("jours", "Nombre de jours", "119"),
        F("taux", "Taux annuel appliqué (format « pourcentage »)", "13,15 %"),
        F("base", "Principal sur lequel court la période", "1 200,00 €"),
        F("montant", "Pénalités ou intérêts de la période", "51,45 €"),
    ];

    public static readonly IReadOnlyList<FieldDefinition> All =
    [
        F("cabinet.nom", "Nom du cabinet", "Cabinet Delaunay & Associés"),
        F("cabinet.adresse", "Adresse du cabinet", "12 rue de la République"),
        F("cabinet.code_postal", "Code postal du cabinet", "69002"),
        F("cabinet.ville", "Ville du cabinet (lieu du courrier)", "Lyon"),
        F("avocat.nom", "Nom de l'avocat signataire", "Maître Claire Delaunay"),
        F("avocat.email", "Adresse électronique de l'avocat", "c.delaunay@delaunay-avocats.fr"),
        F("avocat.barreau", "Barreau de l'avocat (« Avocat au … », « bâtonnier du … »)", "barreau de Lyon"),

        F("creancier.nom", "Nom du créancier", "Menuiserie Bressan SAS"),
        F("creancier.siren", "SIREN du créancier, vide s'il n'est pas connu", "798456125"),
        F("creancier.adresse", "Adresse du créancier", "4 chemin des Scieries"),
        F("creancier.code_postal", "Code postal du créancier", "01000"),
        F("creancier.ville", "Ville du créancier", "Bourg-en-Bresse"),
        C("creancier.est_cabinet", "Vrai quand le créancier est le cabinet lui-même (honoraires)", "non"),
        C("creancier.professionnel", "Vrai quand le créancier agit pour son activité professionnelle"),

        F("debiteur.nom", "Nom ou raison sociale du débiteur", "Garage Fontaine SARL"),
        F("debiteur.siren", "SIREN du débiteur, vide s'il n'est pas connu", "512789348"),
        F("debiteur.adresse", "Adresse du débiteur", "61 avenue Alsace-Lorraine"),
        F("debiteur.code_postal", "Code postal du débiteur", "38000"),
        F("debiteur.ville", "Ville du débiteur", "Grenoble"),
        F("debiteur.email", "Adresse électronique du débiteur", "compta@garage-fontaine.fr"),
        C("debiteur.professionnel", "Vrai pour un débiteur qui a contracté pour son activité professionnelle"),
        C("debiteur.consommateur", "Vrai pour un débiteur consommateur (personne physique)", "non"),
        C("debiteur.non_professionnel", "Vrai pour une personne morale qui n'agit pas à des fins professionnelles",
            "non"),

        F("destinataire.nom", "À qui le courrier est adressé : le débiteur, ou son avocat s'il est représenté",
            "Garage Fontaine SARL"),
        F("destinataire.adresse", "Adresse du destinataire", "61 avenue Alsace-Lorraine"),
        F("destinataire.code_postal", "Code postal du destinataire", "38000"),
        F("destinataire.ville", "Ville du destinataire", "Grenoble"),
        F("destinataire.email", "Adresse électronique du destinataire", "compta@garage-fontaine.fr"),
        C("destinataire.confrere", "Vrai quand le débiteur est représenté : le courrier va à son avocat (RIN art. 8.2)",
            "non"),

        F("dossier.reference", "Référence du dossier", "DR-2025-00007"),
        F("courrier.date", "Date du courrier", "30/09/2025"),
        F("courrier.lieu", "Lieu du courrier", "Lyon"),
        F("courrier.mode_envoi",
            "Mention du mode d'envoi réel, par exemple « Par lettre recommandée avec demande d'avis de réception »",
            "Par envoi recommandé électronique simple (non qualifié)"),
        C("courrier.recommande_electronique", "Vrai pour un envoi recommandé électronique (ERE ou LRE qualifiée)"),
        C("courrier.postal", "Vrai pour une lettre recommandée postale", "non"),
        C("courrier.courriel", "Vrai pour un courriel", "non"),
        C("courrier.demonstration", "Vrai quand le courrier est produit en mode démonstration", "non"),
        C("courrier.apres_relances",
            "Vrai quand des relances ont déjà été envoyées (hors rappel de courtoisie avant échéance)"),

        new("factures", "Factures dont il reste quelque chose à payer (principal, pénalités ou intérêts, indemnité)",
            "2 factures", FieldKind.Liste,
        [
            F("numero", "Numéro de la facture", "F2025-0042"),
            F("date", "Date de la facture", "01/02/2025"),
            F("echeance", "Date d'échéance", "03/03/2025"),
            F("montant_ttc", "Montant TTC", "1 200,00 €"),
            F("reste_du", "Principal restant dû", "1 200,00 €"),
            F("jours_retard", "Jours de retard", "211"),
            F("penalites", "Pénalités ou intérêts de retard restant dus", "88,20 €"),
            F("indemnite", "Indemnité forfaitaire pour frais de recouvrement", "40,00 €"),
            new("periodes", "Le décompte de la facture : une ligne par période et par taux", "2 périodes",
                FieldKind.Liste, Periods),
        ]),
        new("decompte",
            "Le décompte des pénalités ou intérêts (CPC art. 1407) : une ligne par facture, période et taux",
            "4 lignes",
            FieldKind.Liste, [F("facture", "Numéro de la facture", "F2025-0041"), .. Periods]),

        F("totaux.principal", "Total du principal restant dû", "3 340,10 €"),
        F("totaux.penalites", "Total des pénalités de retard ou intérêts", "88,20 €"),
        F("totaux.indemnites", "Total des indemnités forfaitaires", "80,00 €"),
        F("totaux.credit", "Trop-perçu du débiteur, déduit du total", "0,00 €"),
        F("totaux.total", "Total réclamé", "3 508,30 €"),
        F("totaux.principal_et_interets", "Principal et intérêts (seuil des petites créances)", "3 428,30 €"),
        F("interets.depuis",
            "Date d'effet de la mise en demeure ou de l'interpellation qui fait courir les intérêts légaux ; vide " +
            "sinon", "22/05/2025"),

        F("regime.libelle", "Régime des sommes réclamées", "Pénalités de retard entre professionnels"),
        F("regime.fondement", "Fondement juridique des pénalités ou intérêts, en toutes lettres",
            "Pénalités de retard (art. L. 441-10 II C. com.)…"),
        F("regime.articles", "Fondement juridique en abrégé, les seuls articles",
            "art. L. 441-10 II et D. 441-5 C. com."),
        C("regime.penalites", "Vrai entre professionnels : pénalités de l'art. L. 441-10 et indemnité de 40 €"),
        C("regime.interets_legaux", "Vrai hors relations entre professionnels : intérêts au taux légal", "non"),

        F("delai.jours", "Délai de paiement accordé, en jours", "8"),
        F("delai.point_de_depart", "D'où court le délai, selon le mode d'envoi (réception, première présentation…)",
            "à compter de la première présentation de la présente"),
        F("delai.date",
            "Date limite, pour un courriel seulement ; vide pour un recommandé, dont le délai court de la réception",
            "08/10/2025"),

        F("procedure.juridiction", "Juridiction du référé-provision", "tribunal de commerce de Grenoble"),
        F("procedure.article_refere",
            "Article du référé-provision : 873 (tribunal de commerce) ou 835 (tribunal judiciaire) du CPC", "873"),
        C("procedure.petites_creances", "Vrai quand principal et intérêts n'excèdent pas 5 000 € (CPCE R.125-1)",
            "non"),

        F("paiement.iban", "IBAN où payer", "FR76 3000 4000 0100 0012 3456 789"),
        F("paiement.bic", "BIC", "BNPAFRPPXXX"),
        F("paiement.lien", "Lien de paiement en ligne", "https://paiement.exemple.fr/DR-2025-00007"),
        F("paiement.reference", "Référence à rappeler avec le paiement", "DR-2025-00007"),

        new("relances_precedentes", "Relances déjà faites, hors rappel de courtoisie avant échéance",
            "Relance 1 du 10/03/2025", FieldKind.Liste,
        [
            F("nom", "Nom de l'étape, tel qu'il était lorsqu'elle a été faite", "Relance 1"),
            F("date", "Date d'envoi", "10/03/2025"),
            F("factures", "Factures que visait cette relance", "F2025-0041, F2025-0057"),
        ]),

        F("mentions.conseil_avocat",
            "Rappel de la faculté de consulter un avocat (RIN art. 8.2), pour un courrier au débiteur",
            "Conformément aux règles de notre profession, nous vous rappelons…"),

        C("honoraires.convention", "Vrai quand la convention d'honoraires est enregistrée"),
        F("honoraires.convention_date", "Date de la convention d'honoraires", "12/01/2025"),
        F("honoraires.convention_reference", "Référence de la convention d'honoraires", "CH-2025-014"),
        F("mediateur.nom", "Médiateur de la consommation du cabinet (C. conso. L.612-1)",
            "Médiateur de la consommation de la profession d'avocat"),
        F("mediateur.adresse", "Adresse du médiateur", "180 boulevard Haussmann, 75008 Paris"),
        F("mediateur.email", "Adresse électronique du médiateur", "mediateur@mediateur-consommation-avocat.fr"),
        F("mediateur.site", "Site internet du médiateur", "https://mediateur-consommation-avocat.fr"),

        // The requête en injonction de payer (AddinHost/Judicial; CPC 54, 57, 1405 to 1407).
        F("requete.juridiction", "Juridiction saisie, choisie par l'avocat (CPC 54 1°, 1406)",
            "tribunal de commerce de Grenoble"),
        F("requete.destinataire", "À qui la requête s'adresse",
            "Monsieur le Président du tribunal de commerce de Grenoble"),
        F("requete.creancier_forme",
            "Forme sociale du requérant lue dans sa dénomination, sinon « [forme sociale à compléter] »",
            "société par actions simplifiée"),
        F("requete.fondement", "Fondement de la créance (CPC 1405, 1407)", "Factures émises en exécution du contrat…"),
        // The small-claims proposal (AddinHost/Judicial/SmallClaimsInvitation.cs; CPCE L.125-1, R.125-2 I 1°).
        F("petites_creances.commissaire", "Commissaire de justice mandaté pour la procédure des petites créances",
            "Maître Anne Martin"),
        F("petites_creances.etude", "Son étude et son adresse", "SELARL Martin & Associés, Grenoble"),
        F("petites_creances.email", "Son adresse électronique", "etude@martin-cj.fr"),
        new("bordereau", "Bordereau des pièces produites, dans leur ordre (CPC 1407)", "6 pièces", FieldKind.Liste,
        [
            F("numero", "Numéro de la pièce", "1"),
            F("intitule", "Intitulé de la pièce", "Facture n° F2025-0041 du 01/02/2025"),
        ]),
    ];
}
