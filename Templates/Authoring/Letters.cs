using static TemplateAuthoring.Letter;

namespace TemplateAuthoring;

/// <summary>
/// The text of each shipped template, in the firm's voice: courteous first, then firm and factual. Each mandatory
/// mention and its source is listed in Templates/README.md; the host's lint checks the fields they need.
/// </summary>
public static class Letters
{
    private const string Closing = "Nous vous prions d'agréer, Madame, Monsieur, l'expression de nos salutations " +
        "distinguées.";
    private const string ConfraternalClosing = "Je vous prie de croire, Mon cher Confrère, à l'assurance de mes " +
        "sentiments confraternels dévoués.";

    /// <summary>
    /// The address block, the channel the letter really leaves by, place and date, reference and subject.
    /// </summary>
    private static Letter Heading(string subject, bool notice = false, bool official = false)
    {
        var l = new Letter();
        if (official) l.Center(B("OFFICIELLE")); // RIN art. 3.2: a letter between lawyers that may be shown to a court
        l.Indent(B("{{destinataire.nom}}"));
        if (notice && !official)
            l.Indent("{{#debiteur.siren}}").Indent("SIREN {{debiteur.siren}}").Indent("{{/debiteur.siren}}");
        l.Indent("{{destinataire.adresse}}")
            .Indent("{{destinataire.code_postal}} {{destinataire.ville}}")
            .Blank()
            .Para(I("{{courrier.mode_envoi}}"))
            .Right("{{courrier.lieu}}, le {{courrier.date | date_longue}}")
            .Para(B("Réf. : "), "{{dossier.reference}}");
        if (notice) l.Center(B("MISE EN DEMEURE"));
        return l.Para(B("Objet : "), subject);
    }

    // The column names what the regime charges: L.441-10 penalties between professionals, legal interest otherwise.
    private const string InterestColumn =
        "{{#regime.penalites}}Pénalités{{/regime.penalites}}{{^regime.penalites}}Intérêts{{/regime.penalites}}";

    private static Letter InvoiceTable(this Letter l, string interestHeader = InterestColumn, bool indemnity = false) =>
        indemnity
        ? l.Table("factures", ("Facture", "{{numero}}", false), ("Date", "{{date | date}}", false),
            ("Échéance", "{{echeance | date}}", false),
            ("Montant TTC", "{{montant_ttc | montant}}", true), ("Reste dû", "{{reste_du | montant}}", true),
            (interestHeader, "{{penalites | montant}}", true), ("Indemnité", "{{indemnite | montant}}", true))
        : l.Table("factures", ("Facture", "{{numero}}", false), ("Date", "{{date | date}}", false),
            ("Échéance", "{{echeance | date}}", false),
            ("Montant TTC", "{{montant_ttc | montant}}", true), ("Reste dû", "{{reste_du | montant}}", true),
            (interestHeader, "{{penalites | montant}}", true));

    private static Letter PlainInvoiceTable(this Letter l) =>
        l.Table("factures", ("Facture", "{{numero}}", false), ("Date", "{{date | date}}", false),
            ("Échéance", "{{echeance | date}}", false),
            ("Montant TTC", "{{montant_ttc | montant}}", true), ("Reste dû", "{{reste_du | montant}}", true));

    /// <summary>
    /// The breakdown a judge asks for (CPC 1407): each invoice's periods with their dates, days, rate and amount.
    /// </summary>
    private static Letter Breakdown(this Letter l) => l
        .Para("{{#totaux.penalites}}")
        .Para("Décompte, période par période, des {{#regime.penalites}}pénalités de retard{{/regime.penalites}}" +
            "{{^regime.penalites}}intérêts au taux légal{{/regime.penalites}} (sur le principal restant dû, jours " +
            "comptés sur une année de 365 jours) :")
        .Table("decompte", ("Facture", "{{facture}}", false), ("Du", "{{du | date}}", false),
            ("Au", "{{au | date}}", false), ("Jours", "{{jours}}", true),
            ("Taux", "{{taux | pourcentage}}", true), ("Base", "{{base | montant}}", true),
            ("Montant", "{{montant | montant}}", true))
        .Para("{{/totaux.penalites}}");

    private static Letter HowToPay(this Letter l) => l
        .Para("Le règlement peut être effectué par virement sur le compte ", B("IBAN {{paiement.iban}}"),
            " (BIC {{paiement.bic}}), en rappelant la référence ", B("{{paiement.reference}}"), ".")
        .Para("{{#paiement.lien}}")
        .Para("Vous pouvez également régler en ligne à l'adresse suivante : {{paiement.lien}}")
        .Para("{{/paiement.lien}}");

    /// <summary>
    /// RIN art. 8.2: the reminder that the debtor may consult a lawyer, in every letter to a client's debtor.
    /// </summary>
    private static Letter ConsultLawyer(this Letter l) => l
        .Para("{{#mentions.conseil_avocat}}")
        .Para("{{mentions.conseil_avocat}}")
        .Para("{{/mentions.conseil_avocat}}");

    private static Letter Signature(this Letter l, string closing) => l
        .Para(closing)
        .Blank()
        .Indent(B("{{avocat.nom}}"))
        .Indent("Avocat au {{avocat.barreau}}")
        .Indent(I("{{^creancier.est_cabinet}}Conseil de {{creancier.nom}}{{/creancier.est_cabinet}}"));

    private static Letter Amounts(this Letter l) => l
        .Para("Principal restant dû : ", B("{{totaux.principal | montant}}"))
        .Para("{{regime.libelle}} au {{courrier.date | date}} : ", B("{{totaux.penalites | montant}}"))
        .Para("{{#regime.penalites}}Indemnités forfaitaires pour frais de recouvrement : " +
            "{{totaux.indemnites | montant}}{{/regime.penalites}}")
        .Para("{{#totaux.credit}}Trop-perçu déduit : {{totaux.credit | montant}}{{/totaux.credit}}")
        .Para(B("Total réclamé : {{totaux.total | montant}}"));

    /// <summary>
    /// The earlier steps by the name they had, with the invoices each covered; courtesy messages before the due date
    /// are not among them.
    /// </summary>
    private static Letter EarlierReminders(this Letter l, string intro) => l
        .Para("{{#courrier.apres_relances}}")
        .Para(intro)
        .Para("{{#relances_precedentes}}")
        .Para("— {{nom}} du {{date | date}} (factures visées : {{factures}})")
        .Para("{{/relances_precedentes}}")
        .Para("{{/courrier.apres_relances}}");

    /// <summary>
    /// What the penalties or interest are, once the totals already include them up to the letter's date.
    /// </summary>
    private static Letter Running(this Letter l) => l
        .Para("{{#regime.penalites}}Les pénalités de retard ci-dessus sont arrêtées au {{courrier.date | date}} ; " +
            "elles continuent de courir sur le principal restant dû jusqu'à complet paiement (article L. 441-10 II " +
            "du Code de commerce). L'indemnité forfaitaire pour frais de recouvrement de 40 € est due de plein droit " +
            "pour chaque facture payée en retard (articles L. 441-10 II et D. 441-5 du même " +
            "code).{{/regime.penalites}}")
        .Para("{{#regime.interets_legaux}}{{#interets.depuis}}Les intérêts au taux légal courent depuis le " +
            "{{interets.depuis | date_longue}}, date d'effet de notre précédente interpellation, et jusqu'à complet " +
            "paiement (articles 1231-6 et 1344-1 du Code civil).{{/interets.depuis}}{{^interets.depuis}}Ces sommes " +
            "porteront intérêts au taux légal à compter de la réception de la présente mise en demeure, jusqu'à " +
            "complet paiement (articles 1231-6 et 1344-1 du Code civil).{{/interets.depuis}}" +
            "{{/regime.interets_legaux}}");

    /// <summary>
    /// The deadline, true for the channel: from the receipt for a registered letter, with a date only for an e-mail.
    /// </summary>
    private const string Deadline = "dans un délai de {{delai.jours}} jours {{delai.point_de_depart}}{{#delai.date}}" +
        ", soit au plus tard le {{delai.date | date_longue}}{{/delai.date}}";

    private static Letter Demand(this Letter l) => l
        .Para(B("En conséquence, nous vous mettons en demeure de régler la somme de " +
            "{{totaux.total | montant}} " + Deadline + "."))
        .HowToPay();

    /// <summary>
    /// What may follow, mentioned and not threatened (RIN art. 8.2); costs are for the judge (CPC 696, 700;
    /// CPCE L.111-8).
    /// </summary>
    private static Letter Procedures(this Letter l) => l
        .Para("À défaut de règlement dans ce délai, notre client pourra saisir la justice, notamment par une requête " +
            "en injonction de payer (articles 1405 et suivants du Code de procédure civile) ou par une demande de " +
            "provision en référé devant le président du {{procedure.juridiction}} (article " +
            "{{procedure.article_refere}} du même code). Il appartiendra alors au juge de statuer sur les dépens et " +
            "les frais exposés (articles 696 et 700 du même code).")
        .Para("{{#procedure.petites_creances}}Le montant en principal et intérêts n'excédant pas 5 000 €, notre " +
            "client pourra aussi vous proposer la procédure simplifiée de recouvrement des petites créances, " +
            "conduite par un commissaire de justice, à laquelle vous serez libre de consentir ou non (articles " +
            "L. 125-1 et R. 125-1 du Code des procédures civiles d'exécution).{{/procedure.petites_creances}}");

    public static Letter Relance1() => Heading("relance pour facture(s) impayée(s)")
        .Para("Madame, Monsieur,")
        .Para("Nous intervenons en qualité de conseil de {{creancier.nom}}. Sauf erreur ou omission de notre part, " +
            "les factures suivantes, arrivées à échéance, ne sont pas réglées à ce jour :")
        .PlainInvoiceTable()
        .Para("Le montant restant dû s'élève à ", B("{{totaux.principal | montant}}"), ".")
        .Para("Il s'agit sans doute d'un simple oubli. Nous vous remercions de bien vouloir procéder au " +
            "règlement " + Deadline + ".")
        .HowToPay()
        .Para("Si votre règlement a été effectué entre-temps, nous vous prions de ne pas tenir compte de la présente.")
        .ConsultLawyer()
        .Signature(Closing);

    public static Letter Relance2() => Heading("seconde relance — factures impayées")
        .Para("Madame, Monsieur,")
        .EarlierReminders("Nous vous avons déjà adressé, pour le compte de {{creancier.nom}} :")
        .Para("{{#courrier.apres_relances}}Malgré ces démarches, les factures ci-dessous demeurent " +
            "impayées :{{/courrier.apres_relances}}{{^courrier.apres_relances}}Les factures ci-dessous, émises par " +
            "{{creancier.nom}}, demeurent impayées :{{/courrier.apres_relances}}")
        .InvoiceTable()
        .Amounts()
        .Para("{{#regime.penalites}}Entre professionnels, tout retard de paiement entraîne de plein droit des " +
            "pénalités de retard et une indemnité forfaitaire de 40 € par facture pour frais de recouvrement " +
            "({{regime.articles}}).{{/regime.penalites}}")
        .Para("Nous vous demandons de régler la somme de ", B("{{totaux.total | montant}}"), " " + Deadline + ".")
        .HowToPay()
        .Para("À défaut de règlement dans ce délai, une mise en demeure vous sera adressée.")
        .ConsultLawyer()
        .Signature(Closing);

    private static Letter Claim(this Letter l, string actingFor, string interestHeader, bool indemnity) => l
        .Para("Madame, Monsieur,")
        .Para(actingFor)
        .Para("Vous restez redevable des sommes suivantes, au titre de factures demeurées impayées à leur échéance :")
        .InvoiceTable(interestHeader, indemnity)
        .Amounts()
        .Breakdown()
        .EarlierReminders("Nous vous avons déjà relancé sans succès :");

    public static Letter MiseEnDemeureProfessionnel() => Heading("mise en demeure de payer — factures impayées",
            notice: true)
        .Claim("Nous intervenons en qualité de conseil de {{creancier.nom}}{{#creancier.siren}} (SIREN " +
            "{{creancier.siren}}){{/creancier.siren}}, {{creancier.adresse}}, {{creancier.code_postal}} " +
            "{{creancier.ville}}, qui nous a chargés du recouvrement de sa créance à votre égard.",
            InterestColumn, indemnity: true)
        .Running()
        .Para("Fondement : {{regime.fondement}}")
        .Demand()
        .Procedures()
        .Para("La présente vaut mise en demeure au sens de l'article 1344 du Code civil.")
        .ConsultLawyer()
        .Signature(Closing);

    public static Letter MiseEnDemeureConsommateur() => Heading("mise en demeure de payer", notice: true)
        .Claim("Nous intervenons en qualité de conseil de {{creancier.nom}}{{#creancier.siren}} (SIREN " +
            "{{creancier.siren}}){{/creancier.siren}}, {{creancier.adresse}}, {{creancier.code_postal}} " +
            "{{creancier.ville}}, qui nous a chargés du recouvrement de sa créance à votre égard.",
            "Intérêts", indemnity: false)
        .Running()
        .Demand()
        .Procedures()
        .Para("Si vous rencontrez des difficultés de paiement, nous vous invitons à prendre contact avec nous sans " +
            "attendre afin d'examiner un échéancier.")
        .Para("La présente vaut mise en demeure au sens de l'article 1344 du Code civil.")
        .ConsultLawyer()
        .Signature(Closing);

    /// <summary>
    /// The firm's own fees: to its own client, so outside RIN art. 8.2; the bâtonnier, the fee agreement, the consumer
    /// mediator.
    /// </summary>
    public static Letter MiseEnDemeureHonoraires() => Heading("mise en demeure de payer — honoraires", notice: true)
        .Para("Madame, Monsieur,")
        .Para("Vous nous avez confié la défense de vos intérêts{{#honoraires.convention}}, dans le cadre de la " +
            "convention d'honoraires signée le {{honoraires.convention_date | date_longue}}" +
            "{{#honoraires.convention_reference}} (référence " +
            "{{honoraires.convention_reference}}){{/honoraires.convention_reference}}{{/honoraires.convention}}. " +
            "Nos honoraires et frais, détaillés dans les factures ci-dessous, restent impayés à leur échéance :")
        .InvoiceTable(InterestColumn, indemnity: false)
        .Amounts()
        .Breakdown()
        .EarlierReminders("Nous vous avons déjà relancé sans succès :")
        .Running()
        .Demand()
        .Para("À défaut de règlement dans ce délai, nous saisirons le bâtonnier de l'ordre des avocats du " +
            "{{avocat.barreau}} d'une demande de fixation de nos honoraires, conformément aux articles 174 et " +
            "suivants du décret n° 91-1197 du 27 novembre 1991 ; sa décision pourra ensuite être rendue exécutoire. " +
            "Si vous contestez ces honoraires, vous pouvez vous-même saisir ce bâtonnier.")
        .Para("{{#debiteur.consommateur}}")
        .Para("Vous pouvez également recourir gratuitement au médiateur de la consommation dont nous relevons " +
            "(articles L. 612-1 et L. 616-1 du Code de la consommation) : {{mediateur.nom}}, " +
            "{{mediateur.adresse}}{{#mediateur.email}}, {{mediateur.email}}{{/mediateur.email}}, {{mediateur.site}}.")
        .Para("{{/debiteur.consommateur}}")
        .Para("La présente vaut mise en demeure au sens de l'article 1344 du Code civil.")
        .Signature(Closing);

    /// <summary>
    /// To the debtor's counsel (RIN art. 8.2): « Officielle » so it may be produced (RIN 3.2), counsel told before any
    /// proceedings (RIN 5.4).
    /// </summary>
    public static Letter MiseEnDemeureConfrere() => Heading(
            "{{creancier.nom}} c/ {{debiteur.nom}} — mise en demeure de payer", notice: true, official: true)
        .Para("Mon cher Confrère,")
        .Para("{{^creancier.est_cabinet}}J'interviens en qualité de conseil de {{creancier.nom}}{{#creancier.siren}} " +
            "(SIREN {{creancier.siren}}){{/creancier.siren}}.{{/creancier.est_cabinet}}{{#creancier.est_cabinet}}Je " +
            "vous écris au sujet des honoraires que me doit votre client.{{/creancier.est_cabinet}} Vous m'avez " +
            "indiqué assister {{debiteur.nom}}{{#debiteur.siren}} (SIREN {{debiteur.siren}}){{/debiteur.siren}} : " +
            "c'est donc à vous que je m'adresse.")
        .Para("Votre client reste redevable des sommes suivantes, au titre de factures demeurées impayées à leur " +
            "échéance :")
        .InvoiceTable(InterestColumn, indemnity: true)
        .Amounts()
        .Breakdown()
        .EarlierReminders("Votre client a déjà reçu, sans y donner suite :")
        .Running()
        .Para("Fondement : {{regime.fondement}}")
        .Para(B("Je vous remercie de bien vouloir inviter votre client à régler la somme de " +
            "{{totaux.total | montant}} " + Deadline + ". La présente vaut mise en demeure de votre client au sens " +
            "de l'article 1344 du Code civil."))
        .HowToPay()
        .Para("{{^creancier.est_cabinet}}Conformément à l'article 5.4 du Règlement intérieur national de la " +
            "profession d'avocat, je vous informe qu'à défaut de règlement dans ce délai, mon client entend saisir " +
            "la justice, notamment par une requête en injonction de payer (articles 1405 et suivants du Code de " +
            "procédure civile) ou par une demande de provision en référé devant le président du " +
            "{{procedure.juridiction}} (article {{procedure.article_refere}} du même code).{{/creancier.est_cabinet}}" +
            "{{#creancier.est_cabinet}}Conformément à l'article 5.4 du Règlement intérieur national de la profession " +
            "d'avocat, je vous informe qu'à défaut de règlement dans ce délai, je saisirai le bâtonnier de l'ordre " +
            "des avocats du {{avocat.barreau}} d'une demande de fixation de mes honoraires (articles 174 et suivants " +
            "du décret n° 91-1197 du 27 novembre 1991).{{/creancier.est_cabinet}}")
        .Para("Cette lettre ne fait référence à aucun écrit ni propos confidentiel : elle est officielle " +
            "(article 3.2 du Règlement intérieur national) et pourra être produite en justice.")
        .Signature(ConfraternalClosing);

    /// <summary>A reminder to the debtor's counsel, for every step before the mise en demeure (RIN art. 8.2).</summary>
    public static Letter RelanceConfrere() => Heading("{{creancier.nom}} c/ {{debiteur.nom}} — factures impayées")
        .Para("Mon cher Confrère,")
        .Para("{{^creancier.est_cabinet}}J'interviens en qualité de conseil de {{creancier.nom}}. " +
            "{{/creancier.est_cabinet}}Vous assistez {{debiteur.nom}}, qui n'a pas réglé les factures " +
            "suivantes{{#creancier.est_cabinet}} de mes honoraires{{/creancier.est_cabinet}}, arrivées à échéance :")
        .InvoiceTable(InterestColumn)
        .Amounts()
        .EarlierReminders("Votre client a déjà reçu :")
        .Para("Je vous remercie de bien vouloir inviter votre client à régler la somme de ",
            B("{{totaux.total | montant}}"), " " + Deadline + ".")
        .HowToPay()
        .Signature(ConfraternalClosing);

    public static Letter CourrielConfrere() => new Letter()
        .Para("Mon cher Confrère,")
        .Para("{{^creancier.est_cabinet}}J'interviens en qualité de conseil de {{creancier.nom}}. " +
            "{{/creancier.est_cabinet}}Votre client, {{debiteur.nom}}, n'a pas réglé les factures " +
            "suivantes{{#creancier.est_cabinet}} de mes honoraires{{/creancier.est_cabinet}} :")
        .Para("{{#factures}}")
        .Para("— facture {{numero}} du {{date | date}}, échue le {{echeance | date}} : {{reste_du | montant}}")
        .Para("{{/factures}}")
        .Para("Soit un total de {{totaux.principal | montant}}, que je vous remercie de l'inviter à " +
            "régler " + Deadline + ".")
        .HowToPay()
        .Para("Bien confraternellement,")
        .Para("{{avocat.nom}} — {{cabinet.nom}}")
        .Para("Réf. {{dossier.reference}} — {{courrier.mode_envoi}}");

    public static Letter CourrielCourtoisie() => new Letter()
        .Para("Madame, Monsieur,")
        .Para("Nous nous permettons de vous rappeler que les factures suivantes de {{creancier.nom}} arrivent à " +
            "échéance prochainement :")
        .Para("{{#factures}}")
        .Para("— facture {{numero}} du {{date | date}} : {{reste_du | montant}}, à régler au plus tard le " +
            "{{echeance | date}}")
        .Para("{{/factures}}")
        .Para("Si le règlement est déjà en cours, nous vous remercions et vous prions de ne pas tenir compte de ce " +
            "message.")
        .HowToPay()
        .ConsultLawyer()
        .Para("Bien cordialement,")
        .Para("{{avocat.nom}} — {{cabinet.nom}}")
        .Para("Réf. {{dossier.reference}} — {{courrier.mode_envoi}}");

    public static Letter CourrielRelance1() => new Letter()
        .Para("Madame, Monsieur,")
        .Para("Sauf erreur de notre part, les factures suivantes de {{creancier.nom}} restent impayées à ce jour :")
        .Para("{{#factures}}")
        .Para("— facture {{numero}} du {{date | date}}, échue le {{echeance | date}} : {{reste_du | montant}}")
        .Para("{{/factures}}")
        .Para("Soit un total de {{totaux.principal | montant}}, que nous vous remercions de régler " + Deadline + ".")
        .HowToPay()
        .Para("Si votre règlement a été effectué entre-temps, merci de ne pas tenir compte de ce message.")
        .ConsultLawyer()
        .Para("Bien cordialement,")
        .Para("{{avocat.nom}} — {{cabinet.nom}}")
        .Para("Réf. {{dossier.reference}} — {{courrier.mode_envoi}}");

    /// <summary>
    /// The requête en injonction de payer (CPC 1405 to 1407): the court (54 1°), the object (54 2°), the applicant as a
    /// legal person (54 3° b) and the debtor (57), the exact amount with its breakdown and its basis, the bordereau of
    /// exhibits (1407, since 1 March 2022), date and signature (57). Sources in Templates/README.md.
    /// </summary>
    public static Letter RequeteInjonctionDePayer()
    {
        var l = new Letter();
        l.Center(B("REQUÊTE EN INJONCTION DE PAYER"))
            .Center(I("(articles 1405 et suivants du Code de procédure civile)"))
            .Blank()
            .Para(B("À {{requete.destinataire}}"))
            .Para("Juridiction saisie : {{requete.juridiction}}, juridiction du lieu où demeure le débiteur ou, pour " +
                "une société, où elle est établie (articles 1406 et 43 du Code de procédure civile).")
            .Blank()
            .Para(B("À LA REQUÊTE DE :"))
            .Para("{{creancier.nom}}, {{requete.creancier_forme}}, dont le siège social est situé " +
                "{{creancier.adresse}}, {{creancier.code_postal}} {{creancier.ville}}{{#creancier.siren}}, " +
                "immatriculée sous le numéro SIREN {{creancier.siren}}{{/creancier.siren}}, agissant poursuites et " +
                "diligences de son représentant légal domicilié en cette qualité audit siège,")
            .Para("Ayant pour avocat {{avocat.nom}}, avocat au {{avocat.barreau}}, {{cabinet.nom}}, " +
                "{{cabinet.adresse}}, {{cabinet.code_postal}} {{cabinet.ville}}, au cabinet duquel il est fait " +
                "élection de domicile.")
            .Para(B("CONTRE :"))
            .Para("{{debiteur.nom}}{{#debiteur.siren}}, SIREN {{debiteur.siren}}{{/debiteur.siren}}, " +
                "{{#debiteur.professionnel}}dont le siège ou l'établissement est " +
                "situé{{/debiteur.professionnel}}{{^debiteur.professionnel}}demeurant{{/debiteur.professionnel}} " +
                "{{debiteur.adresse}}, {{debiteur.code_postal}} {{debiteur.ville}}.")
            .Para(B("OBJET DE LA DEMANDE :"), " obtenir une ordonnance portant injonction de payer (article 1405 du " +
                "Code de procédure civile).")
            .Para(B("EXPOSÉ :"))
            .Para("Le requérant est créancier du débiteur au titre des factures suivantes, émises et demeurées " +
                "impayées à leur échéance :")
            .InvoiceTable(InterestColumn, indemnity: true)
            .Para("Fondement de la créance : {{requete.fondement}}")
            .Para("Fondement des " +
                "{{#regime.penalites}}pénalités{{/regime.penalites}}{{^regime.penalites}}" +
                "intérêts{{/regime.penalites}} : {{regime.fondement}}")
            .Para("Décompte précis de la somme réclamée, arrêté au {{courrier.date | date}} (article 1407 du Code de " +
                "procédure civile) :")
            .Para("Principal restant dû : ", B("{{totaux.principal | montant}}"))
            .Para("{{regime.libelle}} : ", B("{{totaux.penalites | montant}}"))
            .Para("{{#regime.penalites}}Indemnités forfaitaires pour frais de recouvrement (40 € par facture) : " +
                "{{totaux.indemnites | montant}}{{/regime.penalites}}")
            .Para("{{#totaux.credit}}Trop-perçu déduit : {{totaux.credit | montant}}{{/totaux.credit}}")
            .Para(B("Total : {{totaux.total | montant}}"))
            .Breakdown()
            .EarlierReminders("Le débiteur a été relancé puis mis en demeure sans succès :")
            .Para("La créance est certaine, liquide et exigible ; elle a une cause contractuelle. Aucune tentative " +
                "préalable de règlement amiable n'est exigée pour cette procédure ; elle a néanmoins été faite, " +
                "comme il est dit ci-dessus.")
            .Para(B("PAR CES MOTIFS,"), " le requérant sollicite qu'il plaise à {{requete.destinataire}} de rendre " +
                "une ordonnance enjoignant à {{debiteur.nom}} de payer à {{creancier.nom}} la somme de ",
                B("{{totaux.total | montant}}"), ", dont {{totaux.principal | montant}} en principal, " +
                "{{#regime.penalites}}avec les pénalités de retard au taux de l'article L. 441-10 II du Code de " +
                "commerce{{/regime.penalites}}{{^regime.penalites}}avec les intérêts au taux " +
                "légal{{/regime.penalites}} sur le principal jusqu'à complet paiement, et de statuer sur les dépens " +
                "(article 696 du Code de procédure civile).")
            .Para(B("BORDEREAU DES PIÈCES PRODUITES"), " (article 1407 du Code de procédure civile) :")
            .Table("bordereau", ("Pièce n°", "{{numero}}", false), ("Intitulé", "{{intitule}}", false))
            .Right("Fait à {{courrier.lieu}}, le {{courrier.date | date_longue}}")
            .Blank()
            .Indent(B("{{avocat.nom}}"))
            .Indent("Avocat au {{avocat.barreau}}");
        return l;
    }

    /// <summary>
    /// The firm's proposal of the procédure simplifiée de recouvrement des petites créances (CPCE L.125-1, R.125-1 to
    /// R.125-2): who the creditor is, the claim's basis and amount in principal and interest, element by element, the
    /// commissaire de justice mandated and his office, the debtor's freedom to accept or refuse within one month of the
    /// commissaire's invitation, silence being a refusal, every cost on the creditor, the suspension of prescription
    /// (C. civ. 2238) and the court if the debtor refuses. The formal invitation itself is the commissaire's letter
    /// (R.125-2, on the ministry's model): this letter announces it. Sources in Templates/README.md.
    /// </summary>
    public static Letter InvitationPetitesCreances() => Heading("proposition de procédure simplifiée de recouvrement " +
            "des petites créances (articles L. 125-1 et R. 125-1 et suivants du Code des procédures civiles " +
            "d'exécution)")
        .Para("Madame, Monsieur,")
        .Para("Nous intervenons en qualité de conseil de ", B("{{creancier.nom}}"), "{{#creancier.siren}}, SIREN " +
            "{{creancier.siren}}{{/creancier.siren}}, {{creancier.adresse}}, {{creancier.code_postal}} " +
            "{{creancier.ville}}.")
        .EarlierReminders("Nous vous avons déjà adressé, sans succès :")
        .Para("Les factures suivantes demeurent impayées à ce jour :")
        .InvoiceTable()
        .Para("Fondement de la créance : factures émises en exécution du contrat conclu entre les parties (article " +
            "1103 du Code civil) ; fondement des " +
            "{{#regime.penalites}}pénalités{{/regime.penalites}}{{^regime.penalites}}intérêts{{/regime.penalites}} : " +
            "{{regime.fondement}}")
        .Para("Montant de la créance arrêté au {{courrier.date | date}}, en distinguant ses différents éléments :")
        .Para("Principal restant dû : ", B("{{totaux.principal | montant}}"))
        .Para("{{regime.libelle}} : ", B("{{totaux.penalites | montant}}"))
        .Para(B("Soit, en principal et intérêts : {{totaux.principal_et_interets | montant}}"))
        .Para("Ce montant n'excédant pas 5 000 € en principal et intérêts (article R. 125-1 du Code des procédures " +
            "civiles d'exécution), notre client vous propose de régler ce différend par la procédure simplifiée de " +
            "recouvrement des petites créances, sans procès.")
        .Para("Il a mandaté à cet effet ", B("{{petites_creances.commissaire}}"), ", commissaire de justice, " +
            "{{petites_creances.etude}}{{#petites_creances.email}} (adresse électronique : " +
            "{{petites_creances.email}}){{/petites_creances.email}}. Celui-ci vous adressera, par lettre " +
            "recommandée avec demande d'avis de réception ou par voie électronique, l'invitation à participer à la " +
            "procédure prévue par l'article R. 125-2 du même code, accompagnée des formulaires d'acceptation et de " +
            "refus.")
        .Para(B("Vous êtes libre d'accepter ou de refuser cette procédure."), " Si vous l'acceptez, il vous " +
            "appartient de manifester votre accord auprès du commissaire de justice dans un délai d'un mois à " +
            "compter de l'envoi de son invitation. Si vous la refusez, vous pouvez le faire savoir par le formulaire " +
            "de refus ou par tout autre moyen. ", B("L'absence de réponse dans ce délai d'un mois vaut refus."))
        .Para("Les frais de toute nature qu'occasionne la procédure sont à la charge exclusive du créancier (article " +
            "L. 125-1 du Code des procédures civiles d'exécution) : elle ne vous coûtera rien. L'accord constaté par " +
            "le commissaire de justice suspend la prescription (article 2238 du Code civil). Sur l'accord des deux " +
            "parties quant au montant et aux modalités du paiement, qui peuvent comprendre des délais, le " +
            "commissaire de justice délivre un titre exécutoire (articles L. 111-3 7° et L. 125-1 du même code).")
        .Para("En cas de refus, exprès ou implicite, notre client pourra saisir le juge afin d'obtenir un titre " +
            "exécutoire, notamment par une requête en injonction de payer (articles 1405 et suivants du Code de " +
            "procédure civile).")
        .Para("Vous pouvez bien entendu régler dès à présent la somme due, ce qui mettra fin à la procédure.")
        .HowToPay()
        .ConsultLawyer()
        .Signature(Closing);
}
