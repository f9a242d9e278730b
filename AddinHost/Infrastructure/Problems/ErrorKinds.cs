namespace AddinHost.Infrastructure.Problems;

/// <summary>The edge's one mapping from an <see cref="ErrorKind"/> to an HTTP status, for responses and
/// OpenAPI.</summary>
public static class ErrorKinds
{
    public static int Status(this ErrorKind kind) => kind switch
    {
        ErrorKind.Invalid => StatusCodes.Status400BadRequest,
        ErrorKind.Unauthenticated => StatusCodes.Status401Unauthorized,
        ErrorKind.Forbidden => StatusCodes.Status403Forbidden,
        ErrorKind.NotFound => StatusCodes.Status404NotFound,
        ErrorKind.Conflict => StatusCodes.Status409Conflict,
        ErrorKind.Unprocessable => StatusCodes.Status422UnprocessableEntity,
        ErrorKind.TooMany => StatusCodes.Status429TooManyRequests,
        ErrorKind.Unavailable => StatusCodes.Status503ServiceUnavailable,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>Declares, for OpenAPI, the ProblemDetails responses a route may refuse with.</summary>
    public static TBuilder ProducesErrors<TBuilder>(this TBuilder builder, params ErrorKind[] kinds)
        where TBuilder : IEndpointConventionBuilder
    {
        foreach (var kind in kinds.Distinct()) builder.ProducesProblem(kind.Status());
        return builder;
    }
}
