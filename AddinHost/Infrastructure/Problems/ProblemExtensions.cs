using System.Data.Common;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.AspNetCore.Mvc;

namespace AddinHost.Infrastructure.Problems;

/// <summary>Every error leaves as ProblemDetails with a French <c>detail</c>; a 500 is a bug.</summary>
public static class ProblemExtensions
{
    public static IHostApplicationBuilder AddDunningProblems(this IHostApplicationBuilder builder)
    {
        builder.Services.AddProblemDetails(o => o.CustomizeProblemDetails = c =>
        {
            c.ProblemDetails.Detail ??= DefaultDetail(c.ProblemDetails.Status);
            c.ProblemDetails.Extensions.Remove("exception");
        });
        builder.Services.AddExceptionHandler<DomainExceptionHandler>();
        // Malformed JSON or a bad route value throws, so the handler below can explain it in French.
        builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        return builder;
    }

    public static string DefaultDetail(int? status) => status switch
    {
        400 => "La requête est invalide.",
        401 => "Connexion requise : aucun utilisateur authentifié (connexion Microsoft Entra ID ou mode " +
            "démonstration).",
        403 => "Votre rôle ne permet pas cette action.",
        404 => "Ressource introuvable.",
        405 => "Méthode non autorisée sur cette adresse.",
        409 => "Conflit avec l'état actuel du dossier.",
        413 => "Le fichier envoyé est trop volumineux.",
        415 => "Type de contenu non pris en charge.",
        422 => "La demande ne peut pas être traitée.",
        _ => "Erreur interne : l'incident a été journalisé.",
    };

    /// <summary>Registers how a feature's own exception leaves: its status and French detail.</summary>
    public static IServiceCollection AddProblemMapping<TException>(this IServiceCollection services, ErrorKind kind,
        Func<TException, string>? detail = null, Action<HttpContext, TException>? alarm = null)
        where TException : Exception =>
        services.AddSingleton<IProblemMapper>(
            new ProblemMapper<TException>(kind.Status(), detail ?? (e => e.Message), alarm));

    private const string ConflictDetail =
        "Une autre modification a eu lieu en même temps sur les mêmes données : rien n'a été enregistré, réessayez.";

    private sealed class DomainExceptionHandler(IProblemDetailsService problems, IEnumerable<IProblemMapper> mappers,
        ILogger<DomainExceptionHandler> log) : IExceptionHandler
    {
        public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken ct)
        {
            var mapped = mappers.Select(m => m.Map(exception, http)).FirstOrDefault(m => m is not null);
            var (status, detail, errors) = exception switch
            {
                DomainException d => (d.Kind.Status(), d.Message, d.Errors),
                _ when mapped is not null => (mapped.Status, mapped.Detail, null),
                BadHttpRequestException b => (b.StatusCode, BadRequestDetail(b), null),
                DbUpdateException or DbException when Data.DbConflicts.IsConflict(exception) => (
                    StatusCodes.Status409Conflict, ConflictDetail, null),
                _ => (StatusCodes.Status500InternalServerError, DefaultDetail(500),
                    (IDictionary<string, string[]>?)null),
            };
            if (status >= 500 || mapped is { Alarm: true })
                log.LogError(exception, "Error on {Method} {Path}", http.Request.Method, http.Request.Path);

            http.Response.StatusCode = status;
            if (exception is DomainException { RetryAfterSeconds: { } retry })
                http.Response.Headers.RetryAfter = retry.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var problem = errors is null
                ? new ProblemDetails { Status = status, Detail = detail }
                : new ValidationProblemDetails(errors) { Status = status, Detail = detail };
            if (exception is DomainException { Extensions: { } extensions })
                foreach (var (key, value) in extensions) problem.Extensions[key] = value;
            return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = http,
                ProblemDetails = problem, Exception = exception });
        }

        // Framework messages are English and may echo input; say what is wrong without them.
        private static string BadRequestDetail(BadHttpRequestException b) => b.InnerException switch
        {
            System.Text.Json.JsonException j
                => $"Corps JSON illisible ({j.Path ?? "racine"}) : vérifiez le format des champs (dates AAAA-MM-JJ, " +
                $"montants avec un point décimal).",
            _ when b.Message.Contains("required", StringComparison.OrdinalIgnoreCase)
                => "Un paramètre obligatoire est absent ou vide.",
            _ when b.Message.Contains("JSON", StringComparison.OrdinalIgnoreCase)
                => "Corps JSON attendu (Content-Type: application/json).",
            _ when b.Message.Contains("form", StringComparison.OrdinalIgnoreCase)
                => "Formulaire multipart attendu, avec le fichier dans le champ « file ».",
            _ => "Paramètre de requête invalide : vérifiez les identifiants, dates (AAAA-MM-JJ) et nombres.",
        };
    }
}

/// <summary>A feature's exception as it leaves over HTTP; <see cref="Alarm"/> logs it as an error.</summary>
public sealed record ProblemMapping(int Status, string Detail, bool Alarm);

/// <summary>Maps one feature's exceptions to ProblemDetails; registered by the feature's own <c>AddX</c>.</summary>
public interface IProblemMapper
{
    /// <summary>The mapping, or null when the exception is not this mapper's.</summary>
    ProblemMapping? Map(Exception exception, HttpContext http);
}

internal sealed class ProblemMapper<TException>(int status, Func<TException, string> detail,
    Action<HttpContext, TException>? alarm) : IProblemMapper where TException : Exception
{
    public ProblemMapping? Map(Exception exception, HttpContext http)
    {
        if (exception is not TException e) return null;
        alarm?.Invoke(http, e);
        return new ProblemMapping(status, detail(e), alarm is not null);
    }
}

/// <summary>Helpers for endpoints to return French validation problems.</summary>
public static class Problem
{
    public static DomainException Validation(string field, string message) =>
        DomainException.Invalid(message, new Dictionary<string, string[]> { [field] = [message] });
}
