using System.Security.Cryptography;
using System.Text;
using AddinHost.Cases;
using AddinHost.Infrastructure;
using AddinHost.Infrastructure.Audit;
using AddinHost.Infrastructure.Auth;
using AddinHost.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Graph.Models;
using AddinHost.Dispatch;
using AddinHost.Graph;

namespace AddinHost.Calendar;

/// <summary>
/// Puts a case's deadlines in the lawyer's calendar (or, for a case opened in a shared or delegated mailbox, the one
/// the firm chose for that mailbox) and keeps them right: created once (Graph's <c>transactionId</c>
/// makes a repeated creation return the same event), moved when the date moves, removed when it no longer applies.
/// </summary>
public sealed class CalendarSync(DunningDbContext db, CaseRepository cases, CaseService assessment, GraphClients graph,
    CurrentActor actor,
    CalendarTarget target, AuditTrail audit, ITenantContext tenant, TimeProvider clock,
    Judicial.JudicialService judicial)
{
    public const string Category = "OutlookDunning";
    private const string ParisWindowsZone = "Romance Standard Time";

    public async Task<IReadOnlyList<CalendarEntryDto>> SyncAsync(Guid caseId, CancellationToken ct)
    {
        try { return await SyncOnceAsync(caseId, ct); }
        catch (DbUpdateException e) when (DbConflicts.IsConflict(e))
        {
            // Another instance saved the same deadline a moment earlier (a double click across the load balancer).
            // Graph's transaction id gave both requests the same event, so syncing again from what is saved is exact.
            db.ChangeTracker.Clear();
            return await SyncOnceAsync(caseId, ct);
        }
    }

    private async Task<IReadOnlyList<CalendarEntryDto>> SyncOnceAsync(Guid caseId, CancellationToken ct)
    {
        var c = await cases.GetAsync(caseId, ct);
        var today = clock.Today();
        var dispatches = await db.Dispatches.AsNoTracking().Where(d => d.CaseId == caseId).ToListAsync(ct);
        var wanted = CaseDeadlines.For(c, await assessment.AssessAsync(c, today, ct), dispatches, today)
            .Concat((await judicial.DeadlinesAsync(c, ct))
                .Select(d => new Deadline(Enum.Parse<DeadlineKind>(d.Kind), d.On, d.Title)))
            .ToList();
        var other = await target.MailboxAsync(ct);
        var owner = other ?? actor.Id; // one set of events per calendar, whoever of the mailbox's users syncs it
        var existing = await db.CalendarEntries.Where(e => e.CaseId == caseId && e.Owner == owner).ToListAsync(ct);
        var calendar = graph.ForMailbox(actor.Id, other);
        var events = calendar.Client.Me.Events;

        foreach (var deadline in wanted)
        {
            var entry = existing.SingleOrDefault(e => e.Kind == deadline.Kind);
            var body = Event(c, deadline);
            if (entry is null)
            {
                body.TransactionId = TransactionId(owner, caseId, deadline.Kind);
                var created = await GraphErrors.CallAsync(()
                    => calendar.SendAsync(events.ToPostRequestInformation(body),
                    Microsoft.Graph.Models.Event.CreateFromDiscriminatorValue, ct), "Calendrier introuvable.", other);
                db.CalendarEntries.Add(new CalendarEntry { CaseId = caseId, Kind = deadline.Kind, Owner = owner,
                    GraphEventId = created!.Id!, On = deadline.On, UpdatedAt = clock.GetUtcNow() });
            }
            else if (entry.On != deadline.On)
            {
                await GraphErrors.CallAsync(() => calendar.SendAsync(
                    events[entry.GraphEventId].ToPatchRequestInformation(body),
                    Microsoft.Graph.Models.Event.CreateFromDiscriminatorValue, ct),
                        "L'événement du calendrier a été supprimé.", other);
                (entry.On, entry.UpdatedAt) = (deadline.On, clock.GetUtcNow());
            }
        }
        foreach (var gone in existing.Where(e => wanted.All(w => w.Kind != e.Kind)))
        {
            try
            {
                await GraphErrors.CallAsync(async () =>
                {
                    await calendar.SendNoContentAsync(events[gone.GraphEventId].ToDeleteRequestInformation(), ct);
                    return true;
                }, "déjà supprimé", other);
            }
            // removed by the lawyer: fine
            catch (Infrastructure.Problems.DomainException e) when (e.Kind
                == Infrastructure.Problems.ErrorKind.NotFound) { }
            db.CalendarEntries.Remove(gone);
        }
        audit.Record(other is null ? "calendrier.synchronise" : "calendrier.synchronise-boite-partagee",
            nameof(RecoveryCase), caseId);
        await db.SaveChangesAsync(ct);
        return wanted.Select(w => new CalendarEntryDto(w.Kind, w.On, w.Title,
            db.CalendarEntries.Local.Single(e => e.CaseId == caseId && e.Kind == w.Kind && e.Owner == owner)
                .GraphEventId) { Mailbox = other }).ToList();
    }

    private static Event Event(RecoveryCase c, Deadline d) => new()
    {
        Subject = $"[{c.Reference}] {d.Title}",
        IsAllDay = true,
        Start = new DateTimeTimeZone { DateTime = Midnight(d.On), TimeZone = ParisWindowsZone },
        End = new DateTimeTimeZone { DateTime = Midnight(d.On.AddDays(1)), TimeZone = ParisWindowsZone },
        Categories = [Category],
        ShowAs = FreeBusyStatus.Free,
        IsReminderOn = true,
        ReminderMinutesBeforeStart = 24 * 60,
        Body = new ItemBody { ContentType = BodyType.Text,
            Content = $"Dossier de recouvrement {c.Reference} (OutlookDunning). {d.Title}." },
    };

    private static string Midnight(DateOnly day) =>
        day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) + "T00:00:00";

    /// <summary>The same case, deadline, calendar and firm always give the same id: a repeated creation is recognised
    /// by Graph.</summary>
    private string TransactionId(string owner, Guid caseId, DeadlineKind kind) =>
        new Guid(SHA256.HashData(Encoding.UTF8.GetBytes($"{tenant.TenantId}|{owner}|{caseId}|{kind}"))[..16])
            .ToString();
}
