namespace AddinHost.Infrastructure.Problems;

/// <summary>A request the rules refuse; <see cref="Exception.Message"/> is French and shown to the user.</summary>
public class DomainException(string message, ErrorKind kind = ErrorKind.Invalid,
    IDictionary<string, string[]>? errors = null) : Exception(message)
{
    /// <summary>Why it is refused; the edge (<see cref="ErrorKinds"/>) chooses the HTTP status.</summary>
    public ErrorKind Kind { get; } = kind;

    public IDictionary<string, string[]>? Errors { get; } = errors;

    /// <summary>Structured facts behind the refusal (e.g. what is kept and until when), added to the
    /// ProblemDetails.</summary>
    public IReadOnlyDictionary<string, object?>? Extensions { get; init; }

    /// <summary>When the refusal is about capacity: when to try again, sent as <c>Retry-After</c>.</summary>
    public int? RetryAfterSeconds { get; init; }

    public static DomainException NotFound(string what) => new($"{what} introuvable.", ErrorKind.NotFound);

    public static DomainException Invalid(string message, IDictionary<string, string[]>? errors = null) =>
        new(message, ErrorKind.Invalid, errors);

    public static DomainException Unauthenticated(string message) => new(message, ErrorKind.Unauthenticated);

    public static DomainException Forbidden(string message) => new(message, ErrorKind.Forbidden);

    public static DomainException Conflict(string message) => new(message, ErrorKind.Conflict);

    public static DomainException Unprocessable(string message, IDictionary<string, string[]>? errors = null) =>
        new(message, ErrorKind.Unprocessable, errors);

    public static DomainException TooMany(string message) => new(message, ErrorKind.TooMany);

    public static DomainException Unavailable(string message) => new(message, ErrorKind.Unavailable);
}
