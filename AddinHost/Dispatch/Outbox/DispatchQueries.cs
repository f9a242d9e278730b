using System.Linq.Expressions;
using AddinHost.Dispatch.Ar24;
using AddinHost.Infrastructure.Data;
using AddinHost.Infrastructure.Problems;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using AddinHost.Cases;
using AddinHost.Letters;
using AddinHost.Proofs;

namespace AddinHost.Dispatch.Outbox;

/// <summary>Reads dispatches as the API shows them: state, the letter's hash, every filed proof, and whether it is a
/// simulation.</summary>
public sealed class DispatchQueries(DunningDbContext db, IOptions<Ar24Options> ar24)
{
    /// <summary>Said on every dispatch when AR24 is a sandbox: nothing real leaves the firm.</summary>
    public string? Simulation => SimulationLabel(ar24.Value.BaseUrl);

    public static string? SimulationLabel(string ar24BaseUrl) =>
        ar24BaseUrl.Contains("/sandbox/ar24/", StringComparison.OrdinalIgnoreCase)
            ? "SIMULATION — bac à sable AR24 intégré : aucun courrier réel n'est envoyé, les preuves sont fictives."
            : ar24BaseUrl.Contains("sandbox.ar24.fr", StringComparison.OrdinalIgnoreCase)
                ? "SIMULATION — environnement de test d'AR24 : aucun courrier réel n'est envoyé."
                : null;

    public async Task<DispatchDto> GetAsync(Guid id, CancellationToken ct) =>
        await QueryAsync(d => d.Id == id, ct) ?? throw DomainException.NotFound("Envoi");

    public Task<DispatchDto?> FindAsync(Guid caseId, int level, CancellationToken ct) =>
        QueryAsync(d => d.CaseId == caseId && d.Level == level, ct);

    public async Task<IReadOnlyList<DispatchDto>> ForCaseAsync(Guid caseId, CancellationToken ct)
    {
        if (!await db.Cases.AnyAsync(c => c.Id == caseId, ct)) throw DomainException.NotFound("Dossier");
        var ids = await db.Dispatches.AsNoTracking().Where(d => d.CaseId == caseId).OrderBy(d => d.Level)
            .Select(d => d.Id).ToListAsync(ct);
        var list = new List<DispatchDto>();
        foreach (var id in ids) list.Add((await QueryAsync(d => d.Id == id, ct))!);
        return list;
    }

    private async Task<DispatchDto?> QueryAsync(Expression<Func<DispatchItem, bool>> filter, CancellationToken ct)
    {
        var dto = await (from d in db.Dispatches.AsNoTracking().Where(filter)
                         join l in db.GeneratedLetters.AsNoTracking() on d.LetterId equals l.Id
                         select new DispatchDto(d.Id, d.CaseId, d.Level, d.LevelName, d.Channel, d.ChannelReason,
                             d.State, "", d.ProviderMailId,
                             d.TrackingNumber, d.PostedOn, d.FailureReason, d.LetterId, l.Sha256, d.CreatedAt,
                                 d.UpdatedAt)
                         { MailboxOwner = d.MailboxOwner }).SingleOrDefaultAsync(ct);
        if (dto is null) return null;
        var proofs = await db.FiledProofs.AsNoTracking().Where(p => p.DispatchId == dto.Id).ToListAsync(ct);
        return dto with
        {
            StateLabel = DispatchStates.Label(dto.State),
            Proofs = proofs.OrderBy(p => p.FiledAt).ThenBy(p => p.Kind)
                .Select(p => new FiledProofDto(p.Kind, p.Sha256, p.Size, p.FiledAt,
                    $"/api/dispatches/{dto.Id}/proofs/{p.Kind}")).ToList(),
            Simulation = Simulation,
        };
    }
}
