namespace AddinHost.Infrastructure.Problems;

/// <summary>A request the rules refuse; <see cref="Exception.Message"/> is French and shown to the user.</summary>
public class DomainException(string message, int statusCode = StatusCodes.Status400BadRequest, IDictionary<string, string[]>? errors = null)
    : Exception(message)
{
    public int StatusCode { get; } = statusCode;
    public IDictionary<string, string[]>? Errors { get; } = errors;

    /// <summary>Structured facts behind the refusal (e.g. what is kept and until when), added to the ProblemDetails.</summary>
    public IReadOnlyDictionary<string, object?>? Extensions { get; init; }

    /// <summary>When the refusal is about capacity: when to try again, sent as <c>Retry-After</c>.</summary>
    public int? RetryAfterSeconds { get; init; }

    public static DomainException NotFound(string what) => new($"{what} introuvable.", StatusCodes.Status404NotFound);
}
