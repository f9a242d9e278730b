using AddinHost.Cases;
using AddinHost.Cases.Money;

namespace AddinHost.Judicial;

/// <summary>The kind of court with its reason, and the place the debtor's court must cover.</summary>
public sealed record CourtCompetence(
    InjunctionCourtKind Kind, string Label, string Reason, string Territory, string? DebtorCommune,
    bool NatureSetByLawyer);

/// <summary>
/// Which court hears a requête en injonction de payer.
/// Material competence (CPC 1406 al. 1: « le juge compétent » for the claim; COJ L.213-4-4 and L.213-4-5 for the
/// juge des contentieux de la protection): the président of the commercial court for a commercial claim (C. com.
/// L.721-3), called tribunal des activités économiques in the twelve courts of the 2025–2028 experiment (loi
/// n° 2023-1059, art. 26; arrêté du 5 juillet 2024); the juge des contentieux de la protection, whatever the amount,
/// for residential-lease and consumer-credit claims; otherwise the président of the tribunal judiciaire, whatever the
/// amount. Territorial competence: where the debtor, or one of them, lives or, for a company, is established (CPC 1406
/// al. 1 and 43); CPC 1406 al. 2 makes it a rule the judge raises of its own motion, so no contract clause changes it.
/// No authoritative commune→court dataset covering commercial courts could be shipped: the lawyer picks the court, with
/// the debtor's commune shown, and the choice is kept (never guessed).
/// </summary>
public static class InjunctionCourts
{
    /// <summary>The nature the lawyer stated, else a default from the parties' kinds (to confirm: see the
    /// reason).</summary>
    public static ClaimNature NatureOf(RecoveryCase c, JudicialFile? file) =>
        file?.Nature ?? (LateRegimes.For(c.Creditor.Quality, c.Debtor.Kind).Commercial
            ? ClaimNature.Commerciale : ClaimNature.Civile);

    public static CourtCompetence For(RecoveryCase c, JudicialFile? file, DateOnly on)
    {
        var nature = NatureOf(c, file);
        var byLawyer = file?.Nature is not null;
        var commune = c.Debtor.City is { Length: > 0 } city
            ? (c.Debtor.PostalCode is { Length: > 0 } pc ? $"{city} ({pc})" : city) : null;
        var territory = c.Debtor.Kind == DebtorKind.Professionnel
            ? "le lieu où la société débitrice est établie (CPC 1406 et 43)"
            : "le lieu où demeure le débiteur (CPC 1406 et 43)";
        territory += commune is null ? " : adresse du débiteur inconnue, à renseigner" : $" : {commune}";
        territory += " ; règle d'ordre public, une clause attributive de juridiction est sans effet (CPC 1406 al. 2).";
        var confirm = byLawyer ? "" : " Nature déduite de la qualité des parties : confirmez-la (une profession " +
            "libérale ou un artisan "
            + "non commerçant relève du tribunal judiciaire).";
        return nature switch
        {
            ClaimNature.Commerciale => new(
                Courts.TaeSeats.Any(s => string.Equals(s, c.Debtor.City?.Trim(), StringComparison.OrdinalIgnoreCase))
                    && on >= Courts.TaeFrom && on <= Courts.TaeUntil
                    ? InjunctionCourtKind.TribunalDesActivitesEconomiques : InjunctionCourtKind.TribunalDeCommerce,
                "Président du tribunal de commerce (ou du tribunal des activités économiques là où il siège)",
                "Créance commerciale (C. com. L.721-3) : le président de la juridiction commerciale statue sur la " +
                "requête." + confirm,
                territory, commune, byLawyer),
            ClaimNature.BailHabitation or ClaimNature.CreditConsommation => new(
                InjunctionCourtKind.JugeDesContentieuxDeLaProtection, "Juge des contentieux de la protection",
                (nature == ClaimNature.BailHabitation
                    ? "Créance née d'un bail d'habitation (COJ L.213-4-4)"
                    : "Créance née d'un crédit à la consommation (COJ L.213-4-5)")
                + " : le juge des contentieux de la protection est compétent quel que soit le montant.",
                territory, commune, byLawyer),
            _ => new(
                InjunctionCourtKind.TribunalJudiciaire, "Président du tribunal judiciaire",
                "Créance civile : le président du tribunal judiciaire est compétent quel que soit le montant (CPC " +
                "1406)." + confirm,
                territory, commune, byLawyer),
        };
    }

    public static string Label(InjunctionCourtKind kind) => kind switch
    {
        InjunctionCourtKind.TribunalDeCommerce => "tribunal de commerce",
        InjunctionCourtKind.TribunalDesActivitesEconomiques => "tribunal des activités économiques",
        InjunctionCourtKind.JugeDesContentieuxDeLaProtection => "juge des contentieux de la protection",
        _ => "tribunal judiciaire",
    };
}
