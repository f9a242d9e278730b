using AddinHost.Cases;
namespace AddinHost.Privacy;

/// <summary>One case of the debtor: whether it may be erased today and, if not, what is kept, why and until
/// when.</summary>
public sealed record ErasureCase(Guid CaseId, string Reference, bool Erasable, DateOnly? ErasableFrom,
    IReadOnlyList<RetentionHold> Holds);

/// <summary>What an erasure would do today, without doing it.</summary>
public sealed record ErasurePlan(Guid DebtorId, DateOnly AsOf, bool DebtorErasable, IReadOnlyList<ErasureCase> Cases,
    IReadOnlyList<string> OutsideTheApp);

/// <summary>What an erasure did: the cases erased, the cases kept with their reasons, and whether the debtor is
/// gone.</summary>
public sealed record ErasureReport(Guid DebtorId, bool DebtorErased, IReadOnlyList<string> ErasedCases,
    IReadOnlyList<ErasureCase> KeptCases,
    IReadOnlyList<string> OutsideTheApp);

public static class ErasureNotes
{
    /// <summary>Copies the firm holds elsewhere, which the product cannot reach: the administrator must be
    /// told.</summary>
    public static readonly IReadOnlyList<string> OutsideTheApp =
    [
        "Les messages du débiteur et les échéances déjà inscrites restent dans les boîtes et calendriers Outlook des " +
            "avocats : effacez-les depuis Outlook.",
        "Les sauvegardes de la base et du stockage des preuves s'effacent d'elles-mêmes à l'expiration de leur durée " +
            "de rétention.",
        "Un nouvel import du fichier comptable contenant ce débiteur le recréerait : retirez-le aussi de la " +
            "comptabilité transmise.",
    ];
}
