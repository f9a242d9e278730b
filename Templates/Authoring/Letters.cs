using static TemplateAuthoring.Letter;

namespace TemplateAuthoring;

/// <summary>The text of each shipped template, in the firm's voice: courteous first, then firm and factual.</summary>
public static class Letters
{
    private static Letter Heading(string subject) => new Letter()
        .Indent(B("{{debiteur.nom}}"))
        .Indent("{{debiteur.adresse}}")
        .Indent("{{debiteur.code_postal}} {{debiteur.ville}}")
        .Blank()
        .Right("{{courrier.lieu}}, le {{courrier.date | date_longue}}")
        .Para(B("Réf. : "), "{{dossier.reference}}")
        .Para(B("Objet : "), subject);

    private static Letter InvoiceTable(this Letter l, bool penalties) => penalties
        ? l.Table("factures", ("Facture", "{{numero}}", false), ("Date", "{{date | date}}", false), ("Échéance", "{{echeance | date}}", false),
            ("Montant TTC", "{{montant_ttc | montant}}", true), ("Reste dû", "{{reste_du | montant}}", true), ("Pénalités", "{{penalites | montant}}", true))
        : l.Table("factures", ("Facture", "{{numero}}", false), ("Date", "{{date | date}}", false), ("Échéance", "{{echeance | date}}", false),
            ("Montant TTC", "{{montant_ttc | montant}}", true), ("Reste dû", "{{reste_du | montant}}", true));

    private static Letter HowToPay(this Letter l) => l
        .Para("Le règlement peut être effectué par virement sur le compte ", B("IBAN {{paiement.iban}}"), " (BIC {{paiement.bic}}), en rappelant la référence ", B("{{paiement.reference}}"), ".")
        .Para("{{#paiement.lien}}")
        .Para("Vous pouvez également régler en ligne à l'adresse suivante : {{paiement.lien}}")
        .Para("{{/paiement.lien}}");

    private static Letter Signature(this Letter l, string closing) => l
        .Para(closing)
        .Blank()
        .Indent(B("{{avocat.nom}}"))
        .Indent("Avocat au {{avocat.barreau}}")
        .Indent(I("{{^creancier.est_cabinet}}Conseil de {{creancier.nom}}{{/creancier.est_cabinet}}"));

    private static Letter Amounts(this Letter l) => l
        .Para("Principal restant dû : ", B("{{totaux.principal | montant}}"))
        .Para("{{regime.libelle}} au {{courrier.date | date}} : ", B("{{totaux.penalites | montant}}"))
        .Para("{{#debiteur.professionnel}}Indemnités forfaitaires pour frais de recouvrement : {{totaux.indemnites | montant}}{{/debiteur.professionnel}}")
        .Para(B("Total réclamé : {{totaux.total | montant}}"));

    private static Letter EarlierReminders(this Letter l) => l
        .Para("{{#courrier.apres_relances}}Nous vous avons déjà relancé sans succès : {{#relances_precedentes}}{{nom}} du {{date | date}} ; {{/relances_precedentes}}{{/courrier.apres_relances}}");

    public static Letter Relance1() => Heading("relance pour facture(s) impayée(s)")
        .Para("Madame, Monsieur,")
        .Para("Sauf erreur ou omission de notre part, nous n'avons pas reçu à ce jour le règlement des factures suivantes, émises par {{creancier.nom}} et arrivées à échéance :")
        .InvoiceTable(penalties: false)
        .Para("Le montant restant dû s'élève à ", B("{{totaux.principal | montant}}"), ".")
        .Para("Il s'agit sans doute d'un simple oubli. Nous vous remercions de bien vouloir procéder au règlement sous {{delai.jours}} jours, soit au plus tard le {{delai.date | date_longue}}.")
        .HowToPay()
        .Para("Si votre règlement a été effectué entre-temps, nous vous prions de ne pas tenir compte de la présente.")
        .Signature("Nous vous prions d'agréer, Madame, Monsieur, l'expression de nos salutations distinguées.");

    public static Letter Relance2() => Heading("seconde relance — factures impayées")
        .Para("Madame, Monsieur,")
        .EarlierReminders()
        .Para("Malgré ces démarches, les factures ci-dessous, émises par {{creancier.nom}}, demeurent impayées :")
        .InvoiceTable(penalties: true)
        .Amounts()
        .Para("{{#debiteur.professionnel}}Nous vous rappelons que tout retard de paiement entraîne de plein droit des pénalités de retard et une indemnité forfaitaire de 40 € par facture pour frais de recouvrement ({{regime.fondement}}).{{/debiteur.professionnel}}")
        .Para("Nous vous demandons de régler la somme de ", B("{{totaux.total | montant}}"), " au plus tard le {{delai.date | date_longue}}.")
        .HowToPay()
        .Para("À défaut de règlement dans ce délai, une mise en demeure vous sera adressée.")
        .Signature("Nous vous prions d'agréer, Madame, Monsieur, l'expression de nos salutations distinguées.");

    private static Letter MiseEnDemeure(string subject) => new Letter()
        .Indent(B("{{debiteur.nom}}"))
        .Indent("{{#debiteur.siren}}SIREN {{debiteur.siren}}{{/debiteur.siren}}")
        .Indent("{{debiteur.adresse}}")
        .Indent("{{debiteur.code_postal}} {{debiteur.ville}}")
        .Blank()
        .Para(I("Par lettre recommandée électronique"))
        .Right("{{courrier.lieu}}, le {{courrier.date | date_longue}}")
        .Para(B("Réf. : "), "{{dossier.reference}}")
        .Center(B("MISE EN DEMEURE"))
        .Para(B("Objet : "), subject);

    private static Letter Claim(this Letter l, string actingFor) => l
        .Para("Madame, Monsieur,")
        .Para(actingFor)
        .Para("Vous restez redevable des factures suivantes, demeurées impayées à leur échéance :")
        .InvoiceTable(penalties: true)
        .EarlierReminders()
        .Amounts()
        .Para("Fondement : {{regime.fondement}}");

    private static Letter Demand(this Letter l) => l
        .Para(B("En conséquence, nous vous mettons en demeure de régler la somme de {{totaux.total | montant}} dans un délai de {{delai.jours}} jours à compter de la réception de la présente, soit au plus tard le {{delai.date | date_longue}}."))
        .HowToPay();

    public static Letter MiseEnDemeureProfessionnel() => MiseEnDemeure("mise en demeure de payer — factures impayées")
        .Claim("Nous intervenons en qualité de conseil de {{creancier.nom}} (SIREN {{creancier.siren}}), {{creancier.adresse}}, {{creancier.code_postal}} {{creancier.ville}}, qui nous a chargés du recouvrement de sa créance à votre égard.")
        .Para("Conformément à l'article L.441-10 II du Code de commerce, ces sommes sont majorées de plein droit des pénalités de retard courant depuis le lendemain de chaque échéance, et de l'indemnité forfaitaire de 40 € par facture prévue par l'article D.441-5 du même code.")
        .Demand()
        .Para("À défaut de règlement dans ce délai, nous avons reçu instruction d'engager sans autre avis toute procédure judiciaire utile, notamment une requête en injonction de payer (articles 1405 et suivants du Code de procédure civile) ou une assignation en référé-provision (article 835 du même code), les frais de procédure s'ajoutant alors aux sommes dues.")
        .Para("La présente vaut mise en demeure au sens de l'article 1344 du Code civil.")
        .Signature("Veuillez agréer, Madame, Monsieur, l'expression de nos salutations distinguées.");

    public static Letter MiseEnDemeureConsommateur() => MiseEnDemeure("mise en demeure de payer")
        .Claim("Nous intervenons en qualité de conseil de {{creancier.nom}}, {{creancier.adresse}}, {{creancier.code_postal}} {{creancier.ville}}, qui nous a chargés du recouvrement de sa créance à votre égard.")
        .Para("Conformément aux articles 1231-6 et 1344-1 du Code civil, ces sommes porteront intérêts au taux légal à compter de la réception de la présente mise en demeure.")
        .Demand()
        .Para("À défaut de règlement dans ce délai, nous avons reçu instruction d'engager une procédure de recouvrement : procédure simplifiée de recouvrement des petites créances par commissaire de justice (article L.125-1 du Code des procédures civiles d'exécution) ou requête en injonction de payer (articles 1405 et suivants du Code de procédure civile).")
        .Para("Si vous rencontrez des difficultés de paiement, nous vous invitons à prendre contact avec nous sans attendre afin d'examiner un échéancier.")
        .Para("La présente vaut mise en demeure au sens de l'article 1344 du Code civil.")
        .Signature("Veuillez agréer, Madame, Monsieur, l'expression de nos salutations distinguées.");

    public static Letter MiseEnDemeureHonoraires() => MiseEnDemeure("mise en demeure de payer — honoraires")
        .Claim("Nous vous avons assisté dans le cadre du mandat que vous nous avez confié. Nos honoraires, facturés conformément à la convention d'honoraires, restent impayés.")
        .Para("{{#debiteur.professionnel}}Conformément à l'article L.441-10 II du Code de commerce, ces sommes sont majorées de plein droit des pénalités de retard et de l'indemnité forfaitaire de 40 € par facture (article D.441-5 du même code).{{/debiteur.professionnel}}{{^debiteur.professionnel}}Conformément aux articles 1231-6 et 1344-1 du Code civil, ces sommes porteront intérêts au taux légal à compter de la réception de la présente mise en demeure.{{/debiteur.professionnel}}")
        .Demand()
        .Para("À défaut de règlement dans ce délai, nous saisirons Monsieur ou Madame le Bâtonnier de l'Ordre des avocats d'une demande de fixation de nos honoraires, conformément aux articles 174 et suivants du décret n° 91-1197 du 27 novembre 1991, la décision rendue pouvant ensuite être rendue exécutoire.")
        .Para("La présente vaut mise en demeure au sens de l'article 1344 du Code civil.")
        .Signature("Veuillez agréer, Madame, Monsieur, l'expression de nos salutations distinguées.");

    public static Letter CourrielCourtoisie() => new Letter()
        .Para("Madame, Monsieur,")
        .Para("Nous nous permettons de vous rappeler que les factures suivantes de {{creancier.nom}} arrivent à échéance prochainement :")
        .Para("{{#factures}}— facture {{numero}} du {{date | date}} : {{reste_du | montant}}, à régler au plus tard le {{echeance | date}} ;{{/factures}}")
        .Para("Si le règlement est déjà en cours, nous vous remercions et vous prions de ne pas tenir compte de ce message.")
        .HowToPay()
        .Para("Bien cordialement,")
        .Para("{{avocat.nom}} — {{cabinet.nom}}")
        .Para("Réf. {{dossier.reference}}");

    public static Letter CourrielRelance1() => new Letter()
        .Para("Madame, Monsieur,")
        .Para("Sauf erreur de notre part, les factures suivantes de {{creancier.nom}} restent impayées à ce jour :")
        .Para("{{#factures}}— facture {{numero}} du {{date | date}}, échue le {{echeance | date}} : {{reste_du | montant}} ;{{/factures}}")
        .Para("Soit un total de {{totaux.principal | montant}}, que nous vous remercions de régler au plus tard le {{delai.date | date}}.")
        .HowToPay()
        .Para("Si votre règlement a été effectué entre-temps, merci de ne pas tenir compte de ce message.")
        .Para("Bien cordialement,")
        .Para("{{avocat.nom}} — {{cabinet.nom}}")
        .Para("Réf. {{dossier.reference}}");
}
