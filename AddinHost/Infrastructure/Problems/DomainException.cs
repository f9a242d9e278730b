namespace AddinHost.Infrastructure.Problems;

/// <summary>A request the rules refuse; <see cref="Exception.Message"/> is French and shown to the user.</summary>
public class DomainException(string message, int statusCode = StatusCodes.Status400BadRequest, IDictionary<string, string[]>? errors = null)
    : Exception(message)
{
    public int StatusCode { get; } = statusCode;
    public IDictionary<string, string[]>? Errors { get; } = errors;

    public static DomainException NotFound(string what) => new($"{what} introuvable.", StatusCodes.Status404NotFound);
}
