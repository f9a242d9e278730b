using AddinHost.Cases.Money;
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
        401 => "Connexion requise : aucun utilisateur authentifié (connexion Microsoft Entra ID ou mode démonstration).",
        403 => "Votre rôle ne permet pas cette action.",
        404 => "Ressource introuvable.",
        405 => "Méthode non autorisée sur cette adresse.",
        409 => "Conflit avec l'état actuel du dossier.",
        413 => "Le fichier envoyé est trop volumineux.",
        415 => "Type de contenu non pris en charge.",
        422 => "La demande ne peut pas être traitée.",
        _ => "Erreur interne : l'incident a été journalisé.",
    };

    private sealed class DomainExceptionHandler(IProblemDetailsService problems, ILogger<DomainExceptionHandler> log) : IExceptionHandler
    {
        public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken ct)
        {
            var (status, detail, errors) = exception switch
            {
                DomainException d => (d.StatusCode, d.Message, d.Errors),
                MissingRateException m => (StatusCodes.Status422UnprocessableEntity, m.Message, null),
                Letters.Engine.TemplateRenderException t => (StatusCodes.Status422UnprocessableEntity, t.Message, null),
                Proofs.ProofIntegrityException p => (StatusCodes.Status409Conflict, p.Message, null),
                Proofs.ProofNotFoundException p => (StatusCodes.Status409Conflict, $"{p.Message} Le classement est incomplet : prévenez l'administrateur.", null),
                BadHttpRequestException b => (b.StatusCode, BadRequestDetail(b), null),
                DbUpdateException or DbException when Data.DbConflicts.IsConflict(exception) => (StatusCodes.Status409Conflict,
                    "Une autre modification a eu lieu en même temps sur les mêmes données : rien n'a été enregistré, réessayez.", null),
                _ => (StatusCodes.Status500InternalServerError, DefaultDetail(500), (IDictionary<string, string[]>?)null),
            };
            if (exception is Proofs.ProofIntegrityException) http.RequestServices.GetRequiredService<Telemetry.DunningMetrics>().ProofHashFailed();
            if (status >= 500 || exception is Proofs.ProofIntegrityException)
                log.LogError(exception, "Error on {Method} {Path}", http.Request.Method, http.Request.Path);

            http.Response.StatusCode = status;
            if (exception is DomainException { RetryAfterSeconds: { } retry })
                http.Response.Headers.RetryAfter = retry.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var problem = errors is null
                ? new ProblemDetails { Status = status, Detail = detail }
                : new ValidationProblemDetails(errors) { Status = status, Detail = detail };
            if (exception is DomainException { Extensions: { } extensions })
                foreach (var (key, value) in extensions) problem.Extensions[key] = value;
            return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = problem, Exception = exception });
        }

        // Framework messages are English and may echo input; say what is wrong without them.
        private static string BadRequestDetail(BadHttpRequestException b) => b.InnerException switch
        {
            System.Text.Json.JsonException j => $"Corps JSON illisible ({j.Path ?? "racine"}) : vérifiez le format des champs (dates AAAA-MM-JJ, montants avec un point décimal).",
            _ when b.Message.Contains("required", StringComparison.OrdinalIgnoreCase) => "Un paramètre obligatoire est absent ou vide.",
            _ when b.Message.Contains("JSON", StringComparison.OrdinalIgnoreCase) => "Corps JSON attendu (Content-Type: application/json).",
            _ when b.Message.Contains("form", StringComparison.OrdinalIgnoreCase) => "Formulaire multipart attendu, avec le fichier dans le champ « file ».",
            _ => "Paramètre de requête invalide : vérifiez les identifiants, dates (AAAA-MM-JJ) et nombres.",
        };
    }
}

/// <summary>Helpers for endpoints to return French validation problems.</summary>
public static class Problem
{
    public static DomainException Validation(string field, string message) =>
        new(message, StatusCodes.Status400BadRequest, new Dictionary<string, string[]> { [field] = [message] });
}
