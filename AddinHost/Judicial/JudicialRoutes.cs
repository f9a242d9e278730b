using AddinHost.Cases;
using AddinHost.Cases.Planning;

namespace AddinHost.Judicial;

/// <summary>One route the lawyer may take, why it fits (or not) and what it requires.</summary>
public sealed record RouteOption(
    JudicialRoute Route, string Label, bool Fits, string Reason, IReadOnlyList<string> Conditions);

/// <summary>
/// The judicial step of a case: whether it is reached, what stops the courts (and why), and every route with its
/// reason. <see cref="Amount"/> is the case view's total; <see cref="PrincipalAndInterest"/> is what the small-claims
/// ceiling is measured on.
/// </summary>
public sealed record JudicialDecision(
    bool Reached, string Situation, string? StoppedBy, decimal Amount, decimal PrincipalAndInterest,
    IReadOnlyList<RouteOption> Options);

/// <summary>
/// Which routes fit a case once the mise en demeure has failed; pure, from the case, its assessment and its file.
/// Sources: CPC 1405 (injonction de payer: a determined amount with a contractual or statutory cause); CPCE L.125-1 and
/// R.125-1 (small claims by a commissaire de justice: 5,000 € or less in principal and interest, the debtor's agreement
/// within a month of the invitation, every cost on the creditor, a title issued by the commissaire); CPC 835 al. 2 and
/// 873 al. 2 (référé-provision when the obligation is not seriously disputable); décret n° 91-1197, art. 174 et s. (a
/// lawyer's fees go to the bâtonnier); C. com. L.622-21 (the opening of insolvency proceedings stops every action for
/// the payment of money) and L.622-24 (the claim is declared to the mandataire judiciaire — period to confirm);
/// règlement (CE) n° 1896/2006 (European order for payment for a cross-border claim).
/// </summary>
public static class JudicialRoutes
{
    /// <summary>CPCE R.125-1, last paragraph: 5,000 € in principal and interest.</summary>
    public const decimal SmallClaimsCeiling = 5000m;

    /// <summary>EU member states other than France (ISO 3166-1 alpha-2, Greece as GR). Denmark is outside Reg.
    /// 1896/2006.</summary>
    public static readonly IReadOnlySet<string> OtherEuStates = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "AT", "BE", "BG", "CY", "CZ", "DE", "EE", "ES", "FI", "GR", "HR", "HU", "IE", "IT",
        "LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK",
    };

    /// <summary>Whether the ladder has reached its judicial step: the « décision » level is due, or every level was
    /// done.</summary>
    public static bool IsReached(CaseAssessment a, ReminderPolicy policy) =>
        a.Ladder.Status == CaseStatus.EchelleTerminee
        || (a.Ladder.Next is { } next && next.IsDue && next.Level < policy.Levels.Count
            && policy.Levels[next.Level].Channel == StepChannel.Decision);

    public static JudicialDecision Decide(RecoveryCase c, CaseAssessment a, ReminderPolicy policy, JudicialFile? file)
    {
        var amount = a.Statement?.Total ?? a.PrincipalRemaining;
        var principalAndInterest = a.Statement is { } s ? s.Principal + s.Interest : a.PrincipalRemaining;
        var reached = IsReached(a, policy) || file?.Route is not null;
        var situation = reached
            ? $"Phase judiciaire : la mise en demeure est restée sans effet ; {Money(amount)} restent dus."
            : $"Le dossier n'a pas atteint la phase judiciaire : {a.Ladder.StatusLabel}. {a.Ladder.Explanation}";
        var options = new List<RouteOption>();
        var writeOff = new RouteOption(JudicialRoute.ClassementIrrecouvrable,
            "Classer la créance comme irrécouvrable", true,
            "Le coût d'une procédure dépasse ce qu'elle peut rapporter, ou le débiteur est insolvable ou introuvable.",
            ["Accord du client", "Pièces justifiant l'irrécouvrabilité (pour sa comptabilité et la TVA)"]);
        var amicable = new RouteOption(JudicialRoute.RetourAmiable,
            "Revenir à l'amiable : échéancier", a.PrincipalRemaining > 0m,
            "Le débiteur propose de payer en plusieurs fois : un échéancier écrit suspend les relances (pause « " +
            "échéancier ») et peut valoir reconnaissance de dette (art. 2240 C. civ.).",
            ["Échéancier signé par le débiteur", "Retour à la phase judiciaire au premier impayé"]);

        if (file?.Insolvency is { } insolvency)
        {
            var stop = $"Le débiteur est en {Describe(insolvency)} depuis le {file.InsolvencyOpenedOn:dd/MM/yyyy} : " +
                $"le jugement d'ouverture interrompt ou interdit toute action en paiement d'une somme d'argent (art. " +
                $"L.622-21 C. com.). Aucune procédure judiciaire n'est possible contre lui.";
            options.Add(new(JudicialRoute.DeclarationDeCreance, "Déclarer la créance au mandataire judiciaire", true,
                "Seule voie ouverte : la créance antérieure au jugement d'ouverture est déclarée au mandataire (art. " +
                "L.622-24 C. com.), dans le délai qui court de la publication du jugement au BODACC (délai à " +
                "vérifier).",
                ["Publication du jugement au BODACC", "Décompte de la créance au jour du jugement d'ouverture",
                    "Pièces justificatives (factures, contrat)"]));
            options.Add(writeOff);
            return new(reached, situation, stop, amount, principalAndInterest, options);
        }
        if (file?.DebtorCountry is { } country && OtherEuStates.Contains(country))
        {
            var stop = $"Le débiteur est établi dans un autre État membre de l'Union ({country.ToUpperInvariant()}) " +
                $": la procédure européenne d'injonction de payer s'applique aux litiges transfrontières (règlement " +
                $"(CE) n° 1896/2006, art. 2 et 3), au lieu de l'injonction de payer française.";
            options.Add(new(JudicialRoute.InjonctionDePayerEuropeenne, "Injonction de payer européenne", amount > 0m,
                "Créance pécuniaire liquide et exigible contre un débiteur établi dans un autre État membre " +
                "(règlement (CE) n° 1896/2006, art. 4).",
                ["Formulaire A du règlement", "Juridiction compétente selon le règlement (UE) n° 1215/2012",
                    "Description des preuves (factures, mise en demeure)"]));
            options.Add(amicable);
            options.Add(writeOff);
            return new(reached, situation, stop, amount, principalAndInterest, options);
        }
        if (c.Creditor.Kind == CreditorKind.Cabinet)
        {
            options.Add(new(JudicialRoute.Batonnier, "Saisir le bâtonnier (contestation ou fixation des " +
                "honoraires)", true,
                "Les honoraires du cabinet ne se recouvrent pas par injonction de payer devant le tribunal : le " +
                "bâtonnier est saisi, sa décision pouvant ensuite être rendue exécutoire (décret n° 91-1197 du 27 " +
                "novembre 1991, art. 174 et suivants).",
                ["Réclamation au bâtonnier par lettre recommandée avec accusé de réception ou remise contre récépissé",
                    "Convention d'honoraires et factures", "Décision du bâtonnier, puis ordonnance d'exécution"]));
            options.Add(amicable);
            options.Add(writeOff);
            return new(reached, situation, null, amount, principalAndInterest, options);
        }
        var determined = a.Statement is not null && amount > 0m;
        options.Add(new(JudicialRoute.InjonctionDePayer, "Injonction de payer", determined,
            determined
                ? $"Créance d'un montant déterminé ({Money(amount)}) ayant une cause contractuelle : les factures " +
                    $"impayées (art. 1405 CPC). Procédure sur requête, sans audience ; aucune tentative amiable " +
                    $"préalable n'est exigée."
                : a.AmountsError is { } err
                    ? $"Le montant n'est pas déterminé : {err}"
                    : "Aucune somme n'est due.",
            ["Requête au président de la juridiction du lieu où demeure le débiteur (art. 1406 CPC)",
                "Mentions de l'art. 57 CPC, décompte précis de la créance et son fondement, bordereau des pièces " +
                "(art. 1407 CPC)",
                "Signification de l'ordonnance par commissaire de justice (art. 1411 CPC)"]));
        var small = principalAndInterest > 0m && principalAndInterest <= SmallClaimsCeiling;
        options.Add(new(JudicialRoute.PetitesCreances, "Procédure simplifiée de recouvrement des petites " +
            "créances", small,
            small
                ? $"Principal et intérêts de {Money(principalAndInterest)}, pas plus de {Money(SmallClaimsCeiling)} " +
                    $": un commissaire de justice invite le débiteur à un accord (art. L.125-1 et R.125-1 CPCE)."
                : $"Principal et intérêts de {Money(principalAndInterest)} : au-delà de {Money(SmallClaimsCeiling)}, " +
                    $"la procédure n'est pas ouverte (art. R.125-1 CPCE).",
            ["Accord du débiteur dans le mois de l'invitation du commissaire de justice ; son silence vaut refus",
                "Tous les frais sont à la charge du créancier (art. L.125-1 CPCE)",
                "Le titre délivré n'est pas une décision de justice (ni délai de dix ans, ni majoration de cinq " +
                "points)"]));
        var commercial = InjunctionCourts.NatureOf(c, file) == ClaimNature.Commerciale;
        options.Add(new(JudicialRoute.RefereProvision, "Référé-provision", a.PrincipalRemaining > 0m,
            "Provision accordée en référé lorsque l'obligation n'est pas sérieusement contestable (art. " +
            (commercial ? "873 al. 2" : "835 al. 2") + " CPC) : audience contradictoire, utile si une contestation " +
                "est à craindre.",
            ["Assignation par commissaire de justice", "Obligation non sérieusement contestable",
                "Avocat obligatoire selon la juridiction et le montant"]));
        options.Add(amicable);
        options.Add(writeOff);
        return new(reached, situation, null, amount, principalAndInterest, options);
    }

    public static string Label(JudicialRoute r) => r switch
    {
        JudicialRoute.InjonctionDePayer => "injonction de payer",
        JudicialRoute.PetitesCreances => "procédure simplifiée de recouvrement des petites créances",
        JudicialRoute.RefereProvision => "référé-provision",
        JudicialRoute.Batonnier => "saisine du bâtonnier",
        JudicialRoute.InjonctionDePayerEuropeenne => "injonction de payer européenne",
        JudicialRoute.DeclarationDeCreance => "déclaration de créance",
        JudicialRoute.ClassementIrrecouvrable => "classement comme irrécouvrable",
        _ => "retour à l'amiable (échéancier)",
    };

    public static string Describe(InsolvencyKind k) => k switch
    {
        InsolvencyKind.Sauvegarde => "procédure de sauvegarde",
        InsolvencyKind.RedressementJudiciaire => "redressement judiciaire",
        _ => "liquidation judiciaire",
    };

    private static string Money(decimal amount) => CaseCommands.Money(amount);
}
