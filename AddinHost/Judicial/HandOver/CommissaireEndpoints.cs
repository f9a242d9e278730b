using AddinHost.Infrastructure;
using AddinHost.Infrastructure.Audit;
using AddinHost.Infrastructure.Auth;
using AddinHost.Infrastructure.Data;
using AddinHost.Infrastructure.Problems;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace AddinHost.Judicial.HandOver;

/// <summary>A commissaire de justice as the API shows it.</summary>
public sealed record CommissaireDto(Guid Id, string Name, string Office, string Email);

/// <summary>What the firm records of a commissaire de justice.</summary>
public sealed record CommissaireRequest(string? Name, string? Office, string? Email);

/// <summary>The firm's commissaires de justice, under <c>/api/commissaires-de-justice</c>.</summary>
public static class CommissaireEndpoints
{
    public static IEndpointRouteBuilder MapCommissaires(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/commissaires-de-justice").WithTags("Phase judiciaire");
        group.MapGet("/", List).WithName("ListCommissaires")
            .WithSummary("Commissaires de justice du cabinet (nom, étude, adresse électronique)")
            .RequireAuthorization(Policies.Lecture);
        group.MapPost("/", Create).WithName("CreateCommissaire")
            .WithSummary("Ajouter un commissaire de justice").RequireAuthorization(Policies.Decision);
        group.MapPut("/{id:guid}", Update).WithName("UpdateCommissaire")
            .WithSummary("Modifier un commissaire de justice").RequireAuthorization(Policies.Decision);
        group.MapDelete("/{id:guid}", Delete).WithName("DeleteCommissaire")
            .WithSummary("Retirer un commissaire de justice (les remises faites gardent ses coordonnées)")
            .RequireAuthorization(Policies.Decision);
        return app;
    }

    public static async Task<Ok<List<CommissaireDto>>> List(DunningDbContext db, CancellationToken ct) =>
        TypedResults.Ok(await db.Set<CommissaireDeJustice>().AsNoTracking().OrderBy(c => c.Name)
            .Select(c => new CommissaireDto(c.Id, c.Name, c.Office, c.Email)).ToListAsync(ct));

    public static async Task<Results<Created<CommissaireDto>, ProblemHttpResult>> Create(
        CommissaireRequest body, DunningDbContext db, AuditTrail audit, TimeProvider clock, CancellationToken ct)
    {
        var (name, office, email) = Validate(body);
        if (await db.Set<CommissaireDeJustice>().AnyAsync(c => c.Email == email, ct))
            throw new DomainException($"Un commissaire de justice a déjà l'adresse {email}.",
                ErrorKind.Conflict);
        var c = new CommissaireDeJustice { Name = name, Office = office, Email = email, UpdatedAt = clock.GetUtcNow() };
        db.Add(c);
        audit.Record("commissaire.cree", nameof(CommissaireDeJustice), c.Id);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/commissaires-de-justice/{c.Id}", ToDto(c));
    }

    public static async Task<Results<Ok<CommissaireDto>, ProblemHttpResult>> Update(
        Guid id, CommissaireRequest body, DunningDbContext db, AuditTrail audit, TimeProvider clock,
        CancellationToken ct)
    {
        var (name, office, email) = Validate(body);
        var c = await db.Set<CommissaireDeJustice>().SingleOrDefaultAsync(x => x.Id == id, ct)
            ?? throw DomainException.NotFound("Commissaire de justice");
        if (await db.Set<CommissaireDeJustice>().AnyAsync(x => x.Email == email && x.Id != id, ct))
            throw new DomainException($"Un autre commissaire de justice a déjà l'adresse {email}.",
                ErrorKind.Conflict);
        (c.Name, c.Office, c.Email, c.UpdatedAt) = (name, office, email, clock.GetUtcNow());
        audit.Record("commissaire.modifie", nameof(CommissaireDeJustice), c.Id);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(ToDto(c));
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> Delete(
        Guid id, DunningDbContext db, AuditTrail audit, CancellationToken ct)
    {
        var c = await db.Set<CommissaireDeJustice>().SingleOrDefaultAsync(x => x.Id == id, ct)
            ?? throw DomainException.NotFound("Commissaire de justice");
        db.Remove(c);
        audit.Record("commissaire.retire", nameof(CommissaireDeJustice), c.Id);
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }

    private static CommissaireDto ToDto(CommissaireDeJustice c) => new(c.Id, c.Name, c.Office, c.Email);

    private static (string Name, string Office, string Email) Validate(CommissaireRequest r)
    {
        var name = r.Name?.Trim();
        if (string.IsNullOrEmpty(name))
            throw Problem.Validation("name", "Indiquez le nom du commissaire de justice, par exemple « Maître Anne " +
                "Martin ».");
        if (name.Length > 200) throw Problem.Validation("name", "200 caractères au plus.");
        var office = r.Office?.Trim() ?? "";
        if (office.Length > 200) throw Problem.Validation("office", "200 caractères au plus.");
        var email = r.Email?.Trim().ToLowerInvariant();
        if (string.IsNullOrEmpty(email))
            throw Problem.Validation("email", "Indiquez l'adresse électronique de l'étude : la remise s'y fait par " +
                "courriel.");
        if (email.Length > 254 || !(System.Net.Mail.MailAddress.TryCreate(email, out var parsed)
                                    && parsed.Address == email))
            throw Problem.Validation("email", $"« {email} » n'est pas une adresse électronique valide.");
        return (name, office, email);
    }
}
