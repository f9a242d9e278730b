using AddinHost.Dispatch.Ar24;
using Microsoft.Extensions.Options;

namespace AddinHost.Dispatch;

/// <summary>
/// Start-up check tying the outbox's timings to AR24's time-out: a lease too short for AR24's own time-out ends every
/// large send « À vérifier », and a grace shorter than the lease plus AR24's time-out would believe "not found" while
/// AR24 is still creating the mail.
/// </summary>
public sealed class DispatchTimingCheck(IOptions<Ar24Options> ar24) : IValidateOptions<DispatchOptions>
{
    public ValidateOptionsResult Validate(string? name, DispatchOptions options)
    {
        var timeout = ar24.Value.TimeoutSeconds;
        var errors = new List<string>();
        if (options.LeaseSeconds < DispatchOptions.CallsPerLease * timeout)
            errors.Add($"Dispatch:LeaseSeconds ({options.LeaseSeconds} s) doit valoir au moins "
                + $"{DispatchOptions.CallsPerLease} fois "
                + $"Ar24:TimeoutSeconds ({timeout} s) : un envoi dépose le courrier et ses pièces puis crée l'envoi, "
                    + $"chaque appel "
                + "pouvant durer le délai d'AR24 ; un tour plus court finirait « À vérifier » à chaque essai.");
        if (options.NotFoundGraceSeconds < options.LeaseSeconds + timeout)
            errors.Add($"Dispatch:NotFoundGraceSeconds ({options.NotFoundGraceSeconds} s) doit dépasser "
                + $"Dispatch:LeaseSeconds "
                + $"plus Ar24:TimeoutSeconds ({options.LeaseSeconds + timeout} s) : AR24 peut finir de créer un "
                    + $"courrier après "
                + "l'abandon de notre appel.");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
