namespace AddinHost.Infrastructure.Auth;

/// <summary>Who is acting in this unit of work: a user's object id, or "cli" for the command line.</summary>
public sealed class CurrentActor
{
    public string Id { get; set; } = "anonyme";
}
