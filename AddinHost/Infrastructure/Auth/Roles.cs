namespace AddinHost.Infrastructure.Auth;

/// <summary>App roles, as they will come from Entra ID's <c>roles</c> claim.</summary>
public static class Roles
{
    public const string Avocat = "Avocat";
    public const string Assistant = "Assistant";
    public const string Administrateur = "Administrateur";
}

/// <summary>Authorization policies: least privilege per action.</summary>
public static class Policies
{
    /// <summary>Read cases, reports and quotes: every member of the firm.</summary>
    public const string Lecture = nameof(Lecture);

    /// <summary>Enter data (imports, payments, acknowledgements): lawyers, assistants and admins.</summary>
    public const string Saisie = nameof(Saisie);

    /// <summary>Decide on a case (pauses, steps): lawyers only.</summary>
    public const string Decision = nameof(Decision);

    /// <summary>Edit policies and rates, read the audit log: admins only.</summary>
    public const string Administration = nameof(Administration);

    /// <summary>Any signed-in user of a firm, onboarded or not: to learn whether it is, and (an admin) to onboard
    /// it.</summary>
    public const string Inscription = nameof(Inscription);
}
