namespace AddinHost.Cases.Planning;

/// <summary>The mention a letter carries of the way it really leaves (« Par lettre recommandée… »), by
/// channel.</summary>
public static class ChannelMentions
{
    public static string For(StepChannel channel) => channel switch
    {
        // eIDAS art. 43: admissible evidence, but not the LRAR's equivalent, so the letter must not call itself one.
        StepChannel.Ere => "Par envoi recommandé électronique simple (non qualifié)",
        // eIDAS art. 44 and CPCE L.100: the qualified service is equivalent to a registered letter.
        StepChannel.LreQualifiee => "Par lettre recommandée électronique",
        StepChannel.Courrier => "Par lettre recommandée avec demande d'avis de réception",
        StepChannel.Email => "Par courriel",
        _ => "Par courrier",
    };
}
